"""The README's production command, end to end: `bash scripts/serve` refuses to start without
its secret key and host names and says which is missing; with them, it serves every page with
DEBUG off under gunicorn, static files and public media included, with the background worker
beside it (both stopped together), and warns while the map still uses the OpenStreetMap
Foundation's tiles."""

import subprocess
import urllib.error
import urllib.request

from tests.script_runs import (
    ScriptRun,
    registered_workers,
    script_environment,
    server_url,
    wait_for_the_worker,
)
from tests.servers import ROOT, free_port

THUMBNAIL = b"\xff\xd8a public thumbnail\xff\xd9"


def serve_refusal(**env: str) -> subprocess.CompletedProcess:
    environment = script_environment(**env)
    for name in (
        "ALLOWED_HOSTS",
        "SECRET_KEY_FILE",
        *(() if "SECRET_KEY" in env else ("SECRET_KEY",)),
    ):
        if name not in env:
            environment.pop(name, None)
    return subprocess.run(
        ["bash", "scripts/serve"],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_serve_refuses_to_start_without_the_secret_key_and_the_host_names():
    neither = serve_refusal()
    assert neither.returncode == 2
    assert "SECRET_KEY" in neither.stderr and "ALLOWED_HOSTS" in neither.stderr
    no_hosts = serve_refusal(SECRET_KEY="a-long-random-production-key-of-the-town")
    assert no_hosts.returncode == 2
    assert "ALLOWED_HOSTS" in no_hosts.stderr and "SECRET_KEY" not in no_hosts.stderr


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_serve_runs_gunicorn_with_debug_off_and_serves_pages_static_and_media(
    scratch_database, tmp_path
):
    (tmp_path / "media" / "photos" / "thumb").mkdir(parents=True)
    (tmp_path / "media" / "photos" / "thumb" / "t.jpg").write_bytes(THUMBNAIL)
    port = free_port()
    env = script_environment(
        SECRET_KEY="a-long-random-production-key-of-the-town",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=server_url(scratch_database),
        PORT=str(port),
        MEDIA_ROOT=str(tmp_path / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp_path / "media-private"),
        STATIC_ROOT=str(tmp_path / "static"),
        SECURE_SSL_REDIRECT="false",
        WEB_WORKERS="2",
        WEB_THREADS="2",
    )
    env.pop("MAP_TILES_URL", None)
    base = f"http://127.0.0.1:{port}"
    service = ScriptRun("serve", env, tmp_path / "serve.log")
    try:
        service.wait_until_serving(f"{base}/healthz")
        status, body = get(f"{base}/")
        page = body.decode()
        assert status == 200 and 'id="map"' in page
        stylesheet = page.split('href="/static/css/site.')[1].split('"')[0]
        assert get(f"{base}/static/css/site.{stylesheet}")[0] == 200
        assert get(f"{base}/media/photos/thumb/t.jpg") == (200, THUMBNAIL)
        status, body = get(f"{base}/no-such-page/")
        # The site's own 404 page, not Django's debug page.
        assert status == 404 and b'class="site-nav"' in body and b"URLconf" not in body
        # The background worker runs beside gunicorn.
        assert wait_for_the_worker(base)["status"] == "ok"
    finally:
        code = service.stop()
    log = service.text()
    # Both stopped together: gunicorn, and the worker cleanly (it unregistered).
    assert "Stopped worker on all queues" in log and "Shutting down" in log
    assert registered_workers(scratch_database) == 0
    assert "MAP_TILES_URL is not set" in log
    assert "Starting gunicorn" in log and log.count("Booting worker") >= 2
    assert code in (0, 130, -2), log
