"""Background jobs in tests.

`work_off_queue()` runs the jobs waiting in procrastinate's queue here, in the test's own
transaction, and marks them done: for tests of what a job does once it runs (the e-mail's text,
the reminder's places). The worker itself, its retries, its stop and its death are tested with
real worker processes (tests/worker/).
"""

from django.db import connection
from procrastinate.contrib.django import app
from procrastinate.contrib.django.models import ProcrastinateJob


def queued(task_name: str | None = None) -> list[ProcrastinateJob]:
    jobs = ProcrastinateJob.objects.filter(status="todo").order_by("id")
    if task_name:
        jobs = jobs.filter(task_name=task_name)
    return list(jobs)


def work_off_queue(task_name: str | None = None) -> list:
    """Run every waiting job (of `task_name`), oldest first; returns what each returned."""
    results = []
    for job in queued(task_name):
        results.append(app.tasks[job.task_name](**job.args))
        with connection.cursor() as cursor:
            cursor.execute("SELECT procrastinate_finish_job_v1(%s, 'succeeded', false)", [job.id])
    return results


PRIVACY_CHECK = "check_photo_privacy"


def run_privacy_checks() -> list:
    """Run the waiting privacy checks of photos as the worker would, with what they leave for
    after the commit (the copies that awaited the check are deleted then)."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return work_off_queue(PRIVACY_CHECK)


def checked_photo(owner, upload, **kwargs):
    """save_photo, then its privacy check: a photo with public copies, as after the worker ran."""
    from mapping.photo_storage import save_photo

    photo = save_photo(owner, upload, **kwargs)
    run_privacy_checks()
    photo.refresh_from_db()
    return photo
