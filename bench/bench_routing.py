"""Benchmark: the route service per profile against a plain pgr_dijkstra over the same graph.

    python bench/bench_routing.py [--file X.osm.pbf] [--routes 200] [--seed 7]

Imports the largest OpenStreetMap extract in ../shared/data (by file size; the largest test
fixture when ../shared is not there), prints the import time and the graph's size, then times
--routes random pairs of vertices 0.5 to 5 km apart (straight line) with every profile: the whole
service call (search area, limits, barriers, snapping, pgr_dijkstra, instructions, warnings, and
the explanation when there is no route). The floor is a plain pgr_dijkstra between the same
vertices over the bare edge table (the whole graph), timed in the same run: for each pair the
floor and the profiles run one after the other, in turn, so that the load of a shared machine
weighs on them alike. Both the p50 and the p95 of every profile must stay within 2x of the
floor's.

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

from mapping.route_profiles import PROFILES  # noqa: E402
from mapping.routing.osm_import import import_network  # noqa: E402
from mapping.routing.routes import plan_route  # noqa: E402

FLOOR = 2.0
SHARED_DATA = ROOT.parent / "shared/data"
OSM_SUFFIXES = (".osm", ".osm.gz", ".osm.bz2", ".osm.pbf", ".osm.xml")

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
    extracts = [p for p in SHARED_DATA.rglob("*") if p.name.lower().endswith(OSM_SUFFIXES)]
    if not extracts:
        extracts = list((ROOT / "tests/fixtures/osm").glob("*.osm*"))
    return max(extracts, key=lambda p: p.stat().st_size)


def plain_dijkstra(source: int, target: int) -> int:
    """The floor: pgr_dijkstra on the bare graph. Returns the path's size."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pgr_dijkstra("
            "'SELECT id, source, target, cost, reverse_cost FROM mapping_networkedge', "
            "%s::bigint, %s::bigint, true)",
            [source, target],
        )
        return cursor.fetchone()[0]


def timed(call, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = call(*args)
    return (time.perf_counter() - started) * 1000, result


def run(path: Path, routes: int, seed: int) -> bool:
    started = time.perf_counter()
    result = import_network(path, commit=True)
    say(f"file: {path.relative_to(path.parents[1])} ({path.stat().st_size / 1e6:.1f} MB)")
    say(f"import: {time.perf_counter() - started:.2f} s (read + COPY + swap)")
    say(f"graph: {result.counts['nodes']} vertices, {result.counts['edges']} edges")
    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(%s)", [seed / 1000])
        cursor.execute(PAIRS_SQL, [routes])
        pairs = cursor.fetchall()
    say(f"routes: {len(pairs)} random pairs 0.5-5 km apart, every profile and the floor each\n")
    # Warm the caches once so that the first pair does not pay for them.
    plan_route(pairs[0][1:3], pairs[0][4:6], "pedestrian")
    plain_dijkstra(pairs[0][0], pairs[0][3])

    names = list(PROFILES)
    floor_ms: list[float] = []
    ms: dict[str, list[float]] = {name: [] for name in names}
    found_ms: dict[str, list[float]] = {name: [] for name in names}
    none_ms: dict[str, list[float]] = {name: [] for name in names}
    for number, (a_id, ax, ay, b_id, bx, by) in enumerate(pairs):
        # The floor and the profiles in turn, each pair starting with a different one.
        jobs = [None, *names]
        shift = number % len(jobs)
        for name in jobs[shift:] + jobs[:shift]:
            if name is None:
                floor_ms.append(timed(plain_dijkstra, a_id, b_id)[0])
                continue
            spent, answer = timed(plan_route, (ax, ay), (bx, by), name)
            ms[name].append(spent)
            (found_ms if answer["found"] else none_ms)[name].append(spent)

    say(f"{'plain pgr_dijkstra (floor)':28} {fmt(floor_ms)}")
    ok = True
    floor_p50 = statistics.median(floor_ms)
    floor_p95 = percentile(floor_ms, 0.95)
    for name in names:
        p50 = statistics.median(ms[name]) / floor_p50
        p95 = percentile(ms[name], 0.95) / floor_p95
        within = p50 <= FLOOR and p95 <= FLOOR
        ok &= within
        say(
            f"{'route ' + name:28} {fmt(ms[name])}   ratio p50 {p50:4.2f}x p95 {p95:4.2f}x "
            f"(floor <= {FLOOR:.0f}x) {'ok' if within else 'OVER'}   "
            f"found {len(found_ms[name])}/{len(pairs)}"
        )
        say(f"{'  found':28} {fmt(found_ms[name])}")
        if none_ms[name]:
            # Without a route the same search also explains why; the whole graph is searched.
            say(f"{'  no route (explained)':28} {fmt(none_ms[name])}")
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
