"""Background jobs of the public reports: temporary barriers end by themselves."""

from mapping.reports.expiry import resolve_expired_reports
from mapping.worker.periodic import periodic_job


# Hourly: the end of validity is a date in the deployment's time zone, and the cron's is UTC.
@periodic_job(
    "resolve_expired_reports", cron="5 * * * *", periodic_id="hourly", one_at_a_time=False
)
def resolve_expired_reports_job(timestamp: int) -> int:
    return len(resolve_expired_reports())
