"""Benchmark: the route service per profile against a plain pgr_dijkstra over the same graph.

    python bench/bench_routing.py [--file X.osm.pbf] [--routes 200] [--seed 7]

Imports the largest extract (../shared/data/osm-openrouteservice-heidelberg/heidelberg.test.pbf
when present, else the largest test fixture), prints the import time and the graph's size, then
times --routes random routes of 0.5 to 5 km (straight line) per profile: the whole service call
(snapping, limits, barriers, pgr_dijkstra, instructions, warnings; an explanation when there is no
route). Next to it, in the same run, a plain pgr_dijkstra between the same vertices over the bare
edge table is the floor, and the ratio of the p50s must stay within 2x.

Everything runs inside one transaction that is rolled back at the end: the database's own routing
network is left as it was.
"""

import argparse
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

from django.db import connection, transaction  # noqa: E402

from mapping.routing.osm_import import import_network  # noqa: E402
from mapping.routing.profiles import PROFILES  # noqa: E402
from mapping.routing.routes import plan_route  # noqa: E402
from mapping.routing.service import plain_dijkstra  # noqa: E402

FLOOR = 2.0
HEIDELBERG = ROOT.parent / "shared/data/osm-openrouteservice-heidelberg/heidelberg.test.pbf"

# Random pairs of vertices 0.5 to 5 km apart, measured on the spheroid.
PAIRS_SQL = """
WITH v AS (SELECT id, geom FROM mapping_networknode ORDER BY random() LIMIT 800)
SELECT a.id, ST_X(a.geom), ST_Y(a.geom), b.id, ST_X(b.geom), ST_Y(b.geom)
FROM v a JOIN v b ON a.id < b.id
 AND ST_DWithin(a.geom::geography, b.geom::geography, 5000)
 AND NOT ST_DWithin(a.geom::geography, b.geom::geography, 500)
ORDER BY random() LIMIT %s
"""


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Rollback(Exception):
    pass


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def fmt(ms: list[float]) -> str:
    return f"p50 {statistics.median(ms):8.1f} ms   p95 {percentile(ms, 0.95):8.1f} ms"


def pick_file(path: str | None) -> Path:
    if path:
        return Path(path)
    if HEIDELBERG.is_file():
        return HEIDELBERG
    fixtures = sorted((ROOT / "tests/fixtures/osm").glob("*.osm*"), key=lambda p: p.stat().st_size)
    return fixtures[-1]


def run(path: Path, routes: int, seed: int) -> bool:
    started = time.perf_counter()
    result = import_network(path, commit=True)
    say(f"file: {path.name}")
    say(f"import: {time.perf_counter() - started:.2f} s (read + COPY + swap)")
    say(f"graph: {result.counts['nodes']} vertices, {result.counts['edges']} edges")
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [seed / 1000])
        cursor.execute(PAIRS_SQL, [routes])
        pairs = cursor.fetchall()
    say(f"routes: {len(pairs)} random pairs 0.5-5 km apart\n")
    # Warm the caches once so the first profile does not pay for them.
    plan_route(pairs[0][1:3], pairs[0][4:6], "pedestrian")

    floor_ms = []
    for a_id, _ax, _ay, b_id, _bx, _by in pairs:
        t = time.perf_counter()
        plain_dijkstra(a_id, b_id)
        floor_ms.append((time.perf_counter() - t) * 1000)
    say(f"{'plain pgr_dijkstra (floor)':28} {fmt(floor_ms)}")

    ok = True
    floor_p50 = statistics.median(floor_ms)
    floor_p95 = percentile(floor_ms, 0.95)
    for name in PROFILES:
        ms, found_ms = [], []
        for _a, ax, ay, _b, bx, by in pairs:
            t = time.perf_counter()
            answer = plan_route((ax, ay), (bx, by), name)
            ms.append((time.perf_counter() - t) * 1000)
            if answer["found"]:
                found_ms.append(ms[-1])
        ratio = statistics.median(ms) / floor_p50
        verdict = "ok" if ratio <= FLOOR else "OVER"
        ok &= ratio <= FLOOR
        say(
            f"{'route ' + name:28} {fmt(ms)}   p50 ratio {ratio:4.2f}x (floor <= {FLOOR:.0f}x) "
            f"{verdict}   p95 ratio {percentile(ms, 0.95) / floor_p95:4.2f}x   "
            f"found {len(found_ms)}/{len(pairs)}"
        )
        # Without a route the answer also explains why: a second and third search.
        say(f"{'  of which found':28} {fmt(found_ms)}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", help="an OSM file (default: the largest extract available)")
    parser.add_argument("--routes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    ok = False
    try:
        with transaction.atomic():
            ok = run(pick_file(args.file), args.routes, args.seed)
            raise Rollback
    except Rollback:
        pass
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
