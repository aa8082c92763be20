"""A survey returned for changes is corrected by its volunteer and submitted again."""

from django.urls import reverse

from mapping.models import ReviewStatus
from mapping.review import workflow
from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS, small_jpeg, upload


def returned_survey(alice, charlie):
    place = make_place("Radnice", street="Velké náměstí", house_number="114/3", city="Písek")
    assessment = make_assessment(
        place, ReviewStatus.SUBMITTED, surveyor=alice, answers=BUILDING_ANSWERS
    )
    return workflow.return_for_changes(assessment, charlie, "Doplňte šířku dveří.")


def test_its_volunteer_gets_the_answers_back_to_correct_them(alice, bob, charlie):
    assessment = returned_survey(alice, charlie)
    mine = client_for(alice).get(reverse("survey:assessment", args=[assessment.pk])).json()
    assert mine["assessment"]["answers"] == BUILDING_ANSWERS
    assert mine["assessment"]["review_comment"] == "Doplňte šířku dveří."
    page = client_for(alice).get(reverse("survey:detail", args=[assessment.pk]))
    assert f"?oprava={assessment.pk}" in page.content.decode()
    assert '<dd id="place-address">Velké náměstí 114/3, Písek</dd>' in page.content.decode()
    other = client_for(bob).get(reverse("survey:assessment", args=[assessment.pk]))
    assert other.status_code == 404


def test_the_corrected_survey_goes_back_to_the_queue_with_a_new_photo(alice, charlie):
    assessment = returned_survey(alice, charlie)
    client = client_for(alice)
    corrected = {**BUILDING_ANSWERS, "entrance1Door1MainpanelWidth": 90}
    saved = client.post(
        reverse("survey:save_answers", args=[assessment.pk]),
        {"answers": corrected},
        content_type="application/json",
    )
    assert saved.status_code == 200
    photo = client.post(
        reverse("survey:add_photo", args=[assessment.pk]),
        {"photo": upload(small_jpeg()), "alt_text": "Dveře, 90 cm", "subject": "door"},
    )
    assert photo.status_code == 201
    sent = client.post(reverse("survey:submit_existing", args=[assessment.pk]))
    assert sent.json()["assessment"]["status"] == ReviewStatus.SUBMITTED
    assessment.refresh_from_db()
    assert assessment.answers["entrance1Door1MainpanelWidth"] == 90
    assert [e.to_status for e in assessment.events.all()] == ["returned", "submitted"]
    # Once submitted it is no longer the volunteer's to change.
    again = client.post(
        reverse("survey:save_answers", args=[assessment.pk]),
        {"answers": BUILDING_ANSWERS},
        content_type="application/json",
    )
    assert again.status_code == 403
