"""Rebuild the routing graph from an OpenStreetMap file. Dry run unless --commit."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from mapping.imports.texts import printed_progress
from mapping.routing.osm_import import ImportFileError, import_network


class Command(BaseCommand):
    help = "Import the pedestrian network from an OSM file (.osm, .osm.gz, .osm.bz2, .osm.pbf)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the OpenStreetMap file")
        parser.add_argument(
            "--commit",
            action="store_true",
            help="replace the routing network (without it, only count what would be imported)",
        )

    def handle(self, *args, file: str, commit: bool, **options):
        try:
            result = import_network(file, commit=commit, progress=printed_progress(self.stderr))
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        write_network_result(self, result)


def write_network_result(command: BaseCommand, result) -> None:
    """What a network import (OpenStreetMap or OpenSidewalks) counted, and what it did."""
    for name, value in result.counts.items():
        command.stdout.write(f"{name}: {value}")
    command.stdout.write(f"seconds: {result.seconds:.2f}")
    if result.committed:
        command.stdout.write(command.style.SUCCESS(_("The routing network was replaced.")))
    else:
        command.stdout.write(_("Dry run: nothing was written. Add --commit to import."))
