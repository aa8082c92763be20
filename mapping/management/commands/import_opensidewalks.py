"""Rebuild the routing graph from an OpenSidewalks dataset. Dry run unless --commit."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.imports.texts import printed_progress
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
        for name, value in result.counts.items():
            self.stdout.write(f"{name}: {value}")
        self.stdout.write(f"seconds: {result.seconds:.2f}")
        if result.committed:
            self.stdout.write(self.style.SUCCESS(_("The routing network was replaced.")))
        else:
            self.stdout.write(_("Dry run: nothing was written. Add --commit to import."))
