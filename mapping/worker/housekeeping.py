"""The queue's own periodic jobs: jobs of dead workers run again, old finished jobs go.

A worker killed mid-job (SIGKILL, the machine lost, systemd's stop timeout) leaves its job
"doing" for ever: procrastinate notices that the worker stopped beating but does not hand its
jobs to anyone (its documentation leaves that to a periodic job, this one). Such a job counts
as a failed attempt: it runs again under its task's retry strategy, and a job that kills every
worker that takes it ends in the dead-letter view instead of going round for ever.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from asgiref.sync import sync_to_async
from django.conf import settings
from procrastinate import RetryStrategy, jobs
from procrastinate.contrib.django import app

from mapping.worker.failures import record_error
from mapping.worker.periodic import periodic_job

logger = logging.getLogger(__name__)

# Succeeded and cancelled jobs are kept this long (the admin's history), failed ones until a
# person retries them; their recorded errors go with them.
KEEP_FINISHED_JOBS = timedelta(days=30)


class WorkerLost(Exception):
    """The worker running the job stopped beating: killed, or its machine lost."""

    def __str__(self) -> str:
        return "the worker running this job stopped (killed, or its machine lost)"


def _retry_decision(job: jobs.Job):
    task = app.tasks.get(job.task_name)
    if task is None or task.retry_strategy is None:
        # A task without retries still gets one more run: it was not the task that failed.
        return RetryStrategy(max_attempts=job.attempts + 1).get_retry_decision(
            exception=WorkerLost(), job=job
        )
    return task.retry_strategy.get_retry_decision(exception=WorkerLost(), job=job)


def _stalled_check_cron() -> str:
    """Twice within WORKER_STALLED_SECONDS (at most once a minute, at least once a second): a
    lost job waits at most one and a half times that before it runs again."""
    step = min(60, max(1, int(settings.WORKER_STALLED_SECONDS // 2)))
    return f"* * * * * */{step}"


# Without retries of its own: it runs again on its schedule within seconds.
@periodic_job(
    "requeue_stalled_jobs",
    cron=_stalled_check_cron(),
    periodic_id="stalled-check",
    retry=False,
    one_at_a_time=False,
    pass_context=True,
)
async def requeue_stalled_jobs(context, timestamp: int) -> list[int]:
    """Jobs left "doing" by a worker silent for settings.WORKER_STALLED_SECONDS run again (or
    fail for good when their retries are spent). Returns their ids."""
    manager = context.app.job_manager
    stalled = await manager.get_stalled_jobs(
        seconds_since_heartbeat=settings.WORKER_STALLED_SECONDS
    )
    requeued = []
    for job in stalled:
        if job.id == context.job.id:
            continue
        await sync_to_async(record_error)(
            job.id, job.task_name, job.attempts + 1, str(WorkerLost())
        )
        decision = _retry_decision(job)
        if decision is None:
            await manager.finish_job(job=job, status=jobs.Status.FAILED, delete_job=False)
            logger.error("Job %s (%s) failed for good: its worker was lost", job.id, job.task_name)
            continue
        await manager.retry_job(job=job, retry_at=decision.retry_at)
        logger.warning("Job %s (%s) runs again: its worker was lost", job.id, job.task_name)
        requeued.append(job.id)
    # The dead workers' rows go too (a worker prunes them only when it starts).
    await manager.prune_stalled_workers(settings.WORKER_STALLED_SECONDS)
    return requeued


def _forget_errors_of_removed_jobs() -> int:
    from procrastinate.contrib.django.models import ProcrastinateJob

    from mapping.models import JobError

    removed, _ = JobError.objects.exclude(job_id__in=ProcrastinateJob.objects.values("id")).delete()
    return removed


@periodic_job(
    "clean_old_jobs",
    cron="40 1 * * *",
    periodic_id="nightly",
    retry=False,
    one_at_a_time=False,
    pass_context=True,
)
async def clean_old_jobs(context, timestamp: int) -> int:
    """Succeeded, cancelled and aborted jobs finished more than KEEP_FINISHED_JOBS ago go, with
    the errors of their attempts. Failed jobs stay for the dead-letter view."""
    await context.app.job_manager.delete_old_jobs(
        nb_hours=int(KEEP_FINISHED_JOBS.total_seconds() // 3600),
        include_cancelled=True,
        include_aborted=True,
    )
    return await sync_to_async(_forget_errors_of_removed_jobs)()
