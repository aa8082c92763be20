"""The decision e-mail goes through the real queue: the coordinator's request only queues it
(with the decision, in one transaction), a worker process sends it; a mail server that refuses
is retried with growing waits, and once the retries are spent the job waits in the dead-letter
view, where a coordinator sees why and queues it again through the admin."""

from datetime import timedelta

from django.db import connection
from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.servers import free_port
from tests.worker.conftest import job_row, mails, only_job, smtp_env, wait_until

DEAD_LETTERS = "/admin/mapping/failedjob/"


def submitted_by(volunteer, name="Městská knihovna"):
    return make_assessment(make_place(name), ReviewStatus.SUBMITTED, surveyor=volunteer)


def approve(coordinator, assessment, comment="Děkujeme."):
    answer = client_for(coordinator).post(
        reverse("review:approve", args=[assessment.pk]), {"comment": comment}
    )
    assert answer.status_code == 302
    return only_job("send_decision_email")


def test_the_request_only_queues_the_email_and_a_worker_process_sends_it(
    alice, charlie, workers, tmp_path, mailoutbox
):
    job = approve(charlie, submitted_by(alice))
    assert mailoutbox == [] and job_row(job)["status"] == "todo"

    worker = workers({}, "--one-shot")
    assert worker.wait(timeout=60) == 0, worker.text()

    assert job_row(job)["status"] == "succeeded"
    [mail] = mails(tmp_path / "mails")
    assert "To: alice@example.org" in mail
    assert "Městská knihovna" in mail and "Děkujeme." in mail
    assert mailoutbox == []


def _run_due_now(job_id: int) -> None:
    """Time passes: the job's next attempt is due now (the worker polls every 0.3 s)."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_jobs SET scheduled_at = now() WHERE id = %s", [job_id])


def test_a_refused_email_is_retried_with_growing_waits_then_a_coordinator_retries_it(
    alice, charlie, workers, tmp_path
):
    job = approve(charlie, submitted_by(alice))
    # Nothing listens on the port: every attempt is refused at once.
    worker = workers(smtp_env(free_port()))
    waits = []
    for attempt in range(1, 8):
        row = wait_until(
            lambda attempt=attempt: (r := job_row(job))["attempts"] == attempt and r,
            timeout=30,
            what=f"attempt {attempt} failed",
            log=worker,
        )
        if row["status"] == "failed":
            break
        waits.append(row["wait"])
        _run_due_now(job)
    worker.stop()

    # 5 s, 25 s, 2 min, 10 min, 52 min, 4.3 h (mapping.worker.queues.MAIL_RETRY), then failed.
    assert row["status"] == "failed" and row["attempts"] == 7
    assert len(waits) == 6
    expected = [5, 25, 125, 625, 3125, 15625]
    for wait, seconds in zip(waits, expected, strict=True):
        assert timedelta(seconds=seconds - 3) < wait <= timedelta(seconds=seconds)
    assert mails(tmp_path / "mails") == []

    # The coordinator finds it in the admin, from its index, with what, why and how often.
    admin = client_for(charlie)
    index = admin.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert DEAD_LETTERS in index and "Failed background jobs" in index
    listing = admin.get(DEAD_LETTERS, HTTP_ACCEPT_LANGUAGE="en")
    page = listing.content.decode()
    assert listing.status_code == 200 and listing.context["cl"].result_count == 1
    assert "E-mail to a volunteer about a decision" in page
    assert "event_id" in page and "ConnectionRefusedError" in page
    assert '<td class="field-attempt_count">7</td>' in page
    czech = admin.get(DEAD_LETTERS, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "E-mail dobrovolníkovi o rozhodnutí" in czech
    detail = admin.get(f"{DEAD_LETTERS}{job}/change/", HTTP_ACCEPT_LANGUAGE="en")
    assert detail.status_code == 200
    assert detail.content.decode().count("ConnectionRefusedError") == 7

    # Retry through the admin's action: the job is queued again and the next worker sends it.
    retried = admin.post(
        DEAD_LETTERS,
        {"action": "retry", "_selected_action": [job]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "Jobs queued again: 1." in retried.content.decode()
    assert job_row(job)["status"] == "todo"
    assert admin.get(DEAD_LETTERS).context["cl"].result_count == 0

    sender = workers({}, "--one-shot")
    assert sender.wait(timeout=60) == 0, sender.text()
    assert job_row(job)["status"] == "succeeded"
    [mail] = mails(tmp_path / "mails")
    assert "To: alice@example.org" in mail


def test_a_volunteer_cannot_see_or_retry_the_dead_letters(alice, charlie):
    volunteer = client_for(alice)
    assert volunteer.get(DEAD_LETTERS).status_code == 302  # to the admin's login
    answer = volunteer.post(DEAD_LETTERS, {"action": "retry", "_selected_action": [1]})
    assert answer.status_code == 302 and "/admin/login/" in answer["Location"]
