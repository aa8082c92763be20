"""Real server processes for tests that need more than one (limits shared across processes).

Each is a gunicorn with one worker and a few threads, the way a deployment runs, serving this
worktree's code against the test database. `serving()` always stops them, even when the test
fails, and says what a server printed when it does not come up.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url_of_the_tests() -> str:
    """The URL of the database the test runs on (pytest-django's test_... database)."""
    db = connection.settings_dict
    user, password = quote(db["USER"], safe=""), quote(db["PASSWORD"] or "", safe="")
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgis://{user}:{password}@{host}:{port}/{db['NAME']}"


def request(
    base: str, method: str, path: str, body: bytes = b"", headers: dict | None = None
) -> http.client.HTTPResponse:
    """One request with a timeout; the response is read in full (redirects are not followed)."""
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        response.body = response.read()
        return response
    finally:
        conn.close()


def _wait_until_serving(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {base} exited:\n{log.read_text()[-3000:]}")
        try:
            if request(base, "GET", "/nahlasit/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server at {base} did not answer in time:\n{log.read_text()[-3000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@contextmanager
def serving(count: int, env: dict[str, str], folder: Path) -> Iterator[list[str]]:
    """`count` gunicorn processes on free ports with `env` added; yields their base URLs."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url_of_the_tests(),
        # A connection per request: nothing holds the test database when it is flushed.
        "DATABASE_CONN_MAX_AGE": "0",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "LOG_LEVEL": "WARNING",
        **env,
    }
    processes, bases = [], []
    try:
        for number in range(count):
            port = free_port()
            log = folder / f"server-{number}.log"
            command = [sys.executable, "-m", "gunicorn", "barrierfree.wsgi:application"]
            command += ["--workers", "1", "--threads", "8", "--bind", f"127.0.0.1:{port}"]
            with log.open("wb") as output:
                processes.append(
                    subprocess.Popen(
                        command, cwd=ROOT, env=environment, stdout=output, stderr=output
                    )
                )
            bases.append(f"http://127.0.0.1:{port}")
        for number, (base, process) in enumerate(zip(bases, processes, strict=True)):
            _wait_until_serving(base, process, folder / f"server-{number}.log")
        yield bases
    finally:
        for process in processes:
            _stop(process)
