"""Benchmark: the service under load, on one and on two application servers, and through a
database outage.

    python bench/bench_load.py [--clients 50] [--volunteers 10] [--seconds 60] [--workers 1]
                               [--outage 10]

Set-up (all of it removed at the end, also when the bench fails or is stopped): a database of its
own on the shared cluster (DATABASE_URL's server and role), migrated and filled as a town starts
(`load_demo --commit`, `create_demo_users`, and `import_osm_network` of Heidelberg's old town,
since the demo town has no OpenStreetMap file: routes are asked there); `collectstatic` into a
temporary folder; and a PostgreSQL cluster of its own on a free port (`pg_createcluster`, as root),
with its role, database and extensions made by its superuser and the application migrated into it.

The load: --clients threads (bench/loadgen.py), each in a closed loop with no pause. The public
(--clients minus --volunteers) ask for the map layer, the list, place details, search, routes
between points of the imported network, the CSV and GeoJSON downloads, and send reports (POST
/api/v1/reports/, each with a unique text). The volunteers log in once each (the login form, as a
browser) and then save survey drafts of new places through the survey API, each with its own
idempotency key, between looks at the map, the places and the search. The servers are `gunicorn -c
barrierfree/gunicorn.conf.py` with --workers workers of 4 threads each, DEBUG off, the cache, the
sessions and the rate limits in PostgreSQL (no Redis). REPORTS_PER_HOUR is set far above the load:
every client comes from 127.0.0.1, and the limit is per address.

One worker by default: a worker is one Python process, which runs Python on one core at a time
(the GIL), so a server of one worker stands for one core's worth of application server, and on
this 2-core machine the second server has a core to add, as a second machine would. With
--workers 2 the first server alone can already keep both cores busy; the ratio is then 1.0 within
the noise (0.95x and 1.18x measured here in two runs while other work loaded the machine). Workers
are not recycled during the bench (--max-requests 0; a deployment recycles them after about 2000
requests each): a server of one worker is dark for the seconds its new worker takes to start, a
gap of up to 10 s measured here that would weigh on the one-server turns alone. A deployment runs
2 x cores + 1 workers per server, whose recycling the jitter spreads out.

Scale-out: two servers run side by side all along; the clients send to the first alone or round
robin to both, in turn, 10 s at a time (one, two, two, one, one, two, ...: --seconds for each), so
that the machine's other load, which drifts, weighs on both alike; each rate is printed in turn
too. Printed: requests per second of each, p50/p95/p99 per endpoint, the CPU a request costs in the
servers and in PostgreSQL (its backends' CPU time from /proc) and how many cores the servers,
PostgreSQL and this client kept busy, errors (a 5xx or no answer), answers other than the expected
200/201, and every acknowledged write (a 201) looked up in the database afterwards. Floors: no
error, no other answer, no lost write, and two servers at least as fast as one. With 50 clients and
no pause, the latencies are mostly waiting in line: a request's time is about clients / throughput
(Little's law), whatever it costs to serve.

On this 2-core machine two servers cannot be twice as fast as one: the same two cores also run
PostgreSQL, this client (50 Python threads) and whatever else the machine does, so the second core
the second server would use is largely taken already. What the second server shows here is that
nothing in the application is tied to one process (sessions, cache, rate limits and writes all live
in PostgreSQL): it serves the same clients, round robin, without errors, without losing a write and
without slowing the service down. The ratio is printed as measured, with the rate of every turn
beside it, so a machine busy with other work shows as such; what a second machine would add is
worked out in docs/scaling.md from the CPU per request.

The fault run: one server on the benchmark's own cluster, the same load; after 5 s the cluster is
stopped (`pg_ctlcluster ... stop -m fast`) for --outage seconds, then started again, and the load
goes on for 10 s more. Printed: how many answers were 503 (expected: some) and how many of them
said Retry-After, how many were a 500 or another 5xx, or no answer at all (none allowed), how many
seconds after the restart requests succeed again and the last failure (floor:
RECOVERY_FLOOR_SECONDS, and none failing in the last 5 s), and every acknowledged write looked up
once more (none lost).

Then the background worker (bench/worker_fault.py): on the same cluster, a coordinator imports
VozejkMap places from the admin over HTTP, and the worker running the commit is killed (SIGKILL)
mid-import. Printed: the job ran again on a second worker and succeeded on its second attempt,
the lost attempt is recorded, every place of the dry run was written once, and no uploaded file
is left behind.
"""

import argparse
import atexit
import contextlib
import functools
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loadgen import (  # noqa: E402
    Client,
    CpuMeter,
    Town,
    Traffic,
    print_endpoints,
    print_writes,
    stored_writes,
)
from scratch import (  # noqa: E402
    Account,
    ScratchCluster,
    ScratchDatabase,
    Server,
    collect_static,
    prepare,
    suppressed,
)
from worker_fault import killed_mid_import  # noqa: E402

from mapping.route_profiles import PROFILES  # noqa: E402
from tests.servers import DEPLOYMENT_CONFIG, AppServer, free_port, request  # noqa: E402

# The deployment's gunicorn settings, but for the recycling of workers after about 2000 requests
# (max_requests): a one-worker server is dark while its worker starts again (seconds of Django's
# start-up), a gap that would count against the one-server turns alone.
SERVER_OPTIONS = (*DEPLOYMENT_CONFIG, "--max-requests", "0")
LOCAL_DATABASE_URL = "postgis://barrierfree:barrierfree@127.0.0.1:5432/barrierfree"
WARM_UP_SECONDS = 3
SEGMENT_SECONDS = 10
BEFORE_OUTAGE_SECONDS = 5
AFTER_OUTAGE_SECONDS = 10
RECOVERY_FLOOR_SECONDS = 10.0
CALM_SECONDS = 5
# The demo town (Písek): its whole extent, its centre and four quarters, as the map asks for them.
TOWN_BBOX = (14.09, 49.27, 14.21, 49.34)
# Pairs of vertices of the imported network 200 m to 1.5 km apart (straight line).
ROUTE_PAIRS_SQL = """
WITH v AS (SELECT id, geom FROM mapping_networknode ORDER BY random() LIMIT 400)
SELECT ST_X(a.geom), ST_Y(a.geom), ST_X(b.geom), ST_Y(b.geom)
FROM v a JOIN v b ON a.id < b.id
 AND ST_DWithin(a.geom::geography, b.geom::geography, 1500)
 AND NOT ST_DWithin(a.geom::geography, b.geom::geography, 200)
ORDER BY random() LIMIT %s
"""


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line),
        "unknown CPU",
    )
    meminfo = Path("/proc/meminfo").read_text().split()
    memory_gib = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024**2
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"machine: {os.cpu_count()} cores ({model}), {memory_gib:.1f} GiB memory; "
        f"load average before the run {load}"
    )


def environment(folder: Path, database_url: str, workers: int) -> dict[str, str]:
    """The servers' and commands' settings: production's, on plain http on the loopback."""
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    return env | {
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-only-not-secret",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "REPORTS_PER_HOUR": "1000000000",
        "WEB_WORKERS": str(workers),
        "WEB_THREADS": "4",
        "LOG_LEVEL": "WARNING",
    }


def quarters(west: float, south: float, east: float, north: float) -> list[str]:
    mid_x, mid_y = (west + east) / 2, (south + north) / 2
    boxes = [(west, south, east, north), (14.13, 49.295, 14.165, 49.32)]
    boxes += [(west, south, mid_x, mid_y), (mid_x, south, east, mid_y)]
    boxes += [(west, mid_y, mid_x, north), (mid_x, mid_y, east, north)]
    return [",".join(f"{v:.4f}" for v in box) for box in boxes]


def read_town(server: Server, dbname: str, base: str, volunteer: tuple[str, str]) -> Town:
    """The places as the map layer shows them, words of their names, and pairs of network points."""
    bbox = ",".join(str(v) for v in TOWN_BBOX)
    layer = json.loads(request(base, "GET", f"/places.geojson?bbox={bbox}&zoom=14").body)
    features = layer["features"]
    ids = [feature.get("id") or feature["properties"]["id"] for feature in features]
    names = [feature["properties"].get("name", "") for feature in features]
    terms = sorted({word.strip(",.–-").lower() for n in names for word in n.split()} - {""})
    terms = [term for term in terms if len(term) >= 5][:20] or ["písek"]
    with server.connect(dbname) as conn:
        conn.execute("SELECT setseed(0.7)")
        pairs = conn.execute(ROUTE_PAIRS_SQL, [60]).fetchall()
    profiles = list(PROFILES)
    routes = [
        (f"{ax:.6f},{ay:.6f}", f"{bx:.6f},{by:.6f}", profiles[number % len(profiles)])
        for number, (ax, ay, bx, by) in enumerate(pairs)
    ]
    run = f"bench-load-{dbname}"
    return Town(quarters(*TOWN_BBOX), ids, terms, routes, volunteer, run)


def start_clients(args, town: Town, traffic: Traffic) -> list[Client]:
    """The clients; the volunteers among them logged in once each (PBKDF2 is slow on purpose, so
    a few at a time: one per worker)."""
    go, gate = threading.Event(), threading.Semaphore(2 * args.workers)
    started = time.monotonic()
    clients = [
        Client(number, number < args.volunteers, town, traffic, go, gate)
        for number in range(args.clients)
    ]
    for client in clients:
        client.start()
    for client in clients:
        client.logged_in.wait()
    failed = [client.failure for client in clients if client.failure is not None]
    if failed:
        traffic.stop.set()
        go.set()
        raise RuntimeError(f"{len(failed)} logins failed, the first: {failed[0]}")
    say(
        f"clients: {args.clients}, of them {min(args.volunteers, args.clients)} volunteers "
        f"logged in (in {time.monotonic() - started:.1f} s), the others the public"
    )
    go.set()
    return clients


def stop_clients(traffic: Traffic, clients: list[Client]) -> None:
    traffic.stop.set()
    for client in clients:
        client.join(timeout=60)


def run_phases(traffic: Traffic, schedule: list[tuple[str, list[str], float]], meter) -> list:
    """Each phase for its seconds; (phase, start, end, cost) of each in order, where cost is the
    CPU seconds (servers, database) the meter counted during the phase."""
    segments = []
    before = meter.totals()
    for phase, bases, seconds in schedule:
        started = time.monotonic()
        traffic.switch(bases, phase)
        time.sleep(seconds)
        after = meter.totals()
        cost = tuple(now - then for now, then in zip(after, before, strict=True))
        segments.append((phase, started, time.monotonic(), cost))
        before = after
    return segments


def interleaved(one: list[str], two: list[str], seconds: float) -> list:
    """One server and two in turn, ABBA ABBA ..., SEGMENT_SECONDS each, `seconds` for each: a
    machine whose other load drifts weighs on both alike."""
    segment = min(SEGMENT_SECONDS, seconds / 2)
    count = max(2, round(2 * seconds / segment))
    pattern = [("one", one), ("two", two), ("two", two), ("one", one)]
    return [(*pattern[n % 4], segment) for n in range(count)]


def scale_out(args, folder: Path, database: ScratchDatabase, volunteer) -> bool:
    env = environment(folder, database.url, args.workers)
    servers = [AppServer(folder, env, f"web-{n}", SERVER_OPTIONS) for n in (1, 2)]
    try:
        for server in servers:
            server.wait_until_serving()
        one, two = [servers[0].base], [server.base for server in servers]
        town = read_town(database.server, database.name, one[0], volunteer)
        traffic = Traffic(two, "warm-up")
        clients = start_clients(args, town, traffic)
        meter = CpuMeter([server.process.pid for server in servers], database.connect)
        meter.start()
        schedule = [("warm-up", two, WARM_UP_SECONDS), *interleaved(one, two, args.seconds)]
        try:
            segments = run_phases(traffic, schedule, meter)
        finally:
            meter.stop.set()
            stop_clients(traffic, clients)
    finally:
        for server in servers:
            server.stop()
    return scale_out_report(args, traffic, segments, database, servers)


def print_segments(outcomes: list, segments: list) -> None:
    """The rate of each phase in turn: how much the machine's other load moved it."""
    rates = []
    for phase, start, end, _cost in segments[1:]:
        count = sum(1 for o in outcomes if o.phase == phase and start <= o.started < end)
        rates.append(f"{phase} {count / (end - start):.1f}")
    say("in turn, requests/s: " + " -> ".join(rates))


def print_cost(outcomes: list, segments: list, phase: str) -> None:
    """What a request of the mix costs in CPU, in the servers and in PostgreSQL's backends; and
    how many cores the servers, PostgreSQL and this client kept busy (the rest of the machine's
    cores went to whatever else it runs)."""
    mine = [segment for segment in segments if segment[0] == phase]
    servers, database, client = (sum(segment[3][n] for segment in mine) for n in (0, 1, 2))
    count = sum(1 for o in outcomes if o.phase == phase)
    seconds = sum(end - start for _phase, start, end, _cost in mine)
    say(
        f"  CPU per request: {servers / count * 1000:.1f} ms in the servers, "
        f"{database / count * 1000:.1f} ms in PostgreSQL; cores busy: servers "
        f"{servers / seconds:.2f}, PostgreSQL {database / seconds:.2f}, this client "
        f"{client / seconds:.2f}"
    )


def scale_out_report(args, traffic: Traffic, segments: list, database, servers) -> bool:
    label = f"{args.workers} workers x 4 threads"
    spent: dict[str, float] = {}
    for phase, start, end, _cost in segments:
        spent[phase] = spent.get(phase, 0.0) + end - start
    rates = {}
    for phase, title in (("one", "one server"), ("two", "two servers, round robin")):
        say(f"\n{title} ({label} each), {args.clients} clients, {spent[phase]:.0f} s:")
        rates[phase] = print_endpoints(traffic.outcomes, phase, spent[phase])
        print_cost(traffic.outcomes, segments, phase)
    ratio = rates["two"] / rates["one"] if rates["one"] else 0.0
    print_segments(traffic.outcomes, segments)
    say(
        f"\nthroughput: one server {rates['one']:.1f} req/s, two servers {rates['two']:.1f} "
        f"req/s, ratio {ratio:.2f}x (floor >= 1.00x) {verdict(ratio >= 1.0)}"
    )
    counted = [o for o in traffic.outcomes if o.phase != "warm-up"]
    ok = ratio >= 1.0
    ok &= print_failures(counted, servers)
    found = stored_writes(database.server, database.name, traffic.writes)
    ok &= print_writes(traffic.writes, found)
    return ok


def expected(outcome) -> bool:
    return outcome.status == (201 if outcome.endpoint in ("report POST", "survey save") else 200)


def print_failures(outcomes: list, servers: list[AppServer], allow_503: bool = False) -> bool:
    errors = [o for o in outcomes if o.status == 0 or o.status >= 500]
    if allow_503:
        errors = [o for o in errors if o.status != 503]
    others = [o for o in outcomes if 0 < o.status < 500 and not expected(o)]
    say(f"errors (a 5xx or no answer): {len(errors)} (floor 0) {verdict(not errors)}")
    say(f"other answers (not the expected 200/201): {len(others)} (floor 0) {verdict(not others)}")
    for outcome in (errors + others)[:5]:
        say(f"  e.g. {outcome.endpoint}: {outcome.status or 'no answer'}")
    if errors:
        for server in servers:
            lines = server.log.read_text(errors="replace").splitlines()
            trace = [line for line in lines if not line.startswith("127.0.0.1 - ")]
            say(f"  {server.log.name}, last lines:\n    " + "\n    ".join(trace[-25:]))
    return not errors and not others


def fault_run(args, folder: Path, cluster: ScratchCluster, accounts: tuple[Account, Account]):
    volunteer, coordinator = accounts
    env = environment(folder, cluster.url, args.workers)
    server = AppServer(folder, env, "fault-web", SERVER_OPTIONS)
    try:
        server.wait_until_serving()
        town = read_town(cluster.server, cluster.dbname, server.base, volunteer)
        traffic = Traffic([server.base], "before")
        clients = start_clients(args, town, traffic)
        try:
            restarted = outage(args, cluster, traffic)
        finally:
            stop_clients(traffic, clients)
        ok = fault_report(traffic, restarted, cluster, server)
        say("\nfault run: a background worker killed in the middle of an import from the admin")
        connect = functools.partial(cluster.server.connect, cluster.dbname)
        ok &= killed_mid_import(folder, env, server.base, coordinator, connect)
    finally:
        server.stop()
    return ok


def outage(args, cluster: ScratchCluster, traffic: Traffic) -> float:
    """Load, the cluster stopped for --outage seconds, load again; when it was up again."""
    time.sleep(BEFORE_OUTAGE_SECONDS)
    traffic.switch(traffic.bases, "outage")
    stopping = time.monotonic()
    cluster.stop()
    stopped = time.monotonic()
    time.sleep(args.outage)
    starting = time.monotonic()
    cluster.start()
    restarted = time.monotonic()
    traffic.switch(traffic.bases, "after")
    say(
        f"cluster {cluster.name} down {restarted - stopped:.1f} s mid-load: {args.outage:.0f} s "
        f"stopped, then {restarted - starting:.1f} s to start (the fast shutdown took "
        f"{stopped - stopping:.1f} s)"
    )
    time.sleep(AFTER_OUTAGE_SECONDS)
    return restarted


def fault_report(traffic: Traffic, restarted: float, cluster: ScratchCluster, server) -> bool:
    outcomes = traffic.outcomes
    unavailable = [o for o in outcomes if o.status == 503]
    with_retry = sum(o.retry_after for o in unavailable)
    say(
        f"requests: {len(outcomes)}, of which 503: {len(unavailable)} (expected > 0) "
        f"{verdict(bool(unavailable))}; with Retry-After: {with_retry}"
    )
    ok = bool(unavailable) and print_failures(outcomes, [server], allow_503=True)
    failing = [o for o in outcomes if o.status == 0 or o.status >= 500]
    after = [o for o in outcomes if o.started >= restarted]
    # Answers end after the restart; N: from the restart to the later of the first success and
    # the end of the last failure.
    first_success = min((o.started + o.seconds for o in after if expected(o)), default=None)
    last_failure = max(o.started + o.seconds for o in failing) - restarted if failing else 0.0
    recovery = max(first_success - restarted, last_failure) if first_success else float("inf")
    calm_from = max(o.started for o in outcomes) - CALM_SECONDS
    calm = not any(o.started >= calm_from for o in failing)
    recovered = calm and recovery <= RECOVERY_FLOOR_SECONDS
    when = f"{abs(last_failure):.2f} s {'after' if last_failure > 0 else 'before'} it"
    say(
        f"recovered by itself: requests succeed again {recovery:.2f} s after the restart "
        f"(floor <= {RECOVERY_FLOOR_SECONDS:.0f} s; the last failed answer ended {when}), "
        f"none failing in the last {CALM_SECONDS} s: {verdict(recovered)}"
    )
    found = stored_writes(cluster.server, cluster.dbname, traffic.writes)
    return ok & recovered & print_writes(traffic.writes, found)


def set_up(args, folder: Path, database: ScratchDatabase, cluster: ScratchCluster) -> tuple:
    """Both databases and the static files at once; the volunteer of each database."""

    def on_cluster():
        cluster.create()
        return prepare(environment(folder, cluster.url, args.workers))

    database.create()
    with ThreadPoolExecutor(3) as pool:
        static = pool.submit(collect_static, environment(folder, database.url, args.workers))
        shared = pool.submit(prepare, environment(folder, database.url, args.workers))
        own = pool.submit(on_cluster)
        static.result()
        return shared.result(), own.result()


def bench(args, cleanup: contextlib.ExitStack) -> bool:
    say(machine())
    folder = Path(tempfile.mkdtemp(prefix="bf_bench_load_"))
    cleanup.callback(shutil.rmtree, folder, True)
    database = ScratchDatabase(Server.of(os.environ.get("DATABASE_URL") or LOCAL_DATABASE_URL))
    cluster = ScratchCluster(free_port())
    cleanup.callback(suppressed, cluster.drop)
    cleanup.callback(suppressed, database.drop)
    started = time.monotonic()
    (volunteer, _coordinator), cluster_accounts = set_up(args, folder, database, cluster)
    say(
        f"set-up: {time.monotonic() - started:.0f} s (database {database.name}, cluster "
        f"{cluster.name} on port {cluster.port}: migrate, demo town, demo accounts, network; "
        "collectstatic)"
    )
    ok = scale_out(args, folder, database, volunteer)
    say(
        f"\nfault run: one server ({args.workers} workers) on cluster {cluster.name}, "
        f"{args.clients} clients"
    )
    ok &= fault_run(args, folder, cluster, cluster_accounts)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--volunteers", type=int, default=10, help="of the clients, logged in")
    parser.add_argument("--seconds", type=float, default=60, help="per set-up (one, two servers)")
    parser.add_argument("--workers", type=int, default=1, help="gunicorn workers per server")
    parser.add_argument("--outage", type=float, default=10, help="seconds the cluster is down")
    args = parser.parse_args()
    # A stop (SIGTERM) unwinds like an error: the servers, databases and cluster go all the same.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.monotonic()
    with contextlib.ExitStack() as cleanup:
        atexit.register(cleanup.close)
        ok = bench(args, cleanup)
    say(f"\nwhole bench: {time.monotonic() - started:.0f} s, everything it created dropped")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
