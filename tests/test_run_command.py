"""The README's run command, end to end: started twice, it serves the demo town, routes between
its places (a wheelchair and a pedestrian route that part at the steps) and the admin's map
widget with the background worker beside it (stopped with it by Ctrl-C), and the second start
duplicates nothing.

It runs `bash scripts/run` itself, against a scratch database on the same PostGIS server as the
tests (DATABASE_URL set, so the script provisions no database), on a free port, and stops it as
Ctrl-C would.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import signal
import urllib.parse
import urllib.request
from pathlib import Path

from psycopg import sql

from tests.script_runs import (
    ScriptRun,
    connect,
    registered_workers,
    script_environment,
    server_url,
    wait_for_the_worker,
)
from tests.servers import free_port

# Every count the second start must leave as the first one left it.
COUNTED = [
    "mapping_municipality",
    "mapping_place",
    "mapping_entrance",
    "mapping_assessment",
    "mapping_user",
    "mapping_networknode",
    "mapping_networkedge",
]


def _counts(dbname: str) -> dict[str, int]:
    with connect(dbname) as conn:
        return {
            table: conn.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in COUNTED
        }


def _admin_page(base: str, username: str, password: str, path: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(f"{base}/admin/login/?next={urllib.parse.quote(path)}").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login).group(1)
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": path}
    ).encode()
    request = urllib.request.Request(
        f"{base}/admin/login/?next={urllib.parse.quote(path)}",
        data=form,
        headers={"Referer": f"{base}/admin/login/"},
    )
    with opener.open(request) as response:
        assert response.url.endswith(path), "the demo coordinator could not log in to the admin"
        return response.read().decode()


def _demo_routes(base: str, dbname: str) -> None:
    """A wheelchair and a pedestrian route from the Kamenný most to the town hall are found, and
    only the pedestrian's climbs the steps."""
    with connect(dbname) as conn:
        ids = dict(
            conn.execute(
                "SELECT source_id, id FROM mapping_place WHERE source_id IN ('most', 'radnice')"
            ).fetchall()
        )
    steps = {}
    for profile in ("wheelchair", "pedestrian"):
        query = urllib.parse.urlencode(
            {"from_place": ids["most"], "to_place": ids["radnice"], "profile": profile}
        )
        with urllib.request.urlopen(f"{base}/route.json?{query}", timeout=30) as answer:
            route = json.load(answer)
        assert route["found"], f"no {profile} route in the demo town: {route.get('reason')}"
        steps[profile] = any(edge["steps"] for edge in route["edges"])
    assert steps == {"wheelchair": False, "pedestrian": True}


def _one_run(env: dict[str, str], log: Path, dbname: str) -> tuple[str, dict[str, int]]:
    base = f"http://127.0.0.1:{env['PORT']}"
    service = ScriptRun("run", env, log)
    try:
        service.wait_until_serving(f"{base}/")
        home = urllib.request.urlopen(f"{base}/", timeout=10).read().decode()
        assert 'id="map"' in home
        with connect(dbname) as conn:
            place_id, lon, lat = conn.execute(
                "SELECT id, ST_X(location), ST_Y(location) FROM mapping_place ORDER BY id LIMIT 1"
            ).fetchone()
        bbox = f"{lon - 0.05},{lat - 0.05},{lon + 0.05},{lat + 0.05}"
        with urllib.request.urlopen(f"{base}/places.geojson?bbox={bbox}", timeout=10) as layer:
            features = json.load(layer)["features"]
        assert features, "the map layer holds no demo place"
        _demo_routes(base, dbname)
        text = service.text()
        password = re.search(r"koordinator\D*?(demo-[\w-]+)", text)
        assert password, f"the run command printed no coordinator password:\n{text}"
        change = _admin_page(
            base, "koordinator", password.group(1), f"/admin/mapping/place/{place_id}/change/"
        )
        assert "leaflet" in change.lower() and "id_location" in change
        assert wait_for_the_worker(base)["status"] == "ok"
        counts = _counts(dbname)
    finally:
        code = service.stop()
    assert code in (0, 130, -signal.SIGINT), f"Ctrl-C did not stop it cleanly ({code})"
    text = service.text()
    # The worker started with the server and stopped with it, cleanly (it unregistered).
    assert "Starting worker on all queues" in text and "Stopped worker on all queues" in text
    assert registered_workers(dbname) == 0
    return text, counts


def test_the_run_command_started_twice_serves_the_demo_town_and_duplicates_nothing(
    scratch_database, tmp_path
):
    env = script_environment(
        DATABASE_URL=server_url(scratch_database),
        PORT=str(free_port()),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "media-private"),
        STATIC_ROOT=str(tmp_path / "static"),
        # A job in flight at Ctrl-C (the demo's photo checks, the map's grid) ends within this.
        WORKER_SHUTDOWN_SECONDS="10",
    )

    first_output, first = _one_run(env, tmp_path / "first.log", scratch_database)
    assert f"http://127.0.0.1:{env['PORT']}" in first_output
    assert first["mapping_place"] > 0 and first["mapping_assessment"] > 0
    assert first["mapping_user"] == 2

    _second_output, second = _one_run(env, tmp_path / "second.log", scratch_database)
    assert second == first
