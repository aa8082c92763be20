"""Import the catalogue of social services: a coordinator's CSV/XLSX, RPSS JSON or Příbor JSON."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from mapping.catalogue.importer import REJECTED, ImportReport, RowResult, import_records
from mapping.catalogue.readers import (
    FORMATS,
    SOURCE_NAMES,
    guess_format,
    load_codelists,
    read_records,
)
from mapping.catalogue.records import CatalogueFileError
from mapping.imports.texts import printed_progress


class Command(BaseCommand):
    help = _(
        "Import providers and services into the catalogue. Dry run unless --commit; "
        "prints one line per row: created, updated, unchanged or rejected (with why)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--format", choices=FORMATS, help=_("Default: from the file name."))
        parser.add_argument(
            "--source",
            help=_(
                "Name of the source, part of the key that makes re-imports idempotent "
                "(default: the format, e.g. 'spreadsheet', 'rpss', 'pribor')."
            ),
        )
        parser.add_argument(
            "--codelists",
            type=Path,
            help=_(
                "RPSS only: a folder with the MPSV code lists as JSON "
                "(druhy-socialni-sluzby.json, cilove-skupiny-osoby.json, ...)."
            ),
        )
        parser.add_argument(
            "--commit", action="store_true", help=_("Write to the database (default: a dry run).")
        )

    def handle(self, *args, **options) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            data = path.read_bytes()
            fmt = options["format"] or guess_format(path.name, data)
            codelists = load_codelists(options["codelists"]) if options["codelists"] else None
            records = read_records(data, fmt, codelists)
        except CatalogueFileError as error:
            raise CommandError(str(error)) from error
        source = options["source"] or SOURCE_NAMES[fmt]
        report = import_records(
            records,
            source=source,
            commit=options["commit"],
            progress=printed_progress(self.stderr),
        )
        self.write_report(report)

    def write_report(self, report: ImportReport) -> None:
        """The report in the active language, as the admin upload shows it."""
        for row in report.rows:
            line = f"{row.line:>5}  {row.status_label:<10}  {row.label}"
            self.stdout.write(self.style.ERROR(line) if row.status == REJECTED else line)
            for reason in row.reasons:
                self.stdout.write(f"         - {reason}")
        self._section(
            report.unmatched,
            "unmatched",
            _("Addresses to pin on the map"),
            _(
                "No place on the map has these addresses. Add the place, then link it to the "
                "service."
            ),
        )
        self._section(
            report.created_from_ruian,
            "created_from_ruian",
            _("Places created from RÚIAN"),
            _(
                "No place on the map had these addresses; official RÚIAN address points did, "
                "so a place was created at each. Check them on the map."
            ),
        )
        counts = report.counts
        self.stdout.write(
            "\n"
            + _(
                "Created %(created)s, updated %(updated)s, unchanged %(unchanged)s, "
                "rejected %(rejected)s."
            )
            % counts
        )
        if report.committed:
            self.stdout.write(_("Written to the catalogue"))
        else:
            self.stdout.write(_("Dry run: nothing was written. Add --commit to import."))

    def _section(self, rows: list[RowResult], attribute: str, heading: str, why: str) -> None:
        if not rows:
            return
        self.stdout.write(f"\n{heading}: {why}")
        for row in rows:
            for text in getattr(row, attribute):
                self.stdout.write(f"{row.line:>5}  {row.label}: {text}")
