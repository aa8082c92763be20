"""Rebuild the map's country-level grid (mapping.public.grid) now, for example after a large
import; the worker also rebuilds it after every publication."""

import time

from django.core.management.base import BaseCommand

from mapping.public.grid import build_map_grid


class Command(BaseCommand):
    help = "Count the published places into the grid that the map's country-level tiles read."

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        build = build_map_grid()
        self.stdout.write(
            f"The map grid holds {build.cells} cells "
            f"(built in {time.perf_counter() - started:.1f} s)."
        )
