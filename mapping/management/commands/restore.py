"""Restore a backup into an empty database and empty media folders: a door to mapping.backup."""

from pathlib import Path

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from mapping.backup.restore import restore_backup
from mapping.management.backup_folder import BackupFolderCommand


class Command(BackupFolderCommand):
    help = _(
        "Restore a backup made by the backup command into an empty database (created from "
        "template1) and empty media folders. Every file is checked before anything is written."
    )
    folder_help = gettext_noop("The backup's folder (with manifest.json).")

    def run(self, folder: Path) -> dict:
        return restore_backup(folder, self.stdout.write)

    def summary(self, folder: Path, restored: dict) -> str:
        return _(
            "Restored the backup of %(created)s (application %(version)s) into the "
            "database %(name)s; media files: %(files)s."
        ) % {
            "created": restored["created_at"],
            "version": restored["application"]["version"],
            "name": connection.settings_dict["NAME"],
            "files": len(restored["files"]) - 1,
        }

    def handle(self, *args, **options) -> None:
        super().handle(*args, **options)
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                self.style.WARNING(
                    _("This version has newer migrations than the backup: run manage.py migrate.")
                )
            )
