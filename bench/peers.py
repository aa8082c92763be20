"""The map layer's HTTP servers for bench/bench_publicmap.py: the project (gunicorn, its own
settings of barrierfree/gunicorn.conf.py, one process of six threads) and its peer tipg (the OGC
Features and Tiles API on PostGIS, https://github.com/developmentseed/tipg; uvicorn, one
process), both on a free port of the loopback against the benchmark's own database.

tipg is installed by the benchmark into a virtualenv of its own (bench/out/tipg-venv, pinned
versions): it brings FastAPI, Starlette and asyncpg, which the project does not use, and is never
part of the project's environment. Nothing is installed when the virtualenv is already there.
"""

import contextlib
import gzip
import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TIPG_VENV = OUT / "tipg-venv"
TIPG_REQUIREMENTS = ["tipg==1.6.1", "uvicorn==0.55.0"]
# tipg's own default: a vector tile holds at most this many features (the others are dropped).
TIPG_MAX_FEATURES_PER_TILE = 10_000
# The features endpoint (items) answers at most this many in one page: set high enough for a
# town's view to come whole, as the project's tiles send it.
TIPG_MAX_FEATURES_PER_QUERY = 200_000
PARALLEL = 6  # what a browser fetches from one host at a time


def ensure_tipg() -> Path:
    """The python of tipg's virtualenv, created and filled when missing."""
    python = TIPG_VENV / "bin" / "python"
    stamp = TIPG_VENV / ("installed-" + "-".join(TIPG_REQUIREMENTS))
    if not stamp.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(TIPG_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *TIPG_REQUIREMENTS],
            check=True,
            env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        )
        stamp.touch()
    return python


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, path: str, process: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} ended with {process.returncode}")
        with contextlib.suppress(OSError):
            status, _, _ = get(port, path, gzip_ok=False)
            if status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"the server on port {port} did not answer {path} in {seconds} s")


@contextlib.contextmanager
def server(command: list[str], env: dict, port: int, ready_path: str, log: str) -> Iterator[int]:
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / log, "w") as out:
        process = subprocess.Popen(  # noqa: S603 (our own command line)
            command, env={**os.environ, **env}, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            wait_for(port, ready_path, process)
            yield port
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def project_server(
    database_url: str, extra_env: dict | None = None, ready_path: str = "/places/7/68/44.geojson"
) -> contextlib.AbstractContextManager[int]:
    """The project behind gunicorn as deployed (gthread), one process of PARALLEL threads."""
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "-c",
        "barrierfree/gunicorn.conf.py",
        "barrierfree.wsgi",
    ]
    env = {
        "DATABASE_URL": database_url,
        "BIND": f"127.0.0.1:{port}",
        "WEB_WORKERS": "1",
        "WEB_THREADS": str(PARALLEL),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        **(extra_env or {}),
    }
    return server(command, env, port, ready_path, "project-server.log")


def tipg_server(database_url: str) -> contextlib.AbstractContextManager[int]:
    """tipg on the places table (public.mapping_place) of the same database."""
    port = free_port()
    parts = urllib.parse.urlsplit(database_url)
    postgres_url = urllib.parse.urlunsplit(("postgresql", *parts[1:]))
    command = [
        str(ensure_tipg()),
        "-m",
        "uvicorn",
        "tipg.main:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    env = {
        "DATABASE_URL": postgres_url,
        "TIPG_DB_TABLES": '["public.mapping_place"]',
        "TIPG_DB_SPATIAL_EXTENT": "false",
        "TIPG_DB_DATETIME_EXTENT": "false",
        "TIPG_MAX_FEATURES_PER_TILE": str(TIPG_MAX_FEATURES_PER_TILE),
        "TIPG_MAX_FEATURES_PER_QUERY": str(TIPG_MAX_FEATURES_PER_QUERY),
        "TIPG_DB_MAX_CONN_SIZE": str(PARALLEL),
    }
    return server(command, env, port, "/collections/public.mapping_place", "tipg-server.log")


def get(port: int, path: str, gzip_ok: bool = True) -> tuple[int, bytes, bytes]:
    """One GET on a fresh connection (as gunicorn closes them): status, bytes sent, and the
    body's bytes once uncompressed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        sent = response.read()
        encoding = response.getheader("Content-Encoding", "")
        text = gzip.decompress(sent) if encoding == "gzip" else sent
        return response.status, sent, text
    finally:
        connection.close()


def fetch_view(port: int, paths: list[str]) -> tuple[float, int, int, list[bytes]]:
    """Every path, PARALLEL at a time: the view's time, bytes sent and of text, and the texts."""
    start = time.perf_counter()
    with ThreadPoolExecutor(PARALLEL) as pool:
        answers = list(pool.map(lambda path: get(port, path), paths))
    elapsed = time.perf_counter() - start
    for (status, sent, _), path in zip(answers, paths, strict=True):
        assert status in (200, 204), f"{path}: {status} {sent[:200]!r}"
    return (
        elapsed,
        sum(len(sent) for _, sent, _ in answers),
        sum(len(text) for _, _, text in answers),
        [text for _, _, text in answers],
    )
