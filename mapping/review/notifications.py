"""The e-mail that tells a volunteer what a coordinator decided about their survey.

Written from the decision's AssessmentEvent (its status and comment as they were decided), and
sent by the worker (mapping/review/tasks.py), never inside the coordinator's request.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from mapping.models import AssessmentEvent
from mapping.site import absolute_url


def decision_email(event: AssessmentEvent) -> tuple[str, str]:
    """The subject and the body: Czech first, English second (we do not know which language
    the volunteer reads), each with the link to the survey's page in the volunteer's list (an
    absolute address: the worker has no request to go by), then the coordinator's comment as
    they wrote it."""
    assessment = event.assessment
    url = absolute_url(reverse("survey:detail", args=[assessment.pk]))
    subjects, sentences = [], []
    for language in ("cs", "en"):
        with translation.override(language):
            status = event.get_to_status_display().lower()
            subjects.append(
                _("Your survey of %(place)s: %(status)s")
                % {"place": assessment.place.name, "status": status}
            )
            sentences.append(
                (
                    _("Your survey of %(place)s from %(date)s is now %(status)s.\n\n%(comment)s")
                    % {
                        "place": assessment.place.name,
                        "date": assessment.survey_date.strftime("%d. %m. %Y"),
                        "status": status,
                        "comment": "",
                    }
                ).strip()
                + "\n"
                + _("Your survey: %(url)s") % {"url": url}
            )
    body = "\n\n".join([*sentences, event.comment]).strip()
    return " / ".join(subjects), body + "\n"


def send_decision_email(event_id: int) -> bool:
    """Send the decision of one AssessmentEvent to the surveyor; False when there is no one to
    tell (the survey deleted meanwhile, an imported survey, a volunteer without an address).
    A mail server's error is raised, for the job to be retried."""
    event = (
        AssessmentEvent.objects.select_related("assessment__place", "assessment__surveyor")
        .filter(pk=event_id)
        .first()
    )
    surveyor = event.assessment.surveyor if event else None
    if surveyor is None or not surveyor.email:
        return False
    subject, body = decision_email(event)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [surveyor.email])
    return True
