"""Restore a backup into an empty database and empty media folders: a door to mapping.backup."""

from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _

from mapping.backup import BackupError
from mapping.backup.restore import restore_backup
from mapping.management.jobs import JobCommand


class Command(JobCommand):
    help = _(
        "Restore a backup made by the backup command into an empty database (created from "
        "template1) and empty media folders. Every file is checked before anything is written."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help=_("The backup's folder (with manifest.json)."))

    def handle(self, *args, folder: str, **options) -> None:
        try:
            restored = restore_backup(Path(folder), self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored the backup of %(created)s (application %(version)s) into the "
                    "database %(name)s; media files: %(files)s."
                )
                % {
                    "created": restored["created_at"],
                    "version": restored["application"]["version"],
                    "name": connection.settings_dict["NAME"],
                    "files": len(restored["files"]) - 1,
                }
            )
        )
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                self.style.WARNING(
                    _("This version has newer migrations than the backup: run manage.py migrate.")
                )
            )
