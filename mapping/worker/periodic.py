"""Jobs on a schedule, declared once: `@periodic_job(name, cron=..., periodic_id=...)` instead of
procrastinate's two decorators with the same options each time.

A periodic job runs on the maintenance queue (mapping.worker.queues), with its retries unless
told otherwise; one is queued at a time (the queueing lock, named after the job), and with
`one_at_a_time` one runs at a time too (the lock). Cron is UTC; the schedule of every job is in
mapping/tasks.py.
"""

from collections.abc import Callable
from typing import Any

from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from mapping.worker.queues import MAINTENANCE, MAINTENANCE_RETRY


def periodic_job(
    name: str,
    *,
    cron: str,
    periodic_id: str,
    retry: RetryStrategy | bool = MAINTENANCE_RETRY,
    one_at_a_time: bool = True,
    **task_options: Any,
) -> Callable[[Callable[..., Any]], Any]:
    """The task `name` (the job's name in the database: never rename it) on the schedule `cron`.
    `task_options` go to procrastinate's app.task (pass_context, ...)."""
    options: dict[str, Any] = {"queue": MAINTENANCE, "retry": retry, "queueing_lock": name}
    if one_at_a_time:
        options["lock"] = name

    def decorate(function: Callable[..., Any]) -> Any:
        task = app.task(name=name, **options, **task_options)(function)
        return app.periodic(cron=cron, periodic_id=periodic_id)(task)

    return decorate
