"""The door that the backup and restore commands share: one argument, the backup's folder, the
work done by mapping.backup, its refusals (BackupError) as command errors, and one line that says
what was done."""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from mapping.backup import BackupError
from mapping.management.jobs import JobCommand


class BackupFolderCommand(JobCommand):
    # What the folder argument is, marked with gettext_noop and translated when --help asks.
    folder_help = ""

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", help=_(self.folder_help))

    def handle(self, *args, folder: str, **options) -> None:
        try:
            done = self.run(Path(folder))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(self.summary(Path(folder), done)))

    def run(self, folder: Path) -> dict:
        """Back up into `folder` or restore from it; what mapping.backup says it did."""
        raise NotImplementedError

    def summary(self, folder: Path, done: dict) -> str:
        raise NotImplementedError
