"""Real worker processes (`python manage.py procrastinate worker`) on the test database.

The tests commit their data (transactional_db) so that a worker, another process, sees it; the
job queue's tables, which Django's flush leaves alone (procrastinate's models are unmanaged),
are emptied around each test. A worker's e-mails go to files in the test's folder (the
file-based backend): another process's mails never reach django.core.mail.outbox.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from tests.servers import ROOT, database_url_of_the_tests, free_port

QUEUE_TABLES = (
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
)
# A dead worker is noticed within seconds here (a minute in production).
HEARTBEAT_SECONDS = "1"
STALLED_SECONDS = "4"


def empty_queue() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(QUEUE_TABLES)} CASCADE")


@pytest.fixture
def queue(transactional_db, settings):
    # The web side (this process: /healthz) and the workers agree on when a worker is lost.
    settings.WORKER_STALLED_SECONDS = float(STALLED_SECONDS)
    empty_queue()
    yield
    empty_queue()


def job_row(job_id: int) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status, attempts, scheduled_at, scheduled_at - now() AS wait, worker_id "
            "FROM procrastinate_jobs WHERE id = %s",
            [job_id],
        )
        columns = [column.name for column in cursor.description]
        return dict(zip(columns, cursor.fetchone(), strict=True))


def only_job(task_name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM procrastinate_jobs WHERE task_name = %s", [task_name])
        (job_id,) = cursor.fetchone()
        assert cursor.fetchone() is None
    return job_id


def wait_until(condition: Callable[[], object], timeout: float, what: str, log=None) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    tail = f"\nworker log:\n{log.text()[-4000:]}" if log else ""
    pytest.fail(f"not within {timeout} s: {what}{tail}")


class WorkerProcess:
    """One `manage.py procrastinate worker` on the test database with `env` added."""

    def __init__(self, folder: Path, env: dict[str, str], *args: str, name: str = "worker"):
        self.log = folder / f"{name}.log"
        environment = {
            **os.environ,
            "DATABASE_URL": database_url_of_the_tests(),
            "DATABASE_CONN_MAX_AGE": "0",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(folder / "mails"),
            "WORKER_HEARTBEAT_SECONDS": HEARTBEAT_SECONDS,
            "WORKER_STALLED_SECONDS": STALLED_SECONDS,
            "WORKER_SHUTDOWN_SECONDS": "20",
            "LOG_LEVEL": "INFO",
            **env,
        }
        environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        command = [sys.executable, "manage.py", "procrastinate", "worker"]
        command += ["--fetch-job-polling-interval", "0.3", *args]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=environment, stdout=output, stderr=output
            )

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
            pytest.fail(f"the worker did not exit within {timeout} s:\n{self.text()[-4000:]}")

    def signal(self, number: int) -> None:
        self.process.send_signal(number)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def workers(tmp_path, settings):
    """Start workers with `workers(env, *args)`; every one is killed at the end of the test.
    They share the test's media folders (settings.MEDIA_ROOT, the private storage)."""
    started: list[WorkerProcess] = []
    private = settings.STORAGES["private"]["OPTIONS"]["location"]

    def start(env: dict[str, str] | None = None, *args: str) -> WorkerProcess:
        worker = WorkerProcess(
            tmp_path,
            {"MEDIA_ROOT": str(settings.MEDIA_ROOT), "PRIVATE_MEDIA_ROOT": private, **(env or {})},
            *args,
            name=f"worker-{len(started)}",
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def mails(folder: Path) -> list[str]:
    """The e-mails a worker wrote with the file-based backend, oldest first."""
    if not folder.exists():
        return []
    return [path.read_text() for path in sorted(folder.iterdir(), key=os.path.getmtime)]


class SilentSmtpServer:
    """A TCP port that accepts connections and never says a word: a mail server that hangs."""

    def __init__(self):
        self.port = free_port()
        self.socket = socket.socket()
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", self.port))
        self.socket.listen(16)

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def silent_smtp():
    server = SilentSmtpServer()
    yield server
    server.close()


def smtp_env(port: int, timeout: int = 60) -> dict[str, str]:
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_TIMEOUT": str(timeout),
    }


SIGTERM = signal.SIGTERM
SIGKILL = signal.SIGKILL


@pytest.fixture
def alice(queue, alice):
    """tests/personas.py's alice, made once the queue's database is set up."""
    return alice


@pytest.fixture
def charlie(queue, charlie):
    """tests/personas.py's charlie (a coordinator with admin access, as the demo's)."""
    return charlie
