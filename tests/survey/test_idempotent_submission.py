"""The same idempotency key sent again (retry, double tap, offline queue) stores one assessment."""

import uuid

from django.urls import reverse

from mapping.models import Assessment, Photo, Place, ReviewStatus
from tests.personas import client_for
from tests.survey.conftest import submission


def test_the_same_key_sent_three_times_gives_one_assessment(alice):
    client = client_for(alice)
    key = uuid.uuid4()
    answers = [client.post(reverse("survey:submit"), submission(key, photos=1)) for _ in range(3)]
    assert [a.status_code for a in answers] == [201, 200, 200]
    ids = {a.json()["assessment"]["id"] for a in answers}
    assert len(ids) == 1
    assert Assessment.objects.filter(idempotency_key=key).count() == 1
    assert Place.objects.filter(name="Nová lékárna").count() == 1
    assert Photo.objects.count() == 1
    assert Assessment.objects.get().status == ReviewStatus.SUBMITTED


def test_a_repeat_returns_the_first_assessment_even_with_other_answers(alice):
    client = client_for(alice)
    key = uuid.uuid4()
    client.post(reverse("survey:submit"), submission(key))
    again = client.post(
        reverse("survey:submit"),
        submission(key, answers={"entrance1Accessibility": "MoreStepsEntranceAccessibility"}),
    )
    assert again.status_code == 200
    stored = Assessment.objects.get(idempotency_key=key)
    assert stored.answers["entrance1Accessibility"] == "NoelevationEntranceAccessibility"


def test_another_volunteers_key_is_a_conflict_not_their_assessment(alice, bob):
    key = uuid.uuid4()
    client_for(alice).post(reverse("survey:submit"), submission(key))
    answer = client_for(bob).post(reverse("survey:submit"), submission(key))
    assert answer.status_code == 409
    assert "assessment" not in answer.json()
    assert Assessment.objects.count() == 1


def test_a_submission_without_a_valid_key_is_refused(alice):
    answer = client_for(alice).post(reverse("survey:submit"), submission("not-a-uuid"))
    assert answer.status_code == 400
    assert answer.json()["code"] == "idempotency_key_invalid"
    assert Assessment.objects.count() == 0
