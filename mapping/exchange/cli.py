"""Shared pieces of the import commands: reading a file, the area option, printing a report."""

from pathlib import Path
from typing import Any

from django.contrib.gis.geos import Polygon
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.categorisation import categorise
from mapping.exchange.importer import Evaluate, ImportReport, municipalities_area

ACTION_LABELS = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "skipped": gettext_lazy("skipped"),
}


def add_common_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--commit", action="store_true", help=_("Write to the database (default: a dry run).")
    )
    parser.add_argument(
        "--bbox",
        help=_("Import only what lies in this box: west,south,east,north in degrees (WGS 84)."),
    )
    parser.add_argument(
        "--within-municipalities",
        action="store_true",
        help=_("Import only what lies inside the municipalities of this deployment."),
    )


def read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": e}) from e


def extent_from_options(options: dict[str, Any]) -> Polygon | None:
    if options.get("bbox"):
        try:
            west, south, east, north = (float(v) for v in options["bbox"].split(","))
        except ValueError:
            raise CommandError(
                _("--bbox must be four numbers: west,south,east,north, e.g. 14.1,49.28,14.2,49.33")
            ) from None
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise CommandError(_("--bbox must have west < east and south < north, in degrees."))
        return Polygon.from_bbox((west, south, east, north))
    if options.get("within_municipalities"):
        area = municipalities_area()
        if area is None:
            raise CommandError(_("This deployment has no municipalities yet."))
        return area
    return None


def evaluate_from_options(options: dict[str, Any]) -> Evaluate:
    """The engine under the deployment's methodology version (mapping.categorisation), unless a
    test passes a double of it as `evaluate`."""
    return options.get("evaluate") or categorise


def write_report(command: BaseCommand, report: ImportReport, verbosity: int = 1) -> None:
    for o in report.outcomes:
        if o.action == "unchanged" and verbosity < 2:
            continue
        line = f"#{o.index} {o.title!s:.60}: {ACTION_LABELS[o.action]}"
        if o.reason:
            line += f" ({o.reason})"
        if o.disagrees:
            line += " — " + _("declared category differs: %(what)s") % {
                "what": ", ".join(o.disagrees)
            }
        command.stdout.write(line)
    for note in report.notes:
        command.stdout.write(note)
    command.stdout.write(report.summary())
    if not report.committed:
        command.stdout.write(_("Dry run: nothing was written. Add --commit to import."))
