"""The load benchmark's client (bench/bench_load.py): threads that send a mix of the public's reads
and writes and a volunteer's survey saves, spread round robin over the application servers.

Each client is a thread with its own seeded random choice of what to ask next and no pause in
between (a closed loop: the servers are kept busy, and the throughput is theirs). A request is one
HTTP/1.1 connection, as tests/servers.py `request()` sends it. Every answer is kept as an
`Outcome`; every write is remembered by its unique text or idempotency key, with whether the
server acknowledged it, so that the database can be searched for each afterwards.
"""

import http.client
import json
import os
import random
import re
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from tests.servers import request

# What a client asks for, with its weight. The public: mostly the map and the places, some
# routes and reports, now and then a whole download. A volunteer (logged in): survey saves between
# looks at the map and the places.
PUBLIC_MIX = {
    "map layer": 26,
    "list": 9,
    "place detail": 22,
    "search": 11,
    "route": 16,
    "download CSV": 2,
    "download GeoJSON": 2,
    "report POST": 12,
}
VOLUNTEER_MIX = {"map layer": 20, "place detail": 20, "search": 10, "survey save": 50}
ENDPOINTS = [*PUBLIC_MIX, "survey save"]
# Within the demo town (Písek): reports' and new places' positions.
TOWN_AREA = (14.12, 49.29, 14.17, 49.32)
# A draft may leave required answers out; this one answer is checked by the engine all the same.
DRAFT_ANSWERS = {"entrance1Accessibility": "NoelevationEntranceAccessibility"}
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass(frozen=True)
class Town:
    """What the requests ask for, read from the database under load."""

    bboxes: list[str]
    place_ids: list[int]
    terms: list[str]
    routes: list[tuple[str, str, str]]  # from, to ("lon,lat"), profile
    volunteer: tuple[str, str]  # name, password
    run: str  # in every report's text: this run's writes apart from any other's


@dataclass(frozen=True)
class Outcome:
    endpoint: str
    phase: str
    started: float  # time.monotonic()
    seconds: float
    status: int  # 0: no answer (refused, reset, timed out)
    retry_after: bool = False


@dataclass
class Writes:
    """Every write sent, and those the server acknowledged (201)."""

    sent: dict[str, set] = field(default_factory=lambda: {"report": set(), "survey": set()})
    acknowledged: dict[str, set] = field(default_factory=lambda: {"report": set(), "survey": set()})


class Traffic:
    """Where the clients send now and which phase their answers count in; `stop` ends them."""

    def __init__(self, bases: list[str], phase: str):
        self.bases, self.phase = bases, phase
        self.stop = threading.Event()
        self.outcomes: list[Outcome] = []
        self.writes = Writes()

    def switch(self, bases: list[str], phase: str) -> None:
        self.bases, self.phase = bases, phase


class LoginFailed(RuntimeError):
    pass


def cookies_of(response: http.client.HTTPResponse) -> dict[str, str]:
    jar = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar.load(header)
    return {name: morsel.value for name, morsel in jar.items()}


class Client(threading.Thread):
    """One client of the public, or a volunteer who logs in once (a few at a time, through
    `gate`: a password hash takes a good part of a second of CPU); each waits for `go`, then
    sends until `stop`."""

    def __init__(
        self,
        number: int,
        volunteer: bool,
        town: Town,
        traffic: Traffic,
        go: threading.Event,
        gate: threading.Semaphore,
    ):
        super().__init__(name=f"client-{number}", daemon=True)
        self.number, self.town, self.traffic, self.go, self.gate = number, town, traffic, go, gate
        self.volunteer = volunteer
        self.random = random.Random(number)
        self.cookies: dict[str, str] = {}
        self.sent = 0
        self.logged_in = threading.Event()
        self.failure: BaseException | None = None

    def run(self) -> None:
        try:
            if self.volunteer:
                with self.gate:
                    self.log_in()
        except (OSError, http.client.HTTPException, LoginFailed) as error:
            self.failure = error
            return
        finally:
            self.logged_in.set()
        self.go.wait()
        mix = VOLUNTEER_MIX if self.volunteer else PUBLIC_MIX
        names, weights = list(mix), list(mix.values())
        while not self.traffic.stop.is_set():
            self.send(self.random.choices(names, weights)[0])

    def base(self) -> str:
        bases = self.traffic.bases
        self.sent += 1
        return bases[(self.number + self.sent) % len(bases)]

    def log_in(self) -> None:
        """The login form as a browser sends it: its CSRF cookie and field, then the POST."""
        base, name, password = self.base(), *self.town.volunteer
        form = request(base, "GET", "/ucet/prihlaseni/")
        self.cookies = cookies_of(form)
        token = CSRF_FIELD.search(form.body.decode())
        if form.status != 200 or token is None:
            raise LoginFailed(f"the login form answered {form.status}")
        body = urlencode(
            {"username": name, "password": password, "csrfmiddlewaretoken": token.group(1)}
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": self.cookie_header(),
        }
        answer = request(base, "POST", "/ucet/prihlaseni/", body.encode(), headers)
        self.cookies |= cookies_of(answer)
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise LoginFailed(f"the login answered {answer.status}")

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def send(self, endpoint: str) -> None:
        method, path, body, headers, write = self.build(endpoint)
        phase, started = self.traffic.phase, time.monotonic()
        status, retry_after = 0, False
        try:
            answer = request(self.base(), method, path, body, headers)
            status, retry_after = answer.status, answer.getheader("Retry-After") is not None
        except (OSError, http.client.HTTPException):
            pass
        seconds = time.monotonic() - started
        self.traffic.outcomes.append(
            Outcome(endpoint, phase, started, seconds, status, retry_after)
        )
        if write is not None:
            kind, token = write
            self.traffic.writes.sent[kind].add(token)
            if status == 201:
                self.traffic.writes.acknowledged[kind].add(token)

    def build(self, endpoint: str) -> tuple[str, str, bytes, dict, tuple | None]:
        pick, town = self.random.choice, self.town
        if endpoint == "map layer":
            return "GET", f"/places.geojson?bbox={pick(town.bboxes)}&zoom=15", b"", {}, None
        if endpoint == "list":
            return "GET", f"/seznam/?page={self.random.randint(1, 2)}", b"", {}, None
        if endpoint == "place detail":
            return "GET", f"/misto/{pick(town.place_ids)}/", b"", {}, None
        if endpoint == "search":
            return "GET", "/hledat/?" + urlencode({"q": pick(town.terms)}), b"", {}, None
        if endpoint == "route":
            start, end, profile = pick(town.routes)
            query = urlencode({"from": start, "to": end, "profile": profile})
            return "GET", f"/route.json?{query}", b"", {}, None
        if endpoint == "download CSV":
            return "GET", "/data/mista.csv", b"", {}, None
        if endpoint == "download GeoJSON":
            return "GET", "/data/mista.geojson", b"", {}, None
        if endpoint == "report POST":
            return self.report()
        return self.survey_save()

    def position(self) -> tuple[float, float]:
        west, south, east, north = TOWN_AREA
        return round(self.random.uniform(west, east), 6), round(
            self.random.uniform(south, north), 6
        )

    def report(self) -> tuple[str, str, bytes, dict, tuple]:
        text = f"{self.town.run} client {self.number} report {uuid.uuid4().hex[:12]}"
        longitude, latitude = self.position()
        body = {"kind": "barrier", "text": text, "longitude": longitude, "latitude": latitude}
        headers = {"Content-Type": "application/json"}
        return "POST", "/api/v1/reports/", json.dumps(body).encode(), headers, ("report", text)

    def survey_save(self) -> tuple[str, str, bytes, dict, tuple]:
        """A draft of a new place, as the survey app saves it (mapping/survey/api.py submit)."""
        key = str(uuid.uuid4())
        longitude, latitude = self.position()
        place = {"name": f"Zkušební místo {self.number}", "kind": "building"}
        payload = {
            "idempotency_key": key,
            "action": "draft",
            "place": {**place, "lat": latitude, "lon": longitude},
            "answers": DRAFT_ANSWERS,
        }
        headers = {
            "Content-Type": "application/json",
            "Cookie": self.cookie_header(),
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
        }
        body = json.dumps(payload).encode()
        return "POST", "/pruzkum/api/odeslat/", body, headers, ("survey", key)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def print_endpoints(outcomes: list[Outcome], phase: str, seconds: float) -> float:
    """p50/p95/p99 of each endpoint in the phase; returns its requests per second."""
    say = sys.stdout.write
    mine = [o for o in outcomes if o.phase == phase]
    say(f"  {'endpoint':18} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}\n")
    for endpoint in ENDPOINTS:
        ms = [o.seconds * 1000 for o in mine if o.endpoint == endpoint]
        if ms:
            figures = " ".join(f"{percentile(ms, share):8.1f}" for share in (0.5, 0.95, 0.99))
            say(f"  {endpoint:18} {len(ms):8d} {figures}\n")
    ms = [o.seconds * 1000 for o in mine]
    figures = " ".join(f"{percentile(ms, share):8.1f}" for share in (0.5, 0.95, 0.99))
    rate = len(mine) / seconds
    say(f"  {'all':18} {len(mine):8d} {figures}   {rate:.1f} requests/s\n")
    return rate


def stored_writes(server, dbname: str, writes: Writes) -> dict[str, set]:
    """Which of the writes sent are in the database: reports by text, surveys by key."""
    with server.connect(dbname) as conn:
        texts = conn.execute(
            "SELECT text FROM mapping_report WHERE text = ANY(%s)", [list(writes.sent["report"])]
        ).fetchall()
        keys = conn.execute(
            "SELECT idempotency_key::text FROM mapping_assessment "
            "WHERE idempotency_key = ANY(%s::uuid[])",
            [list(writes.sent["survey"])],
        ).fetchall()
    return {"report": {row[0] for row in texts}, "survey": {row[0] for row in keys}}


def print_writes(writes: Writes, found: dict[str, set]) -> bool:
    """Every acknowledged write must be in the database; refused ones found there are counted."""
    lost = {kind: writes.acknowledged[kind] - found[kind] for kind in found}
    refused = {
        kind: (writes.sent[kind] - writes.acknowledged[kind]) & found[kind] for kind in found
    }
    count = sum(len(value) for value in lost.values())
    sys.stdout.write(
        f"writes acknowledged: {len(writes.acknowledged['report'])} reports, "
        f"{len(writes.acknowledged['survey'])} survey drafts; looked up in the database: "
        f"lost {count} (floor 0) {'ok' if not count else 'MISSED'}; "
        f"not acknowledged yet stored: {sum(len(value) for value in refused.values())}\n"
    )
    return not count


def cpu_ticks(pid: int, children: bool = False) -> int:
    """CPU time of a process in clock ticks; with `children`, also of the children it has
    waited for (a gunicorn master's workers that ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    # After the name: state, ppid, ..., utime, stime, cutime, cstime (fields 14 to 17 of stat).
    return sum(int(value) for value in fields[11 : 15 if children else 13])


def children_of(pids: set[int]) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) in pids:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


class CpuMeter(threading.Thread):
    """CPU seconds spent by the application servers (gunicorn masters and their workers) and by
    the PostgreSQL backends of one database, summed every `period` seconds: a backend's time is
    counted until its last sample, so one that ends (a worker recycled) loses under `period`."""

    def __init__(self, masters: list[int], connect, period: float = 0.5):
        super().__init__(name="cpu-meter", daemon=True)
        self.masters, self.connect, self.period = masters, connect, period
        self.seen: dict[int, int] = {}
        self.database_ticks = 0
        self.lock = threading.Lock()
        self.stop = threading.Event()

    def run(self) -> None:
        with self.connect() as conn:
            while not self.stop.wait(self.period):
                self.sample(conn)

    def sample(self, conn) -> None:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        ).fetchall()
        with self.lock:
            for (pid,) in rows:
                ticks = cpu_ticks(pid)
                self.database_ticks += max(0, ticks - self.seen.get(pid, 0))
                self.seen[pid] = ticks

    def totals(self) -> tuple[float, float, float]:
        """(servers, database, this client) CPU seconds so far."""
        masters = set(self.masters)
        servers = sum(cpu_ticks(pid, children=True) for pid in masters)
        servers += sum(cpu_ticks(pid) for pid in children_of(masters))
        with self.connect() as conn:
            self.sample(conn)
        with self.lock:
            database = self.database_ticks
        tick, client = os.sysconf("SC_CLK_TCK"), os.times()
        return servers / tick, database / tick, client.user + client.system
