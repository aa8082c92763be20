"""The error of every failed attempt of a job, for the dead-letter view.

procrastinate records that an attempt failed (an event) but not why; a coordinator deciding
whether to retry a job needs the why. A worker middleware wraps every job, sync or async, and
writes a JobError row before the failure goes on to procrastinate's retry strategy.
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import sync_to_async
from django.db import DatabaseError, close_old_connections

logger = logging.getLogger(__name__)

ERROR_MAX_LENGTH = 2000


def describe(error: BaseException) -> str:
    """The error as a coordinator reads it: its type and its message, bounded."""
    text = f"{type(error).__name__}: {error}".strip().removesuffix(":")
    return text[:ERROR_MAX_LENGTH]


def record_error(job_id: int, task_name: str, attempt: int, error: str) -> None:
    from mapping.models import JobError

    close_old_connections()
    try:
        JobError.objects.create(job_id=job_id, task_name=task_name, attempt=attempt, error=error)
    except DatabaseError:
        # The job's own failure is what matters; a missing note must not replace it.
        logger.exception("Could not record the error of job %s", job_id)
    finally:
        close_old_connections()


async def record_failure(call_next, context, worker) -> Any:
    try:
        return await call_next()
    except BaseException as error:
        job = context.job
        await sync_to_async(record_error, thread_sensitive=False)(
            job.id, job.task_name, job.attempts + 1, describe(error)
        )
        raise


def on_app_ready(app) -> None:
    """settings.PROCRASTINATE_ON_APP_READY: every worker of the app records failures."""
    defaults = app.worker_defaults
    defaults["worker_middleware"] = [*defaults.get("worker_middleware", []), record_failure]
