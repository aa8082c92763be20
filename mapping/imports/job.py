"""The background job of an import: run its core, tell its progress, keep its report, and let
go of its file once no run needs it.

An attempt starts from the stored file and runs the core in one transaction, so that an attempt
that dies (its worker killed, the database gone) has written nothing and the next attempt
starts clean. A file that cannot be imported fails the run at once, with the reason; another
error is tried again (mapping.worker.queues.IMPORT_RETRY) and fails the run when the attempts
are spent. A run whose job ended without the run knowing (a worker killed on its last attempt)
is set straight by `reconcile`, from its page and from the hourly sweep.
Why it works this way: docs/decisions/0009-admin-imports-dry-run-then-commit-in-jobs.md.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from procrastinate.contrib.django.models import ProcrastinateJob

from mapping.imports import files, reports
from mapping.imports.kinds import KINDS, BadFile
from mapping.models import ImportRun, ImportStatus
from mapping.progress import Throttled
from mapping.worker.queues import IMPORT_RETRY

logger = logging.getLogger(__name__)

# An upload whose run was never created (its request failed after storing it) goes after this.
ORPHAN_AGE = timedelta(hours=1)
JOB_ENDED = ("succeeded", "failed", "cancelled", "aborted")


class RunProgress:
    """Writes a run's progress through a database connection of its own: the import runs in one
    transaction (a dry run's is rolled back) that nobody else sees until it ends."""

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id
        self.connection = None
        self.throttled = Throttled(
            self._write, every_items=10**12, every_seconds=settings.IMPORT_PROGRESS_SECONDS
        )

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        self.throttled(stage, done, total)

    def _write(self, stage: str, done: int, total: int | None) -> None:
        if self.connection is None:
            self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
        with self.connection.cursor() as cursor:
            cursor.execute(
                "UPDATE mapping_importrun SET stage = %s, done = %s, total = %s WHERE id = %s",
                [stage, done, total, self.run_id],
            )

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()


def execute(run_id: int) -> str:
    """Run the import `run_id` (the job's body); returns the run's status."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None or run.is_finished:
        return "gone" if run is None else run.status
    with translation.override(run.language):
        _begin(run)
        progress = RunProgress(run.pk)
        try:
            if not files.exists(run.file):
                raise BadFile(_("The uploaded file is no longer kept: upload it again."))
            report = KINDS[run.kind].run(run, progress)
        except BadFile as error:
            _end(run, ImportStatus.FAILED, error=str(error))
            return run.status
        except Exception:
            _after_error(run)
            raise
        finally:
            progress.close()
        _end(run, ImportStatus.DONE, report=report)
    return run.status


def _begin(run: ImportRun) -> None:
    run.status = ImportStatus.RUNNING
    run.attempts += 1
    run.started_at = timezone.now()
    run.stage, run.done, run.total, run.error = "", 0, None, ""
    run.save(update_fields=["status", "attempts", "started_at", "stage", "done", "total", "error"])


def _end(run: ImportRun, status: str, report: dict | None = None, error: str = "") -> None:
    """Finish the run; its file goes unless a commit may still need it (a dry run's)."""
    run.status, run.report, run.error = status, report, error
    run.summary = reports.summary(report) if report else ""
    run.finished_at = timezone.now()
    if status == ImportStatus.DONE and run.total is not None:
        run.done = run.total
    if run.commit or status == ImportStatus.FAILED:
        files.delete(run.file)
        run.file = ""
    run.save()


def _after_error(run: ImportRun) -> None:
    if run.attempts > IMPORT_RETRY.max_attempts:
        _end(run, ImportStatus.FAILED, error=_failure_text())
        return
    run.status = ImportStatus.QUEUED
    run.error = _(
        "Attempt %(attempt)s stopped on an error and wrote nothing; the import runs again "
        "in a moment."
    ) % {"attempt": run.attempts}
    run.save(update_fields=["status", "error"])


def _failure_text() -> str:
    return _(
        "The import stopped on an error of the application or the database and wrote "
        "nothing. The failed background jobs in the admin say what happened."
    )


def reconcile(run: ImportRun) -> ImportRun:
    """Set straight a run whose job ended, or went back to the queue, without the run knowing:
    its worker was killed (procrastinate queues the job again, or fails it for good)."""
    if run.is_finished or run.job_id is None:
        return run
    job_status = (
        ProcrastinateJob.objects.filter(pk=run.job_id).values_list("status", flat=True).first()
    )
    run.refresh_from_db()
    if run.is_finished:
        return run
    if job_status is None or job_status in JOB_ENDED:
        with translation.override(run.language):
            _end(run, ImportStatus.FAILED, error=_failure_text())
    elif job_status == "todo" and run.status == ImportStatus.RUNNING:
        run.status = ImportStatus.QUEUED
        with translation.override(run.language):
            run.error = _(
                "The worker running attempt %(attempt)s stopped; the import runs again."
            ) % {"attempt": run.attempts}
        run.save(update_fields=["status", "error"])
    return run


def sweep() -> list[str]:
    """Runs set straight, then the files no run needs any more deleted: those of dry runs not
    committed within settings.IMPORT_KEEP_DRY_RUN_HOURS, and stray uploads. Their names."""
    for run in ImportRun.objects.filter(status__in=(ImportStatus.QUEUED, ImportStatus.RUNNING)):
        reconcile(run)
    deleted = []
    cutoff = timezone.now() - timedelta(hours=settings.IMPORT_KEEP_DRY_RUN_HOURS)
    expired = ImportRun.objects.filter(
        commit=False, status=ImportStatus.DONE, finished_at__lt=cutoff
    ).exclude(file="")
    for run in expired:
        files.delete(run.file)
        deleted.append(run.file)
        ImportRun.objects.filter(pk=run.pk).update(file="")
    kept = set(ImportRun.objects.exclude(file="").values_list("file", flat=True))
    for name, written in files.stored_files():
        if name not in kept and written < timezone.now() - ORPHAN_AGE:
            files.delete(name)
            deleted.append(name)
    return deleted
