"""The background worker's part of the load benchmark's fault run (bench/bench_load.py).

A coordinator imports POINTS VozejkMap places from the admin, over HTTP as a browser does: the
upload, the dry run (a first worker runs it), then the commit. While the commit is importing,
that worker is killed (SIGKILL: no goodbye, its transaction cut off). A second worker notices
that the first stopped beating (WORKER_STALLED_SECONDS, 5 s here, 60 s in production) and runs
the job again. Printed, each with its floor: the job ran twice and succeeded, the killed attempt
is recorded, every place of the dry run's report was written once (none missing, none twice),
and no uploaded file is left in the private storage.
"""

import http.client
import json
import re
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

from loadgen import cookies_of

from tests.imports.points import vozejkmap_points
from tests.servers import ROOT, request

POINTS = 1000
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A lost worker is noticed within seconds here; its heartbeat every second.
WORKER_ENV = {
    "WORKER_HEARTBEAT_SECONDS": "1",
    "WORKER_STALLED_SECONDS": "5",
    "IMPORT_PROGRESS_SECONDS": "0.5",
    "LOG_LEVEL": "INFO",
}
# Killed once the commit has imported this share of the places.
KILL_AT = 0.2


def say(line: str = "") -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


class Worker:
    """`manage.py procrastinate worker` with `env`, its output in the folder's log."""

    def __init__(self, folder: Path, env: dict[str, str], name: str):
        self.log = folder / f"{name}.log"
        command = [sys.executable, "manage.py", "procrastinate", "worker"]
        command += ["--fetch-job-polling-interval", "0.5"]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env | WORKER_ENV, stdout=output, stderr=output
            )

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


class Coordinator:
    """The admin as a coordinator's browser uses it: session and CSRF cookies."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}

    def send(self, method: str, path: str, body: bytes = b"", content_type: str = ""):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if method == "POST":
            headers |= {"X-CSRFToken": self.cookies.get("csrftoken", ""), "Referer": self.base}
            headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
        answer = request(self.base, method, path, body, headers)
        self.cookies |= cookies_of(answer)
        return answer

    def log_in(self, username: str, password: str) -> None:
        form = self.send("GET", "/admin/login/")
        token = CSRF_FIELD.search(form.body.decode())
        fields = {"username": username, "password": password, "next": "/admin/"}
        fields["csrfmiddlewaretoken"] = token.group(1) if token else ""
        answer = self.send("POST", "/admin/login/", urlencode(fields).encode())
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"the coordinator's login answered {answer.status}")

    def upload(self, kind: str, name: str, content: bytes) -> int:
        boundary = uuid.uuid4().hex
        head = (
            f"--{boundary}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        body = head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
        path = f"/admin/mapping/importrun/new/{kind}/"
        answer = self.send("POST", path, body, f"multipart/form-data; boundary={boundary}")
        return self.run_id(answer)

    def commit(self, run_id: int) -> int:
        return self.run_id(self.send("POST", f"/admin/mapping/importrun/{run_id}/commit/"))

    def status(self, run_id: int) -> dict:
        return json.loads(self.send("GET", f"/admin/mapping/importrun/{run_id}/status/").body)

    @staticmethod
    def run_id(answer: http.client.HTTPResponse) -> int:
        location = answer.headers.get("Location", "")
        if answer.status != 302 or "/importrun/" not in location:
            raise RuntimeError(f"the admin answered {answer.status}: {answer.body[:500]!r}")
        return int(location.rstrip("/").split("/")[-2])


def wait_for(condition, seconds: float, what: str, logs: list[Path]):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    tails = "\n".join(f"{log.name}:\n{log.read_text(errors='replace')[-2000:]}" for log in logs)
    raise RuntimeError(f"not within {seconds:.0f} s: {what}\n{tails}")


def killed_mid_import(folder: Path, env: dict[str, str], base: str, coordinator, connect) -> bool:
    """The scenario of the module docstring against the server at `base` (a database `connect`
    reaches too); True when every floor holds."""
    first = Worker(folder, env, "worker-1")
    second = None
    try:
        admin = Coordinator(base)
        admin.log_in(*coordinator)
        started = time.monotonic()
        dry_run = admin.upload("vozejkmap", "vozejkmap.geojson", vozejkmap_points(POINTS))
        wait_for(lambda: admin.status(dry_run)["finished"], 900, "the dry run", [first.log])
        say(f"dry run of {POINTS} VozejkMap places: {time.monotonic() - started:.1f} s")
        commit = admin.commit(dry_run)
        at = wait_for(
            lambda: (
                (s := admin.status(commit))["stage"] == "import"
                and s["done"] >= KILL_AT * POINTS
                and s
            ),
            600,
            "the commit importing",
            [first.log],
        )
        first.kill()
        killed = time.monotonic()
        say(f"worker killed (SIGKILL) during the commit, at {at['message']}")
        second = Worker(folder, env, "worker-2")
        wait_for(lambda: admin.status(commit)["finished"], 900, "the commit again", [second.log])
        say(f"the second worker finished the import {time.monotonic() - killed:.1f} s later")
    finally:
        for worker in (first, second):
            if worker is not None:
                worker.stop()
    return report(folder, connect, dry_run, commit)


def report(folder: Path, connect, dry_run: int, commit: int) -> bool:
    with connect() as conn:
        created = conn.execute(
            "SELECT (report->'counts'->>'created')::int FROM mapping_importrun WHERE id = %s",
            [dry_run],
        ).fetchone()[0]
        status, attempts, job_status, job_attempts = conn.execute(
            "SELECT r.status, r.attempts, j.status, j.attempts FROM mapping_importrun r "
            "JOIN procrastinate_jobs j ON j.id = r.job_id WHERE r.id = %s",
            [commit],
        ).fetchone()
        lost = conn.execute(
            "SELECT count(*) FROM mapping_job_error e JOIN mapping_importrun r "
            "ON r.job_id = e.job_id WHERE r.id = %s AND e.error LIKE %s",
            [commit, "%worker running this job stopped%"],
        ).fetchone()[0]
        places = conn.execute(
            "SELECT count(*), count(DISTINCT source_id) FROM mapping_assessment "
            "WHERE source = 'vozejkmap'"
        ).fetchone()
    left = sorted(p.name for p in (folder / "private" / "imports").glob("*"))
    retried = status == "done" and job_status == "succeeded" and attempts == job_attempts == 2
    say(
        f"the commit's job: {job_status} after {job_attempts} attempts, the run {status} "
        f"(floor: succeeded on the 2nd attempt) {verdict(retried)}; the lost attempt recorded: "
        f"{lost} {verdict(lost == 1)}"
    )
    once = places == (created, created)
    say(
        f"places written: {places[0]} ({places[1]} distinct) of the dry run's {created} "
        f"(floor: each once) {verdict(once)}"
    )
    say(f"uploaded files left behind: {len(left)} (floor 0) {verdict(not left)}")
    return retried and lost == 1 and once and not left
