"""Background jobs of the repair loop: the assignment e-mail."""

from procrastinate.contrib.django import app

from mapping.repairs import mail
from mapping.worker.queues import MAIL, MAIL_RETRY


@app.task(name="send_repair_assignment", queue=MAIL, retry=MAIL_RETRY)
def send_repair_assignment(item_id: int, contact_id: int) -> bool:
    """Deferred by mapping.repairs.service.assign in the assignment's own transaction."""
    return mail.send_assignment_email(item_id, contact_id)
