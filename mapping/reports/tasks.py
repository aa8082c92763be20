"""Background jobs of the public reports: temporary barriers end by themselves."""

from procrastinate.contrib.django import app

from mapping.reports.expiry import resolve_expired_reports
from mapping.worker.queues import MAINTENANCE, MAINTENANCE_RETRY


# Hourly: the end of validity is a date in the deployment's time zone, and the cron's is UTC.
@app.periodic(cron="5 * * * *", periodic_id="hourly")
@app.task(
    name="resolve_expired_reports",
    queue=MAINTENANCE,
    retry=MAINTENANCE_RETRY,
    queueing_lock="resolve_expired_reports",
)
def resolve_expired_reports_job(timestamp: int) -> int:
    return len(resolve_expired_reports())
