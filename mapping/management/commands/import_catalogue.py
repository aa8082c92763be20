"""Import the catalogue of social services: a coordinator's CSV/XLSX, RPSS JSON or Příbor JSON."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from mapping.catalogue.importer import REJECTED, import_records
from mapping.catalogue.readers import (
    FORMATS,
    SOURCE_NAMES,
    guess_format,
    load_codelists,
    read_records,
)
from mapping.catalogue.records import CatalogueFileError


class Command(BaseCommand):
    help = (
        "Import providers and services into the catalogue. Dry run unless --commit; "
        "prints one line per row: created, updated, unchanged or rejected (with why)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=FORMATS, help="Default: from the file name.")
        parser.add_argument(
            "--source",
            help="Name of the source, part of the key that makes re-imports idempotent "
            "(default: the format, e.g. 'spreadsheet', 'rpss', 'pribor').",
        )
        parser.add_argument(
            "--codelists",
            type=Path,
            help="RPSS only: a folder with the MPSV code lists as JSON "
            "(druhy-socialni-sluzby.json, cilove-skupiny-osoby.json, ...).",
        )
        parser.add_argument("--commit", action="store_true", help="Write to the database.")

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            data = path.read_bytes()
            fmt = options["format"] or guess_format(path.name, data)
            codelists = load_codelists(options["codelists"]) if options["codelists"] else None
            records = read_records(data, fmt, codelists)
        except CatalogueFileError as error:
            raise CommandError(str(error)) from error
        source = options["source"] or SOURCE_NAMES[fmt]
        report = import_records(records, source=source, commit=options["commit"])
        for row in report.rows:
            line = f"{row.line:>5}  {row.status:<9}  {row.label}"
            self.stdout.write(self.style.ERROR(line) if row.status == REJECTED else line)
            for reason in row.reasons:
                self.stdout.write(f"         - {reason}")
        if report.unmatched:
            self.stdout.write("\nAddresses to pin on the map (no place matched):")
            for row in report.unmatched:
                for text in row.unmatched:
                    self.stdout.write(f"{row.line:>5}  {row.label}: {text}")
        if report.created_from_ruian:
            self.stdout.write("\nPlaces created from RÚIAN address points (check them on the map):")
            for row in report.created_from_ruian:
                for text in row.created_from_ruian:
                    self.stdout.write(f"{row.line:>5}  {row.label}: {text}")
        counts = ", ".join(f"{name} {n}" for name, n in report.counts.items())
        mode = "written" if report.committed else "dry run, nothing written (use --commit)"
        self.stdout.write(f"\n{counts} ({mode})")
