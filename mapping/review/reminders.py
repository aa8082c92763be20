"""Re-survey reminders: a volunteer whose approved survey of a place has grown older than
settings.SURVEY_MAX_AGE_YEARS (mapping/review/coverage.py's cut-off) is asked, once, to survey the
place again.

`schedule_reminders()` (a periodic job) records a ResurveyReminder for each such survey and
defers one e-mail per volunteer, in one transaction: a survey is never reminded twice, and no
reminder is recorded without its e-mail queued.
"""

from datetime import date
from itertools import groupby

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mapping.models import Assessment, ResurveyReminder, User
from mapping.review.coverage import cutoff_date
from mapping.site import absolute_url


def due_surveys(today: date | None = None):
    """Approved surveys made before the cut-off, by an active surveyor with an e-mail address,
    not yet reminded; by surveyor, oldest first."""
    return (
        Assessment.objects.published()
        .filter(
            survey_date__lt=cutoff_date(today),
            surveyor__is_active=True,
            resurvey_reminder__isnull=True,
        )
        .exclude(surveyor__email="")
        .select_related("place")
        .order_by("surveyor_id", "survey_date", "pk")
    )


def schedule_reminders(defer, today: date | None = None) -> int:
    """Record the due reminders and call `defer(volunteer_id=..., assessment_ids=[...])` once per
    volunteer, all in one transaction. Returns how many volunteers are reminded."""
    volunteers = 0
    with transaction.atomic():
        for surveyor_id, surveys in groupby(due_surveys(today), key=lambda a: a.surveyor_id):
            surveys = list(surveys)
            ResurveyReminder.objects.bulk_create(
                [ResurveyReminder(assessment=a, volunteer_id=surveyor_id) for a in surveys]
            )
            defer(volunteer_id=surveyor_id, assessment_ids=[a.pk for a in surveys])
            volunteers += 1
    return volunteers


def reminder_email(surveys: list[Assessment], today: date | None = None) -> tuple[str, str]:
    """The subject and the body, Czech first and English second, listing the places."""
    cutoff = cutoff_date(today).strftime("%d. %m. %Y")
    places = "\n".join(
        f"- {a.place.name} ({a.survey_date.strftime('%d. %m. %Y')})" for a in surveys
    )
    url = absolute_url(reverse("survey:app"))
    subjects, parts = [], []
    for language in ("cs", "en"):
        with translation.override(language):
            subjects.append(_("Time for a new survey"))
            parts.append(
                "\n\n".join(
                    [
                        _(
                            "Places you surveyed need a new survey: their approved survey was "
                            "made before %(cutoff)s."
                        )
                        % {"cutoff": cutoff},
                        places,
                        _("Open the survey app: %(url)s") % {"url": url},
                        _("You get this reminder once for each survey."),
                    ]
                )
            )
    return " / ".join(subjects), "\n\n\n".join(parts) + "\n"


def send_reminder(volunteer_id: int, assessment_ids: list[int]) -> bool:
    """Send one volunteer's reminder; False when there is nothing left to remind them of (the
    account deactivated, or every place surveyed again meanwhile)."""
    volunteer = User.objects.filter(pk=volunteer_id, is_active=True).exclude(email="").first()
    surveys = list(
        Assessment.objects.published()
        .filter(pk__in=assessment_ids)
        .select_related("place")
        .order_by("survey_date", "pk")
    )
    if volunteer is None or not surveys:
        return False
    subject, body = reminder_email(surveys)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [volunteer.email])
    return True
