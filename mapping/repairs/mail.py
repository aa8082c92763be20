"""The e-mail that gives a department or owner a barrier to repair, with their answer link.

Sent by the worker (mapping/repairs/tasks.py), never inside the coordinator's request.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mapping.models import RepairItem, RepairStatus
from mapping.site import absolute_url


def answer_url(item: RepairItem) -> str:
    return absolute_url(reverse("repairs:answer", args=[item.pk, item.answer_token()]))


def assignment_email(item: RepairItem) -> tuple[str, str]:
    """Subject and body: Czech first, English second."""
    url = answer_url(item)
    subjects, parts = [], []
    for language in ("cs", "en"):
        with translation.override(language):
            subjects.append(
                _("A barrier to repair (%(reference)s)") % {"reference": item.reference}
            )
            lines = [
                _(
                    "The coordinator of the barrier-free map asks you, as the one responsible, "
                    "to deal with this barrier:"
                ),
                item.description,
            ]
            if item.place:
                lines.append(_("Place: %(place)s") % {"place": item.place.name})
            lines += [
                _(
                    "Please answer through this link (no account needed): planned with a date, "
                    "fixed, not yours, or declined with a reason. %(url)s"
                )
                % {"url": url},
                _("The link is valid until %(date)s.")
                % {"date": date_format(item.token_expires_at.date())},
            ]
            parts.append("\n\n".join(lines))
    return " / ".join(subjects), "\n\n\n".join(parts) + "\n"


def send_assignment_email(item_id: int, contact_id: int) -> bool:
    """False when the item was assigned to someone else (or closed) before the job ran."""
    item = (
        RepairItem.objects.select_related("assignee", "place")
        .filter(pk=item_id, assignee_id=contact_id, status=RepairStatus.ASSIGNED)
        .first()
    )
    if item is None or item.assignee is None:
        return False
    subject, body = assignment_email(item)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [item.assignee.email])
    return True
