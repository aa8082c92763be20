"""The background jobs of the imports: one run, and the hourly sweep of their files."""

from procrastinate.contrib.django import app

from mapping.imports import job
from mapping.worker.queues import BULK, IMPORT_RETRY, MAINTENANCE, MAINTENANCE_RETRY


@app.task(name="run_import", queue=BULK, retry=IMPORT_RETRY)
def run_import(run_id: int) -> str:
    """The import `run_id` (mapping.models.ImportRun), dry or committed."""
    return job.execute(run_id)


@app.periodic(cron="17 * * * *", periodic_id="hourly")
@app.task(
    name="sweep_import_files",
    queue=MAINTENANCE,
    retry=MAINTENANCE_RETRY,
    queueing_lock="sweep_import_files",
)
def sweep_import_files(timestamp: int) -> int:
    """Runs set straight and the files no run needs deleted; returns how many files went."""
    return len(job.sweep())
