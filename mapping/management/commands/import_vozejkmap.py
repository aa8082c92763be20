"""Import VozejkMap.cz GeoJSON points: a thin wrapper over the import core."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.exchange import cli
from mapping.exchange.importer import import_objects
from mapping.exchange.mbb_format import DocumentError
from mapping.exchange.vozejkmap import DATASET_DATE, read_geojson
from mapping.imports.texts import printed_progress
from mapping.models import ReviewStatus


class Command(BaseCommand):
    help = _("Import places from a VozejkMap.cz GeoJSON file.")
    stealth_options = ("evaluate",)

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--source", default="vozejkmap")
        parser.add_argument(
            "--date",
            default=DATASET_DATE,
            help=_("Survey date and time of the records (default: the 2015 export's date)."),
        )
        parser.add_argument(
            "--approve",
            action="store_true",
            help=_("Publish the new assessments at once instead of leaving them for review."),
        )
        cli.add_common_arguments(parser)

    def handle(self, *args, **options) -> None:
        data = cli.read_bytes(options["file"])
        extent = cli.extent_from_options(options)
        evaluate = cli.evaluate_from_options(options)
        progress = printed_progress(self.stderr)
        try:
            objects = read_geojson(data, options["date"], progress)
        except DocumentError as e:
            raise CommandError(str(e)) from e
        report = import_objects(
            objects,
            source=options["source"],
            evaluate=evaluate,
            commit=options["commit"],
            extent=extent,
            progress=progress,
            status=ReviewStatus.APPROVED if options["approve"] else ReviewStatus.SUBMITTED,
            declares_categories=False,
        )
        cli.write_report(self, report, options["verbosity"])
