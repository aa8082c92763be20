"""Background jobs of the review: the decision e-mail and the re-survey reminders."""

from procrastinate.contrib.django import app

from mapping.review import notifications, reminders
from mapping.worker.periodic import periodic_job
from mapping.worker.queues import MAIL, MAIL_RETRY


@app.task(name="send_decision_email", queue=MAIL, retry=MAIL_RETRY)
def send_decision_email(event_id: int) -> bool:
    """Deferred by the review workflow in the decision's own transaction."""
    return notifications.send_decision_email(event_id)


@app.task(name="send_resurvey_reminder", queue=MAIL, retry=MAIL_RETRY)
def send_resurvey_reminder(volunteer_id: int, assessment_ids: list[int]) -> bool:
    return reminders.send_reminder(volunteer_id, assessment_ids)


# Daily at 06:15 UTC (07:15 or 08:15 in Prague): an e-mail that arrives in the morning.
@periodic_job("schedule_resurvey_reminders", cron="15 6 * * *", periodic_id="daily")
def schedule_resurvey_reminders(timestamp: int) -> int:
    return reminders.schedule_reminders(send_resurvey_reminder.defer)
