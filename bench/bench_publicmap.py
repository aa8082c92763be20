"""Benchmark of the public map layer and of its tiles: the view's time next to the raw PostGIS
query's time.

    DATABASE_URL=postgis://.../bf_bench SECRET_KEY=x python bench/bench_publicmap.py \
        [--places 1000 100000 1000000] [--runs 30] [--tile-runs 15]

For each number of places it fills a throw-away test database (created and dropped here, never
the real one), then requests the layer for a town-sized and a region-sized viewport and prints
the p50 and p95 of
  - the view (GET /places.geojson through Django's test client, cache emptied before each run,
    so the SQL runs every time),
  - the raw SQL of mapping.public.layer that produces the same bytes (the floor),
and the ratio view/raw. The issue asks for a ratio at or below 1.5 and a town viewport that grows
by less than 2x from 100,000 to 1,000,000 places.

Then the tiles (GET /places/{z}/{x}/{y}.geojson, mapping.public.tiles) of a town (zoom 15: its
places), a region (zoom 11: clusters counted from the places) and the whole country (zoom 7:
clusters from the prebuilt grid, whose build time is printed too). For each, A (the view, gzip
accepted, its cache emptied before each request) and B (the raw SQL of the same tile) alternate in
one loop; printed are the medians, the median of the pairwise ratios A/B, the bytes sent (gzipped)
and the text's bytes, and the same for the whole view a 1280 x 900 browser window fetches
(every tile of it, one after another). The places lie across Czechia, one in twenty in a town.

Then the peer (unless --no-peer): the same views over HTTP, the project behind gunicorn as
deployed next to tipg (the OGC Features and Tiles API on PostGIS, bench/peers.py, installed by
the benchmark into bench/out/tipg-venv) serving the same places table: A the project's tiles of
the window, B tipg's vector tiles (MVT) of the same tiles, and for the town C tipg's features
endpoint (GeoJSON items) for the bounding box of those tiles; both fetch 6 at a time, as a
browser does. A, B (and C) alternate in one loop; printed are the medians per request (the
centre tile) and per whole view, the medians of the pairwise ratios, and the bytes sent gzipped.
"""

import argparse
import gzip
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

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
from mapping.public.grid import build_map_grid  # noqa: E402
from mapping.public.layer import LayerRequest, layer_sql  # noqa: E402
from mapping.public.tiles import Tile, tile_request, tile_sql  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402

CENTRE = (14.6575, 49.4144)  # Tábor
TOWN = (14.63, 49.40, 14.69, 49.43)  # about 4 x 3 km
REGION = (13.9, 49.0, 15.4, 49.9)  # about 110 x 100 km
SPREAD = (12.1, 48.6, 18.8, 51.0)  # where the places lie: Czechia's bounding box
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
    not_remeasured, wheelchair, seniors, pram, has_accessible_toilet, declared,
    disagrees_with_declared, status, review_comment, source, source_id, is_demo, created_at,
    updated_at, version)
SELECT id, '', current_date, 'building', 'bench', '{}', '{}', '[]',
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


# The views of the tiles: name, zoom, and the targets for a whole view (ms, KB).
TILE_VIEWS = (("town", 15, 150, 100), ("region", 11, 500, 300), ("country", 7, 1000, 300))
WINDOW = (1280, 900)  # the browser window whose view is fetched whole


def tile_at(lon: float, lat: float, z: int) -> tuple[float, float]:
    """The position in tiles (fractional x, y) of a point at zoom z."""
    n = 2**z
    x = (lon + 180) / 360 * n
    y = (1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n
    return x, y


def window_tiles(lon: float, lat: float, z: int) -> list[Tile]:
    """The tiles a browser window centred on the point fetches (static/js/public/clusters.js)."""
    x, y = tile_at(lon, lat, z)
    half_w, half_h = WINDOW[0] / 2 / 256, WINDOW[1] / 2 / 256
    last = 2**z - 1
    xs = range(max(0, math.floor(x - half_w)), min(last, math.floor(x + half_w)) + 1)
    ys = range(max(0, math.floor(y - half_h)), min(last, math.floor(y + half_h)) + 1)
    return [Tile(z, tx, ty) for ty in ys for tx in xs]


def time_tile(client: Client, tile: Tile) -> tuple[float, float, int, int]:
    """One tile by A (the view) then B (the raw SQL): their times, the bytes sent, the text's."""
    url = f"/places/{tile.z}/{tile.x}/{tile.y}.geojson"
    cache.clear()
    start = time.perf_counter()
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    a = time.perf_counter() - start
    assert response.status_code == 200, response.content[:200]
    sql, params = tile_sql(tile_request(tile, PlaceFilters()))
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        text = cursor.fetchone()[0]
    b = time.perf_counter() - start
    assert gzip.decompress(response.content) == text.encode(), "A and B must give the same text"
    return a, b, len(response.content), len(text.encode())


def tiles_bench(places: int, runs: int, view_ms: dict) -> None:
    started = time.perf_counter()
    build = build_map_grid()
    print(  # noqa: T201
        f"{places:>9,} places: grid built in {time.perf_counter() - started:.2f} s "
        f"({build.cells:,} cells)"
    )
    client = Client()
    for name, zoom, limit_ms, limit_kb in TILE_VIEWS:
        x, y = tile_at(*CENTRE, zoom)
        centre_tile = Tile(zoom, int(x), int(y))
        ratios, a_times, b_times = [], [], []
        sent = text = 0
        for _ in range(runs + 2):  # A and B alternate; the first two warm up
            a, b, sent, text = time_tile(client, centre_tile)
            a_times.append(a)
            b_times.append(b)
            ratios.append(a / b)
        a50, b50 = statistics.median(a_times[2:]), statistics.median(b_times[2:])
        count = json.loads(tile_text(centre_tile))["count"]
        hit = statistics.median(cached_times(client, centre_tile, runs))
        print(  # noqa: T201
            f"{places:>9,} places, {name:<7} tile z{zoom} ({count:,} places): "
            f"A view {a50 * 1000:7.1f} ms | B raw SQL {b50 * 1000:7.1f} ms | "
            f"A/B median of pairwise ratios {statistics.median(ratios[2:]):.2f} | "
            f"from the cache {hit * 1000:6.1f} ms | {sent:,} bytes gzipped ({text:,} bytes of text)"
        )
        tiles = window_tiles(*CENTRE, zoom)
        view_a, view_b, view_ratios = [], [], []
        for _ in range(max(3, runs // 3)):
            totals = [0.0, 0.0, 0, 0]
            for tile in tiles:
                for i, value in enumerate(time_tile(client, tile)):
                    totals[i] += value
            view_a.append(totals[0])
            view_b.append(totals[1])
            view_ratios.append(totals[0] / totals[1])
            sent_view, text_view = totals[2], totals[3]
        va50, vb50 = statistics.median(view_a), statistics.median(view_b)
        view_ms[(name, places)] = va50
        verdict = (
            "ok" if va50 * 1000 <= limit_ms and sent_view <= limit_kb * 1024 else "OVER THE TARGET"
        )
        print(  # noqa: T201
            f"{places:>9,} places, {name:<7} view  z{zoom} ({len(tiles)} tiles, one after "
            f"another): A {va50 * 1000:7.1f} ms | B {vb50 * 1000:7.1f} ms | "
            f"A/B {statistics.median(view_ratios):.2f} | {sent_view:,} bytes gzipped "
            f"({text_view:,} of text) | target {limit_ms} ms, {limit_kb} KB: {verdict}"
        )


def cached_times(client: Client, tile: Tile, runs: int) -> list[float]:
    """The view's times once the tile is in the cache (what most visitors get)."""
    url = f"/places/{tile.z}/{tile.x}/{tile.y}.geojson"
    client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        times.append(time.perf_counter() - start)
    return times


def tile_text(tile: Tile) -> str:
    sql, params = tile_sql(tile_request(tile, PlaceFilters()))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def tile_bounds(tile: Tile) -> tuple[float, float, float, float]:
    """west, south, east, north of a tile, in degrees."""
    n = 2**tile.z

    def lat(y: int) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))

    return tile.x / n * 360 - 180, lat(tile.y + 1), (tile.x + 1) / n * 360 - 180, lat(tile.y)


TIPG_TILE = "/collections/public.mapping_place/tiles/WebMercatorQuad/{z}/{x}/{y}"
# tipg's tiles and items carry these columns of the table: the name and kind, the project's
# features carry more (the category of each profile, the address), so tipg's bytes are a floor.
# The table has more than one geometry column: tipg is told which one holds the places.
TIPG_QUERY = "geom-column=location&properties=id,name,kind"


def database_url() -> str:
    settings = connection.settings_dict
    user, password = (quote(settings[key] or "", safe="") for key in ("USER", "PASSWORD"))
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgis://{user}:{password}@{host}:{port}/{settings['NAME']}"


def median_ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def peer_bench(places: int, runs: int) -> None:
    """The project's tiles (A) next to tipg's vector tiles (B) and, for the town, tipg's features
    endpoint (C), over HTTP, alternating in one loop."""
    url = database_url()
    with peers.project_server(url) as ours, peers.tipg_server(url) as tipg:
        for name, zoom, limit_ms, limit_kb in TILE_VIEWS:
            tiles = window_tiles(*CENTRE, zoom)
            x, y = tile_at(*CENTRE, zoom)
            centre = Tile(zoom, int(x), int(y))
            a_paths = [f"/places/{t.z}/{t.x}/{t.y}.geojson" for t in tiles]
            b_paths = [TIPG_TILE.format(z=t.z, x=t.x, y=t.y) + f"?{TIPG_QUERY}" for t in tiles]
            # tiles run row by row from the north-west to the south-east
            west, _, _, north = tile_bounds(tiles[0])
            _, south, east, _ = tile_bounds(tiles[-1])
            bbox = f"{west},{south},{east},{north}"
            c_paths = (
                [
                    "/collections/public.mapping_place/items?"
                    + urlencode({"bbox": bbox, "limit": peers.TIPG_MAX_FEATURES_PER_QUERY})
                    + f"&{TIPG_QUERY}"
                ]
                if name == "town"
                else []
            )
            a_tile_path = f"/places/{centre.z}/{centre.x}/{centre.y}.geojson"
            b_tile_path = TIPG_TILE.format(z=centre.z, x=centre.x, y=centre.y) + f"?{TIPG_QUERY}"
            t = {key: [] for key in ("a_tile", "b_tile", "a", "b", "c")}
            for run in range(runs + 1):  # the first run warms up
                cache.clear()
                a_tile = peers.fetch_view(ours, [a_tile_path])
                b_tile = peers.fetch_view(tipg, [b_tile_path])
                cache.clear()
                a = peers.fetch_view(ours, a_paths)
                b = peers.fetch_view(tipg, b_paths)
                c = peers.fetch_view(tipg, c_paths) if c_paths else None
                if run == 0:
                    continue
                t["a_tile"].append(a_tile[0])
                t["b_tile"].append(b_tile[0])
                t["a"].append(a[0])
                t["b"].append(b[0])
                if c:
                    t["c"].append(c[0])
            ms = {key: statistics.median(v) * 1000 for key, v in t.items() if v}
            represented = sum(json.loads(text)["count"] for text in a[3])
            print(  # noqa: T201
                f"{places:>9,} places, {name:<7} z{zoom} over HTTP, one tile: "
                f"A project {ms['a_tile']:7.1f} ms ({a_tile[1]:,} B gz) | "
                f"B tipg MVT {ms['b_tile']:7.1f} ms ({b_tile[1]:,} B gz) | "
                f"A/B {median_ratio(t['a_tile'], t['b_tile']):.2f}"
            )
            line = (
                f"{places:>9,} places, {name:<7} z{zoom} over HTTP, view of {len(tiles)} tiles "
                f"{peers.PARALLEL} at a time: A project {ms['a']:7.1f} ms, {a[1]:,} B gz "
                f"({represented:,} places represented) | B tipg MVT {ms['b']:7.1f} ms, "
                f"{b[1]:,} B gz (at most {peers.TIPG_MAX_FEATURES_PER_TILE:,} a tile) | "
                f"A/B {median_ratio(t['a'], t['b']):.2f}"
            )
            if c:
                returned = json.loads(c[3][0]).get("numberReturned")
                line += (
                    f" | C tipg features (1 request) {ms['c']:7.1f} ms, {c[1]:,} B gz "
                    f"({returned:,} features) | A/C {median_ratio(t['a'], t['c']):.2f}"
                )
            verdict = "ok" if ms["a"] <= limit_ms and a[1] <= limit_kb * 1024 else "OVER"
            print(line + f" | target A {limit_ms} ms, {limit_kb} KB: {verdict}")  # noqa: T201


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--tile-runs", type=int, default=15)
    parser.add_argument("--peer-runs", type=int, default=7)
    parser.add_argument(
        "--no-peer", action="store_true", help="skip tipg and the project over HTTP"
    )
    parser.add_argument(
        "--only-tiles", action="store_true", help="skip the bbox layer (/places.geojson)"
    )
    args = parser.parse_args()
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        town_p50 = {}
        tile_view_ms: dict[tuple[str, int], float] = {}
        for places in args.places:
            fill(places)
            viewports = () if args.only_tiles else (("town", TOWN, 16), ("region", REGION, 9))
            for name, bbox, zoom in viewports:
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
            tiles_bench(places, args.tile_runs, tile_view_ms)
            if not args.no_peer:
                try:
                    peer_bench(places, args.peer_runs)
                except (subprocess.CalledProcessError, RuntimeError) as error:
                    # No network for pip, or a server that would not start: the figures above
                    # stand; the log of each server is in bench/out.
                    print(f"{places:>9,} places: no comparison with tipg: {error}")  # noqa: T201
        # Growth is measured from 100,000 places (the smallest real deployment) when run.
        base = 100_000 if 100_000 in args.places else min(args.places)
        if len(town_p50) > 1:
            smallest, largest = base, max(town_p50)
            growth = town_p50[largest] / town_p50[smallest]
            verdict = "ok" if growth < GROWTH_LIMIT else "OVER THE LIMIT"
            print(  # noqa: T201
                f"town viewport view p50 growth {smallest:,} -> {largest:,} places: "
                f"{growth:.2f}x (limit {GROWTH_LIMIT:.2f}x) {verdict}"
            )
        if len(args.places) > 1:
            smallest, largest = base, max(args.places)
            for name, _zoom, _limit_ms, _limit_kb in TILE_VIEWS:
                growth = tile_view_ms[(name, largest)] / tile_view_ms[(name, smallest)]
                verdict = "ok" if growth < GROWTH_LIMIT else "OVER THE LIMIT"
                print(  # noqa: T201
                    f"tiles, {name} view time growth {smallest:,} -> {largest:,} places: "
                    f"{growth:.2f}x (limit {GROWTH_LIMIT:.2f}x) {verdict}"
                )
    finally:
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
