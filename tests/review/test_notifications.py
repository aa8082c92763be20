"""Whatever the coordinator decides, the volunteer gets an e-mail with the decision, in Czech
and then in English, and the coordinator's comment; the worker sends it, not the request."""

import pytest
from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.jobs import queued, work_off_queue
from tests.personas import client_for

DECISIONS = {
    "approve": ("schváleno", "approved", "Děkujeme, vše sedí."),
    "reject": ("zamítnuto", "rejected", "Jiná budova než na fotografii."),
    "return": ("vráceno k doplnění", "returned for changes", "Chybí šířka dveří u vchodu."),
}


@pytest.mark.parametrize("action", list(DECISIONS))
def test_the_volunteer_gets_the_decision_and_the_comment_by_email(
    action, alice, charlie, mailoutbox, settings
):
    settings.SITE_URL = "https://mapa.mesto.cz"
    czech, english, comment = DECISIONS[action]
    submitted = make_assessment(
        make_place("Městská knihovna"), ReviewStatus.SUBMITTED, surveyor=alice
    )
    answer = client_for(charlie).post(
        reverse(f"review:{action}", args=[submitted.pk]), {"comment": comment}
    )
    assert answer.status_code == 302
    # Queued for the worker with the decision, not sent inside the coordinator's request.
    assert mailoutbox == [] and len(queued("send_decision_email")) == 1
    work_off_queue()
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["alice@example.org"]
    assert "Městská knihovna" in mail.subject
    subject = mail.subject.lower()
    assert czech in subject and english in subject
    assert subject.index(czech) < subject.index(english)  # Czech first
    # Czech, English (each with the survey's date, so the volunteer knows which one), comment.
    czech_part, english_part, written = mail.body.strip().split("\n\n")
    assert czech in czech_part and "01. 05. 2026" in czech_part
    assert english in english_part and "01. 05. 2026" in english_part
    assert written == comment
    # Each part links to the survey's own page, at the site's full address.
    link = f"https://mapa.mesto.cz/pruzkum/moje/{submitted.pk}/"
    assert reverse("survey:detail", args=[submitted.pk]) == f"/pruzkum/moje/{submitted.pk}/"
    assert f"Váš průzkum: {link}" in czech_part
    assert f"Your survey: {link}" in english_part


def test_nothing_is_sent_when_the_decision_is_refused(alice, charlie, mailoutbox):
    submitted = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    client_for(charlie).post(reverse("review:return", args=[submitted.pk]), {"comment": ""})
    assert queued() == []
    assert mailoutbox == []
