"""Import official Czech addresses (RÚIAN address points) from ČÚZK's CSV; dry run by default."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.ruian.csvfile import RuianFileError
from mapping.ruian.importer import import_addresses


class Command(BaseCommand):
    help = (
        "Import RÚIAN address points from ČÚZK's CSV files (one per municipality, windows-1250) "
        "or the ZIP of them. Dry run unless --commit; a re-import updates, never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="CSV files or ZIP files of them")
        parser.add_argument(
            "--municipality",
            action="append",
            metavar="CODE",
            help="import only this municipality (Kód obce, six digits); may be repeated",
        )
        parser.add_argument(
            "--commit",
            action="store_true",
            help="write the address points (without it, only count what would be imported)",
        )

    def handle(self, *args, files: list[str], municipality, commit: bool, **options):
        def progress(message: str) -> None:
            self.stderr.write(f"  {message}")

        codes = set(municipality) if municipality else None
        for code in codes or ():
            if not (code.isdigit() and len(code) == 6):
                raise CommandError(
                    _("A municipality code (Kód obce) has six digits, not “%(code)s”.")
                    % {"code": code}
                )
        try:
            result = import_addresses(files, commit=commit, municipalities=codes, progress=progress)
        except RuianFileError as error:
            raise CommandError(str(error) + " " + _("Nothing was imported.")) from error
        for name, value in result.counts.items():
            self.stdout.write(f"{name}: {value}")
        self.stdout.write(f"seconds: {result.seconds:.2f}")
        if result.committed:
            self.stdout.write(self.style.SUCCESS(_("The address points were imported.")))
        else:
            self.stdout.write(_("Dry run: nothing was written. Add --commit to import."))
