"""Whatever the coordinator decides, the volunteer gets an e-mail (Czech, the site's language)
with the decision and the coordinator's comment."""

import pytest
from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.survey.conftest import client_for

DECISIONS = {
    "approve": ("schváleno", "Děkujeme, vše sedí."),
    "reject": ("zamítnuto", "Jiná budova než na fotografii."),
    "return": ("vráceno k doplnění", "Chybí šířka dveří u vchodu."),
}


@pytest.mark.parametrize("action", list(DECISIONS))
def test_the_volunteer_gets_the_decision_and_the_comment_by_email(
    action, alice, charlie, mailoutbox, django_capture_on_commit_callbacks
):
    status_word, comment = DECISIONS[action]
    submitted = make_assessment(
        make_place("Městská knihovna"), ReviewStatus.SUBMITTED, surveyor=alice
    )
    with django_capture_on_commit_callbacks(execute=True):
        answer = client_for(charlie).post(
            reverse(f"review:{action}", args=[submitted.pk]), {"comment": comment}
        )
    assert answer.status_code == 302
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["alice@example.org"]
    assert "Městská knihovna" in mail.subject
    assert status_word in mail.subject.lower()
    assert comment in mail.body
    assert "01. 05. 2026" in mail.body  # the survey's date, so the volunteer knows which one


def test_nothing_is_sent_when_the_decision_is_refused(alice, charlie, mailoutbox):
    submitted = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    client_for(charlie).post(reverse("review:return", args=[submitted.pk]), {"comment": ""})
    assert mailoutbox == []
