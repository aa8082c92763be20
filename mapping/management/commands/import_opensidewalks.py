"""Rebuild the routing graph from an OpenSidewalks dataset. Dry run unless --commit."""

from django.core.management.base import BaseCommand, CommandError

from mapping.imports.texts import printed_progress
from mapping.management.commands.import_osm_network import write_network_result
from mapping.routing.opensidewalks import import_opensidewalks
from mapping.routing.osm_import import ImportFileError


class Command(BaseCommand):
    help = (
        "Import the pedestrian network from an OpenSidewalks (OSW 0.2) dataset: its .zip, or its "
        "*.edges.geojson (with the *.nodes.geojson beside it, or given too)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="the OSW zip or GeoJSON files")
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--commit",
            action="store_true",
            help="replace the routing network (without it, only count what would be imported)",
        )
        mode.add_argument(
            "--dry-run",
            action="store_true",
            help="only read the files and count what would be imported (the default)",
        )

    def handle(self, *args, files: list[str], commit: bool, **options):
        try:
            result = import_opensidewalks(
                files, commit=commit, progress=printed_progress(self.stderr)
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        write_network_result(self, result)
