"""Back up the database and both media stores into a folder: a thin door to mapping.backup."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from mapping.backup import BackupError
from mapping.backup.backup import human_size, make_backup
from mapping.management.jobs import JobCommand


class Command(JobCommand):
    help = _(
        "Back up the application into a new folder: a pg_dump of its database, the public media "
        "and the private photo originals, and manifest.json with every file's SHA-256."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help=_("The backup's folder: new, or empty."))

    def handle(self, *args, folder: str, **options) -> None:
        try:
            written = make_backup(Path(folder), self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = written["files"]
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Backup written to %(folder)s: the database %(name)s, public files: "
                    "%(media)s, private files: %(private)s; %(size)s in all."
                )
                % {
                    "folder": Path(folder).absolute(),
                    "name": written["database"]["name"],
                    "media": sum(f["path"].startswith("media/") for f in files),
                    "private": sum(f["path"].startswith("private/") for f in files),
                    "size": human_size(sum(f["size"] for f in files)),
                }
            )
        )
