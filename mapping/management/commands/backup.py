"""Back up the database and both media stores into a folder: a thin door to mapping.backup."""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from mapping.backup.backup import human_size, make_backup
from mapping.management.backup_folder import BackupFolderCommand


class Command(BackupFolderCommand):
    help = _(
        "Back up the application into a new folder: a pg_dump of its database, the public media "
        "and the private photo originals, and manifest.json with every file's SHA-256."
    )
    folder_help = gettext_noop("The backup's folder: new, or empty.")

    def run(self, folder: Path) -> dict:
        return make_backup(folder, self.stdout.write)

    def summary(self, folder: Path, written: dict) -> str:
        files = written["files"]
        return _(
            "Backup written to %(folder)s: the database %(name)s, public files: "
            "%(media)s, private files: %(private)s; %(size)s in all."
        ) % {
            "folder": folder.absolute(),
            "name": written["database"]["name"],
            "media": sum(f["path"].startswith("media/") for f in files),
            "private": sum(f["path"].startswith("private/") for f in files),
            "size": human_size(sum(f["size"] for f in files)),
        }
