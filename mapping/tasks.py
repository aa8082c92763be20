"""Every background job of the product, for procrastinate's Django app to find ("tasks" is the
module it imports from each installed app) and for a worker to run.

Each task is a thin wrapper over a core that also serves a request or a command, and lives
beside that core; the queue's own jobs are in mapping/worker/housekeeping.py. Schedules (cron,
UTC):

| job | when | queue |
| --- | --- | --- |
| send_decision_email | queued by a review decision | mail |
| send_resurvey_reminder | queued by schedule_resurvey_reminders | mail |
| send_repair_assignment | queued by a coordinator's assignment of a repair | mail |
| schedule_resurvey_reminders | daily 06:15 | maintenance |
| check_photo_privacy | queued by every photo upload | photos |
| sweep_orphaned_photo_files | nightly 02:30 | maintenance |
| resolve_expired_reports | hourly at :05 | maintenance |
| requeue_stalled_jobs | every WORKER_STALLED_SECONDS / 2 (30 s) | maintenance |
| clean_old_jobs | nightly 01:40 | maintenance |
| recategorize_assessments | queued by `recategorize_assessments --commit --background` | bulk |
| run_import | queued by an import started in the admin (mapping/imports/) | bulk |
| sweep_import_files | hourly at :17 | maintenance |
| build_map_grid | queued by every approval (mapping.review.workflow) | bulk |
| refresh_map_grid | every 10 minutes, when the data changed since the grid | maintenance |
"""

import logging

from procrastinate.contrib.django import app

from mapping.categorisation import recategorize_stored
from mapping.imports.tasks import run_import, sweep_import_files
from mapping.photo_tasks import check_photo_privacy_job, sweep_orphaned_photo_files
from mapping.public.tasks import build_map_grid_job, refresh_map_grid
from mapping.repairs.tasks import send_repair_assignment
from mapping.reports.tasks import resolve_expired_reports_job
from mapping.review.tasks import (
    schedule_resurvey_reminders,
    send_decision_email,
    send_resurvey_reminder,
)
from mapping.worker.housekeeping import clean_old_jobs, requeue_stalled_jobs
from mapping.worker.queues import BULK, BULK_RETRY

logger = logging.getLogger(__name__)

__all__ = [
    "build_map_grid_job",
    "refresh_map_grid",
    "check_photo_privacy_job",
    "clean_old_jobs",
    "recategorize_assessments",
    "requeue_stalled_jobs",
    "resolve_expired_reports_job",
    "run_import",
    "schedule_resurvey_reminders",
    "send_decision_email",
    "send_repair_assignment",
    "send_resurvey_reminder",
    "sweep_import_files",
    "sweep_orphaned_photo_files",
]


@app.task(
    name="recategorize_assessments",
    queue=BULK,
    retry=BULK_RETRY,
    lock="recategorize_assessments",
    queueing_lock="recategorize_assessments",
)
def recategorize_assessments(version: str | None = None, everything: bool = False) -> dict:
    """`manage.py recategorize_assessments --commit` in the worker; one at a time."""
    counts = recategorize_stored(version, everything=everything, commit=True)
    logger.info(
        "%(seen)s assessments re-evaluated under %(version)s, %(changed)s changed category",
        counts,
    )
    return counts
