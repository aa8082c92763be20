"""Benchmark of the public map layer: the view's time next to the raw PostGIS query's time.

    DATABASE_URL=postgis://.../bf_bench SECRET_KEY=x python bench/bench_publicmap.py \
        [--places 100000 1000000] [--runs 30]

For each number of places it fills a throw-away test database (created and dropped here, never
the real one), then requests the layer for a town-sized and a region-sized viewport and prints
the p50 and p95 of
  - the view (GET /places.geojson through Django's test client, cache emptied before each run,
    so the SQL runs every time),
  - the raw SQL of mapping.public.layer that produces the same bytes (the floor),
and the ratio view/raw. The issue asks for a ratio at or below 1.5 and a town viewport that grows
by less than 2x from 100,000 to 1,000,000 places.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barrierfree.settings")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    setup_test_environment,
    teardown_databases,
)

from mapping.public.filters import PlaceFilters  # noqa: E402
from mapping.public.layer import LayerRequest, layer_sql  # noqa: E402

CENTRE = (14.6575, 49.4144)  # Tábor
TOWN = (14.63, 49.40, 14.69, 49.43)  # about 4 x 3 km
REGION = (13.9, 49.0, 15.4, 49.9)  # about 110 x 100 km
SPREAD = (13.4, 48.6, 15.9, 50.2)  # where the places lie
RATIO_LIMIT = 1.5  # view / raw query, at p50 and at p95
GROWTH_LIMIT = 2.0  # town viewport, from the smallest to the largest number of places

FILL_SQL = """
WITH new_places AS (
    INSERT INTO mapping_place (
        name, kind, purposes, description, street, house_number, city, postcode, location,
        osm_id, source, source_id, is_demo, created_at, updated_at)
    SELECT 'Místo ' || g, 'building', ARRAY['office']::varchar[], '', 'Náměstí', g::text, 'Tábor',
        '', ST_SetSRID(ST_MakePoint(
            CASE WHEN g %% 20 = 0 THEN %s + random() * (%s - %s) ELSE %s + random() * (%s - %s) END,
            CASE WHEN g %% 20 = 0 THEN %s + random() * (%s - %s) ELSE %s + random() * (%s - %s) END
        ), 4326), '', '', '', true, now(), now()
    FROM generate_series(1, %s) AS g
    RETURNING id
)
INSERT INTO mapping_assessment (
    place_id, surveyor_name, survey_date, survey_kind, methodology_version, answers, result,
    wheelchair, seniors, pram, has_accessible_toilet, declared, disagrees_with_declared, status,
    review_comment, source, source_id, is_demo, created_at, updated_at, version)
SELECT id, '', current_date, 'building', 'bench', '{}', '{}',
    (ARRAY['accessible', 'partly', 'inaccessible'])[1 + id %% 3], 'partly', 'accessible',
    id %% 4 = 0, '{}', false, 'approved', '', '', '', true, now(), now(), 1
FROM new_places
"""


# The indexes of the filled tables that no constraint owns: dropped during the load and built
# again after it from their own definitions (building an index once is much faster than
# maintaining it row by row, above all the trigram index of the search).
LOOSE_INDEXES_SQL = """
SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
FROM pg_index i
WHERE i.indrelid IN ('mapping_place'::regclass, 'mapping_assessment'::regclass)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
"""


def fill(places: int) -> None:
    """`places` places, one in twenty inside the town, the others across the region."""
    west, south, east, north = TOWN
    sw, ss, se, sn = SPREAD
    with connection.cursor() as cursor:
        # A throw-away database: the load may take longer than a request is allowed to.
        cursor.execute("SET statement_timeout = 0")
        cursor.execute("SET maintenance_work_mem = '256MB'")
        cursor.execute("TRUNCATE mapping_place CASCADE")
        cursor.execute(LOOSE_INDEXES_SQL)
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")  # names read from the catalogue just above
        cursor.execute(
            FILL_SQL,
            [west, east, west, sw, se, sw, south, north, south, ss, sn, ss, places],
        )
        for _name, definition in indexes:
            cursor.execute(definition)
        cursor.execute("VACUUM ANALYZE mapping_place")
        cursor.execute("VACUUM ANALYZE mapping_assessment")
        cursor.execute("RESET statement_timeout")


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def measure(bbox: tuple[float, ...], zoom: int, runs: int) -> dict:
    client = Client()
    params = {"bbox": ",".join(str(v) for v in bbox), "zoom": zoom}
    sql, sql_params = layer_sql(LayerRequest(bbox=bbox, zoom=zoom, filters=PlaceFilters()))
    view_times, raw_times = [], []
    body = raw = None
    for _ in range(runs + 2):  # the first two warm the caches of PostgreSQL and Python
        cache.clear()
        start = time.perf_counter()
        response = client.get("/places.geojson", params)
        view_times.append(time.perf_counter() - start)
        body = response.content
        start = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql, sql_params)
            raw = cursor.fetchone()[0]
        raw_times.append(time.perf_counter() - start)
    assert response.status_code == 200, response.content[:200]
    assert body == raw.encode(), "the view and the raw query must give the same bytes"
    return {
        "view": percentiles(view_times[2:]),
        "raw": percentiles(raw_times[2:]),
        "bytes": len(body),
        "features": len(json.loads(body)["features"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        town_p50 = {}
        for places in args.places:
            fill(places)
            for name, bbox, zoom in (("town", TOWN, 16), ("region", REGION, 9)):
                result = measure(bbox, zoom, args.runs)
                view50, view95 = result["view"]
                raw50, raw95 = result["raw"]
                ratio50, ratio95 = view50 / raw50, view95 / raw95
                if name == "town":
                    town_p50[places] = view50
                verdict = "ok" if max(ratio50, ratio95) <= RATIO_LIMIT else "OVER THE LIMIT"
                print(  # noqa: T201 (a benchmark reports on stdout)
                    f"{places:>9,} places, {name:<6} viewport ({result['features']:,} features, "
                    f"{result['bytes']:,} bytes): "
                    f"view (GET /places.geojson) p50 {view50 * 1000:6.1f} ms "
                    f"p95 {view95 * 1000:6.1f} ms | "
                    f"floor (raw PostGIS query, same bytes) p50 {raw50 * 1000:6.1f} ms "
                    f"p95 {raw95 * 1000:6.1f} ms | "
                    f"ratio p50 {ratio50:.2f} p95 {ratio95:.2f} (limit {RATIO_LIMIT:.2f}) {verdict}"
                )
        if len(town_p50) > 1:
            smallest, largest = min(town_p50), max(town_p50)
            growth = town_p50[largest] / town_p50[smallest]
            verdict = "ok" if growth < GROWTH_LIMIT else "OVER THE LIMIT"
            print(  # noqa: T201
                f"town viewport view p50 growth {smallest:,} -> {largest:,} places: "
                f"{growth:.2f}x (limit {GROWTH_LIMIT:.2f}x) {verdict}"
            )
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
