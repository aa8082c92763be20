"""Benchmark: the route service against a plain pgr_dijkstra over the same graph, at several sizes.

    python bench/bench_routing.py [--sizes town,heidelberg,grid100k,grid2m] [--routes 60]
                                  [--big-routes 8] [--seed 7]

The sizes: `town`, a small town's OpenStreetMap extract (Krems, a test fixture); `heidelberg`,
the Heidelberg extract in ../shared/data (skipped when it is not there); `grid100k` and `grid2m`,
synthetic square grids of some 100,000 and 2,000,000 edges 50 m apart that the bench builds in
the database (grid2m with --big-routes pairs only: the plain pgr_dijkstra reads the whole graph
for each). Each is loaded, timed and rolled back in turn: the database's own network is left as
it was.

For each size: random pairs of vertices 0.5 to 5 km apart (straight line); for each pair, the
route service (A: the whole call, search area, limits, barriers, snapping, pgr_dijkstra,
instructions, warnings, explanation) for the pedestrian and the wheelchair profile and the floor
(B: a plain pgr_dijkstra between the same vertices over the bare edge table), one after the other
in one loop, in an order that turns with each pair, so that the load of a shared machine weighs
on both alike. It prints p50 and p95 of each and the median of the pairwise ratios A/B, and
where the route's time goes: each statement of the search (profile, snap, search+walk,
grow: mapping/routing/sql/) and Python around them. On the two extracts, Routino too
(`apt-get install routino`: planetsplitter, then routino-router --transport=foot / wheelchair on
the same pairs, each a process of its own, as it is run), when it is installed. The targets
(issue 18): the route's p50 at or below the floor's (ratio <= 1), and p95 under 300 ms at 2
million edges.
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "barrierfree.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from mapping.routing import route_sql  # noqa: E402
from mapping.routing.osm_import import import_network  # noqa: E402
from mapping.routing.routes import plan_route  # noqa: E402

SHARED_DATA = ROOT.parent / "shared/data"
TOWN = ROOT / "tests/fixtures/osm/krems.osm.gz"
HEIDELBERG = SHARED_DATA / "osm-openrouteservice-heidelberg/heidelberg.test.pbf"
PROFILES = ("pedestrian", "wheelchair")
# Routino (Debian's `routino`), on the same pairs of the extracts: its profile for each of ours.
ROUTINO = {"pedestrian": "foot", "wheelchair": "wheelchair"}
ROUTINO_FILES = Path("/usr/share/routino")
P95_AT_2M_MS = 300.0

# Random pairs of vertices 0.5 to 5 km apart, measured on the spheroid.
PAIRS_SQL = """
WITH v AS (SELECT id, geom FROM mapping_networknode ORDER BY random() LIMIT 800)
SELECT a.id, ST_X(a.geom), ST_Y(a.geom), b.id, ST_X(b.geom), ST_Y(b.geom)
FROM v a JOIN v b ON a.id < b.id
 AND ST_DWithin(a.geom::geography, b.geom::geography, 5000)
 AND NOT ST_DWithin(a.geom::geography, b.geom::geography, 500)
ORDER BY random() LIMIT %s
"""

# A grid of n x n vertices some 50 m apart (in Písek), every edge a plain footway both ways: the
# edges along x, then along y, each from the vertex at (x, y).
GRID_SQL = """
TRUNCATE mapping_networkedge, mapping_networknode;
INSERT INTO mapping_networknode (id, geom)
SELECT 1 + x + %(n)s * y, ST_SetSRID(ST_MakePoint(14.14 + x * 0.0007, 49.30 + y * 0.00045), 4326)
FROM generate_series(0, %(n)s - 1) x, generate_series(0, %(n)s - 1) y;
INSERT INTO mapping_networkedge (
    id, source, target, cost, reverse_cost, length_m, geom, osm_way_id, name, highway, footway,
    steps, incline_direction, surface, smoothness, crossing, wheelchair, rough, plain)
SELECT row_number() OVER (), source, target, len, len, len, g, 1, '', 'footway', '',
       false, 0, '', '', '', '', false, true
FROM (
    SELECT 1 + x + %(n)s * y AS source, 1 + x + dx + %(n)s * (y + dy) AS target,
           ST_SetSRID(ST_MakeLine(ST_MakePoint(14.14 + x * 0.0007, 49.30 + y * 0.00045),
                                  ST_MakePoint(14.14 + (x + dx) * 0.0007,
                                               49.30 + (y + dy) * 0.00045)), 4326) AS g
    FROM (VALUES (1, 0), (0, 1)) d(dx, dy),
         generate_series(0, %(n)s - 1) x, generate_series(0, %(n)s - 1) y
    WHERE x + dx < %(n)s AND y + dy < %(n)s
) edges
CROSS JOIN LATERAL (SELECT ST_Length(g::geography) AS len) l;
ANALYZE mapping_networknode;
ANALYZE mapping_networkedge;
"""

STATEMENTS = {
    route_sql.PROFILE_SQL: "profile",
    route_sql.SNAP_SQL: "snap",
    route_sql.ROUTE_SQL: "search+walk",
    route_sql.GROW_AREA_SQL: "grow",
}


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Rollback(Exception):
    pass


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def fmt(ms: list[float]) -> str:
    return f"p50 {statistics.median(ms):8.1f} ms  p95 {percentile(ms, 0.95):8.1f} ms"


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


class StatementClock:
    """Times each statement of the route search by its name (the others are "other")."""

    def __init__(self) -> None:
        self.ms: dict[str, float] = defaultdict(float)

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.ms[STATEMENTS.get(sql, "other")] += (time.perf_counter() - started) * 1000


def timed(call, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = call(*args)
    return (time.perf_counter() - started) * 1000, result


def routino_database(size: str, workdir: str) -> str | None:
    """Routino's database of the extract of `size` in `workdir` (planetsplitter), or None when
    Routino is not installed or the size is no extract."""
    if size not in ("town", "heidelberg") or not shutil.which("planetsplitter"):
        return None
    path = TOWN if size == "town" else HEIDELBERG
    subprocess.run(
        ["planetsplitter", f"--dir={workdir}", "--prefix=bench", "--loggable",
         f"--tagging={ROUTINO_FILES / 'tagging.xml'}", str(path)],
        check=True, capture_output=True,
    )  # fmt: skip
    return workdir


def routino_route(workdir: str, transport: str, a: tuple, b: tuple) -> bool:
    """One route by Routino's router, a process of its own as it is meant to be run; whether it
    found one."""
    done = subprocess.run(
        ["routino-router", f"--dir={workdir}", "--prefix=bench",
         f"--profiles={ROUTINO_FILES / 'profiles.xml'}", f"--transport={transport}",
         f"--lon1={a[0]}", f"--lat1={a[1]}", f"--lon2={b[0]}", f"--lat2={b[1]}",
         "--output-none", "--quiet"],
        capture_output=True, check=False,
    )  # fmt: skip
    return done.returncode == 0


def load(size: str) -> str | None:
    """Load the graph of `size` into the (rolled back) transaction; what it is, or None."""
    started = time.perf_counter()
    if size in ("town", "heidelberg"):
        path = TOWN if size == "town" else HEIDELBERG
        if not path.exists():
            return None
        import_network(path, commit=True)
        what = path.name
    else:
        edges = {"grid100k": 100_000, "grid2m": 2_000_000}[size]
        n = round((edges / 2) ** 0.5)
        with connection.cursor() as cursor:
            cursor.execute(GRID_SQL, {"n": n})
        what = f"synthetic grid {n} x {n}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM mapping_networkedge)")
        count = cursor.fetchone()[0]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"{what}: {count} edges, loaded in {time.perf_counter() - started:.1f} s "
        f"(peak RSS of the bench so far {peak_mb:.0f} MB)"
    )


def run_size(size: str, routes: int) -> bool:
    with tempfile.TemporaryDirectory() as workdir:
        return _run_size(size, routes, workdir)


def _run_size(size: str, routes: int, workdir: str) -> bool:
    loaded = load(size)
    if loaded is None:
        say(f"== {size}: no extract here, skipped")
        return True
    say(f"== {size}: {loaded}")
    with connection.cursor() as cursor:
        cursor.execute(PAIRS_SQL, [routes])
        pairs = cursor.fetchall()
    # Warm the caches once so that the first pair does not pay for them.
    plan_route(pairs[0][1:3], pairs[0][4:6], "pedestrian")
    plain_dijkstra(pairs[0][0], pairs[0][3])
    floor_ms: list[float] = []
    ms: dict[str, list[float]] = {name: [] for name in PROFILES}
    ratios: dict[str, list[float]] = {name: [] for name in PROFILES}
    found: dict[str, int] = dict.fromkeys(PROFILES, 0)
    spent: dict[str, dict[str, float]] = {name: defaultdict(float) for name in PROFILES}
    routino = routino_database(size, workdir)
    routino_ms: dict[str, list[float]] = {name: [] for name in PROFILES}
    routino_found: dict[str, int] = dict.fromkeys(PROFILES, 0)
    for number, (a_id, ax, ay, b_id, bx, by) in enumerate(pairs):
        jobs: list[str | None] = [None, *PROFILES]
        if routino:
            jobs += [f"routino {name}" for name in PROFILES]
        shift = number % len(jobs)
        took: dict[str | None, float] = {}
        for name in jobs[shift:] + jobs[:shift]:
            if name is None:
                took[None] = timed(plain_dijkstra, a_id, b_id)[0]
                continue
            if name.startswith("routino "):
                ours = name.removeprefix("routino ")
                elapsed, ok = timed(routino_route, routino, ROUTINO[ours], (ax, ay), (bx, by))
                routino_ms[ours].append(elapsed)
                routino_found[ours] += ok
                continue
            clock = StatementClock()
            with connection.execute_wrapper(clock):
                took[name], answer = timed(plan_route, (ax, ay), (bx, by), name)
            found[name] += answer["found"]
            for statement, statement_ms in clock.ms.items():
                spent[name][statement] += statement_ms
            spent[name]["python"] += took[name] - sum(clock.ms.values())
        floor_ms.append(took[None])
        for name in PROFILES:
            ms[name].append(took[name])
            ratios[name].append(took[name] / took[None])
    say(f"   {len(pairs)} pairs 0.5-5 km apart")
    say(f"   {'plain pgr_dijkstra (B)':26} {fmt(floor_ms)}")
    ok = True
    for name in PROFILES:
        ratio = statistics.median(ratios[name])
        within = ratio <= 1.0
        if size == "grid2m":
            within &= percentile(ms[name], 0.95) < P95_AT_2M_MS
        ok &= within
        say(
            f"   {'route ' + name + ' (A)':26} {fmt(ms[name])}  median A/B {ratio:5.2f}  "
            f"{'ok' if within else 'OVER'}  found {found[name]}/{len(pairs)}"
        )
        shares = sorted(spent[name].items(), key=lambda item: -item[1])
        say(
            "     where the time goes (mean ms): "
            + ", ".join(f"{key} {value / len(pairs):.1f}" for key, value in shares)
        )
        if routino_ms[name]:
            ratio = statistics.median(
                a / b for a, b in zip(ms[name], routino_ms[name], strict=True)
            )
            say(
                f"   {'Routino ' + ROUTINO[name] + ' (process)':26} {fmt(routino_ms[name])}  "
                f"median A/Routino {ratio:5.2f}  found {routino_found[name]}/{len(pairs)}"
            )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="town,heidelberg,grid100k,grid2m")
    parser.add_argument("--routes", type=int, default=60)
    parser.add_argument("--big-routes", type=int, default=8, help="pairs on the 2M-edge grid")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    ok = True
    for size in args.sizes.split(","):
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    # The floor over 2 million edges outlasts the statement timeout; the route
                    # requests keep their own time budget (ROUTING_BUDGET_MS).
                    cursor.execute("SET LOCAL statement_timeout = 0")
                    cursor.execute("SELECT setseed(%s)", [args.seed / 1000])
                routes = args.big_routes if size == "grid2m" else args.routes
                ok &= run_size(size, routes)
                raise Rollback
        except Rollback:
            pass
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
