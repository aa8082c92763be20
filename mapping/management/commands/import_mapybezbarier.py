"""Import a Mapy bez bariér exchange file (JSON or XML): a thin wrapper over the import core."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.exchange import cli
from mapping.exchange.importer import import_objects
from mapping.exchange.mbb_format import DocumentError, guess_format, read
from mapping.imports.texts import printed_progress


class Command(BaseCommand):
    help = _("Import places and assessments from a Mapy bez bariér exchange file (JSON or XML).")
    # Tests hand in a double of the engine; the command line always uses mapping.categorisation.
    stealth_options = ("evaluate",)

    def add_arguments(self, parser) -> None:
        parser.add_argument("file")
        parser.add_argument("--format", choices=("json", "xml"), help=_("Default: by content."))
        parser.add_argument(
            "--source",
            default="mapybezbarier",
            help=_("Name of the source; with the objectId it identifies an object on re-import."),
        )
        cli.add_common_arguments(parser)

    def handle(self, *args, **options) -> None:
        data = cli.read_bytes(options["file"])
        fmt = options["format"] or guess_format(options["file"], data)
        extent = cli.extent_from_options(options)
        evaluate = cli.evaluate_from_options(options)
        progress = printed_progress(self.stderr)
        try:
            objects = read(data, fmt, progress)
        except DocumentError as e:
            raise CommandError(str(e)) from e
        report = import_objects(
            objects,
            source=options["source"],
            evaluate=evaluate,
            commit=options["commit"],
            extent=extent,
            progress=progress,
        )
        cli.write_report(self, report, options["verbosity"])
