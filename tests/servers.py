"""Real server processes for the tests that need them: several processes sharing limits, a
database cut off and restored, nginx in front.

`AppServer` is a gunicorn serving this worktree's code against the test database, the way a
deployment runs it; `serving()` starts several and always stops them, even when the test fails;
`TcpRelay` stands between a server and PostgreSQL so that a test can cut the database off and
bring it back without touching the shared cluster.

Nothing here needs pytest: the load benchmark (bench/bench_load.py) runs the same servers, with the
deployment's gunicorn settings and a database of its own.
"""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import threading
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


def database_url_of_the_tests(port: int | None = None) -> str:
    """The URL of the database the test runs on (pytest-django's test_... database), optionally
    through another port (a relay)."""
    db = connection.settings_dict
    user, password = quote(db["USER"], safe=""), quote(db["PASSWORD"] or "", safe="")
    host, port = db["HOST"] or "127.0.0.1", port or db["PORT"] or 5432
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


# One worker with a few threads: enough for a test, light on a machine that runs many tests.
TEST_WORKERS = ("--workers", "1", "--threads", "8")
# The deployment's own settings (workers and threads from WEB_WORKERS and WEB_THREADS).
DEPLOYMENT_CONFIG = ("-c", "barrierfree/gunicorn.conf.py")


class AppServer:
    """One gunicorn process on a free port, with `env` added: on the test database unless `env`
    names a DATABASE_URL; `options` are gunicorn's (the test's worker or the deployment's
    configuration file)."""

    def __init__(
        self,
        folder: Path,
        env: dict[str, str],
        name: str = "server",
        options: tuple[str, ...] = TEST_WORKERS,
    ):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{name}.log"
        environment = {
            **os.environ,
            # A connection per request: nothing holds the test database when it is flushed.
            "DATABASE_CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "LOG_LEVEL": "WARNING",
            **env,
        }
        if "DATABASE_URL" not in env:
            environment["DATABASE_URL"] = database_url_of_the_tests()
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        command = [sys.executable, "-m", "gunicorn", *options, "barrierfree.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--no-control-socket"]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=output, stderr=output
            )

    def wait_until_serving(self, path: str = "/nahlasit/") -> "AppServer":
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.base} exited:\n{self.log.read_text()[-3000:]}")
            try:
                if request(self.base, "GET", path).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"{self.base} did not answer in time:\n{self.log.read_text()[-3000:]}")

    def get(self, path: str, **headers: str) -> http.client.HTTPResponse:
        return request(self.base, "GET", path, headers=headers)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@contextmanager
def serving(count: int, env: dict[str, str], folder: Path) -> Iterator[list[str]]:
    """`count` gunicorn processes on free ports with `env` added; yields their base URLs."""
    servers: list[AppServer] = []
    try:
        for number in range(count):
            servers.append(AppServer(folder, env, name=f"server-{number}"))
        for server in servers:
            server.wait_until_serving()
        yield [server.base for server in servers]
    finally:
        for server in servers:
            server.stop()


class TcpRelay:
    """Forwards a local port to PostgreSQL; `cut()` drops every connection and stops listening,
    `restore()` listens again on the same port (a database restart, as the application sees it)."""

    def __init__(self, target_port: int):
        self.target = ("127.0.0.1", target_port)
        self.port = free_port()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener: socket.socket | None = None

    def restore(self) -> "TcpRelay":
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def cut(self) -> None:
        with self._lock:
            sockets, self._sockets = [*self._sockets, self._listener], []
            self._listener = None
        for sock in sockets:
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
