"""Catalogue benchmarks: import, the services layer, the PDF. Run: python bench/bench_catalogue.py

Each figure is printed next to a floor measured in the same run (the bare parse, the bare SQL,
WeasyPrint on a one-line page) and the ratio. Works on the database of DATABASE_URL inside one
transaction that is rolled back, so it leaves nothing behind.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barrierfree.settings")

import django  # noqa: E402

django.setup()

import logging  # noqa: E402

# WeasyPrint logs every layout step at INFO; the figures are what matters here.
logging.getLogger("weasyprint").setLevel(logging.WARNING)

from django.db import connection, transaction  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from mapping.catalogue.importer import import_records  # noqa: E402
from mapping.catalogue.layer import ServicesLayerRequest, services_layer_geojson  # noqa: E402
from mapping.catalogue.print_views import catalogue_pdf  # noqa: E402
from mapping.catalogue.readers import read_records  # noqa: E402
from tests.catalogue.conftest import DEMO_CSV, create_demo_town  # noqa: E402

BARE_LAYER_SQL = """
SELECT count(*) FROM mapping_place p
JOIN mapping_service_places sp ON sp.place_id = p.id
JOIN mapping_service s ON s.id = sp.service_id
"""


def timed(function, repeat: int = 5) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def report(name: str, figure: float, floor: float, floor_name: str) -> None:
    ratio = figure / floor if floor else float("inf")
    sys.stdout.write(
        f"{name:<38} {figure:9.1f} ms   floor ({floor_name}) {floor:8.1f} ms   x{ratio:.1f}\n"
    )


def main() -> None:
    data = DEMO_CSV.read_bytes()
    with transaction.atomic():
        create_demo_town()
        parse = timed(lambda: read_records(data, "csv"))
        dry_run = timed(lambda: import_records(read_records(data, "csv"), "spreadsheet"))
        report("import demo CSV (dry run, 67 rows)", dry_run, parse, "parse only")
        import_records(read_records(data, "csv"), "spreadsheet", commit=True)
        reimport = timed(lambda: import_records(read_records(data, "csv"), "spreadsheet"))
        report("re-import, nothing changes", reimport, parse, "parse only")

        def bare_sql():
            with connection.cursor() as cursor:
                cursor.execute(BARE_LAYER_SQL)
                cursor.fetchone()

        report(
            "services layer GeoJSON (SQL)",
            timed(lambda: services_layer_geojson(ServicesLayerRequest(None, None)), 20),
            timed(bare_sql, 20),
            "bare join count",
        )
        from django.conf import settings
        from weasyprint import HTML

        host = (settings.ALLOWED_HOSTS or ["localhost"])[0].lstrip(".").replace("*", "localhost")
        request = RequestFactory(HTTP_HOST=host).get("/katalog/katalog.pdf", {"group": "type"})
        report(
            "PDF catalogue by type (64 services)",
            timed(lambda: catalogue_pdf(request), 3),
            timed(lambda: HTML(string="<p>Katalog</p>").write_pdf(), 3),
            "one-line PDF",
        )
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
