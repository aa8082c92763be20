"""A worker's life: /healthz sees it beat; SIGTERM stops it cleanly (exit 0, its job in flight
finished first); a worker killed mid-job (SIGKILL) is noticed by its silence, and its job runs
again on another worker, once."""

import json

from django.test import Client
from django.urls import reverse

from mapping.models import JobError, ReviewStatus
from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.worker.conftest import (
    SIGKILL,
    SIGTERM,
    STALLED_SECONDS,
    job_row,
    mails,
    only_job,
    smtp_env,
    wait_until,
)


def health(query: str = "") -> tuple[int, dict]:
    answer = Client().get(f"/healthz{query}")
    return answer.status_code, json.loads(answer.content)


def registered_workers() -> int:
    from procrastinate.contrib.django.models import ProcrastinateWorker

    return ProcrastinateWorker.objects.count()


def queued_decision(alice, charlie) -> int:
    submitted = make_assessment(make_place("Radnice"), ReviewStatus.SUBMITTED, surveyor=alice)
    client_for(charlie).post(reverse("review:approve", args=[submitted.pk]), {"comment": "OK"})
    return only_job("send_decision_email")


def test_health_reports_the_worker_and_stays_200_without_one_unless_asked(queue, workers):
    assert health() == (
        200,
        {
            "status": "degraded",
            "checks": {"database": "ok", "migrations": "ok", "worker": "no worker running"},
        },
    )
    assert health("?worker=1")[0] == 503

    worker = workers()
    wait_until(lambda: health()[1]["checks"]["worker"] == "ok", 30, "the worker beat", worker)
    assert health() == (
        200,
        {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "worker": "ok"}},
    )
    assert health("?worker=1")[0] == 200

    # Killed, it cannot say goodbye: its last heartbeat ages until it counts as lost.
    worker.signal(SIGKILL)
    worker.wait(timeout=10)
    code, answer = wait_until(
        lambda: (h := health())[1]["checks"]["worker"].startswith("no worker seen for") and h,
        timeout=30,
        what="the killed worker counts as lost",
    )
    assert code == 200 and answer["status"] == "degraded"
    assert health("?worker=1")[0] == 503


def test_sigterm_lets_the_job_in_flight_end_then_exits_0(alice, charlie, workers, silent_smtp):
    job = queued_decision(alice, charlie)
    # The mail server hangs; the e-mail gives up after EMAIL_TIMEOUT (3 s).
    worker = workers(smtp_env(silent_smtp.port, timeout=3))
    wait_until(lambda: job_row(job)["status"] == "doing", 30, "the job started", worker)

    worker.signal(SIGTERM)
    assert worker.wait(timeout=20) == 0
    log = worker.text()
    assert "Stop requested" in log and "Stopped worker" in log
    # Not abandoned "doing": the attempt ended (the timeout), its retry is queued.
    row = job_row(job)
    assert (row["status"], row["attempts"], row["worker_id"]) == ("todo", 1, None)
    assert "timed out" in JobError.objects.get(job_id=job).error
    assert registered_workers() == 0


def test_an_idle_worker_stops_at_once_on_sigterm(queue, workers):
    worker = workers()
    wait_until(lambda: registered_workers() == 1, 30, "the worker registered", worker)
    worker.signal(SIGTERM)
    assert worker.wait(timeout=10) == 0
    assert registered_workers() == 0


def test_a_job_of_a_killed_worker_runs_again_elsewhere_once(
    alice, charlie, workers, silent_smtp, tmp_path
):
    job = queued_decision(alice, charlie)
    stuck = workers(smtp_env(silent_smtp.port, timeout=120))
    wait_until(lambda: job_row(job)["status"] == "doing", 30, "the job started", stuck)
    stuck.signal(SIGKILL)
    stuck.wait(timeout=10)
    assert job_row(job)["status"] == "doing"  # nobody told the queue

    rescuer = workers()  # a healthy worker, whose mail server answers
    wait_until(
        lambda: job_row(job)["status"] == "succeeded",
        timeout=4 * int(STALLED_SECONDS) + 30,
        what="the lost job ran again",
        log=rescuer,
    )
    assert job_row(job)["attempts"] == 2
    [error] = JobError.objects.filter(job_id=job)
    assert "worker running this job stopped" in error.error
    # The killed attempt sent nothing; the second sent the e-mail, once.
    [mail] = mails(tmp_path / "mails")
    assert "To: alice@example.org" in mail
    assert registered_workers() == 1  # the dead worker's row is gone
