"""A survey sent from the phone: a new or existing place, answers checked by the engine."""

import json
import uuid

from django.contrib.gis.geos import Point
from django.urls import reverse

from mapping.models import Assessment, AssessmentEvent, Place, ReviewStatus
from tests.factories import make_place
from tests.personas import client_for
from tests.survey.conftest import submission


def test_it_creates_the_new_place_and_a_submitted_assessment_with_its_categories(alice):
    answer = client_for(alice).post(reverse("survey:submit"), submission())
    assert answer.status_code == 201
    assessment = Assessment.objects.get(pk=answer.json()["assessment"]["id"])
    assert assessment.status == ReviewStatus.SUBMITTED
    assert assessment.surveyor == alice
    assert assessment.place.location.equals_exact(Point(14.15, 49.31, srid=4326), 1e-9)
    assert assessment.wheelchair in ("accessible", "partly", "inaccessible")
    assert assessment.result["wheelchair"] == assessment.wheelchair
    assert AssessmentEvent.objects.filter(assessment=assessment, to_status="submitted").exists()


def test_a_new_place_belongs_to_the_municipality_it_lies_in(alice):
    from tests.factories import make_municipality

    tabor = make_municipality("Tábor")  # a square around Tábor, not around the default position
    elsewhere = client_for(alice).post(reverse("survey:submit"), submission())
    assert Place.objects.get(pk=_place_id(elsewhere)).municipality is None
    place = {"name": "Kavárna", "lat": 49.4144, "lon": 14.6575}
    inside = client_for(alice).post(reverse("survey:submit"), submission(place=place))
    assert inside.status_code == 201
    assert Place.objects.get(pk=_place_id(inside)).municipality == tabor


def _place_id(answer) -> int:
    return Assessment.objects.get(pk=answer.json()["assessment"]["id"]).place_id


def test_it_surveys_an_existing_place_without_creating_another(alice):
    place = make_place("Radnice")
    answer = client_for(alice).post(reverse("survey:submit"), submission(place={"id": place.pk}))
    assert answer.status_code == 201
    assert Place.objects.count() == 1
    assert Assessment.objects.get().place == place


def test_it_accepts_the_payload_as_plain_json_too(alice):
    payload = json.loads(submission()["payload"])
    answer = client_for(alice).post(
        reverse("survey:submit"), json.dumps(payload), content_type="application/json"
    )
    assert answer.status_code == 201


def test_it_refuses_answers_out_of_range_with_the_engines_messages_and_stores_nothing(alice):
    answers = {"entrance1Accessibility": "NoelevationEntranceAccessibility",
               "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
               "entrance1Door1MainpanelWidth": 40000}  # fmt: skip
    answer = client_for(alice).post(reverse("survey:submit"), submission(answers=answers))
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "answers_invalid"
    assert body["details"][0]["field"] == "entrance1Door1MainpanelWidth"
    assert body["details"][0]["cs"] and body["details"][0]["en"]
    assert Assessment.objects.count() == 0 and Place.objects.count() == 0


def test_a_submission_missing_required_answers_is_refused_but_a_draft_is_kept(alice):
    refused = client_for(alice).post(reverse("survey:submit"), submission(answers={}))
    assert refused.status_code == 422
    assert {d["code"] for d in refused.json()["details"]} == {"required"}
    draft = client_for(alice).post(reverse("survey:submit"), submission(answers={}, action="draft"))
    assert draft.status_code == 201
    assert Assessment.objects.get().status == ReviewStatus.DRAFT


def test_an_unapproved_volunteer_can_keep_a_draft_but_not_submit(dora):
    client = client_for(dora)
    refused = client.post(reverse("survey:submit"), submission())
    assert refused.status_code == 403
    assert refused.json()["code"] == "volunteer_not_approved"
    assert refused.json()["message_cs"] and refused.json()["message_en"]
    assert Assessment.objects.count() == 0
    assert client.post(reverse("survey:submit"), submission(action="draft")).status_code == 201


def test_a_new_place_without_a_position_or_a_name_is_a_clear_400(alice):
    client = client_for(alice)
    no_position = client.post(
        reverse("survey:submit"), submission(place={"name": "Pošta", "kind": "building"})
    )
    assert no_position.status_code == 400
    assert no_position.json()["code"] == "place_position"
    no_name = client.post(
        reverse("survey:submit"), submission(place={"name": " ", "lat": 49.3, "lon": 14.1})
    )
    assert no_name.json()["code"] == "place_name"
    outside = client.post(
        reverse("survey:submit"), submission(place={"name": "X", "lat": 91, "lon": 14.1})
    )
    assert outside.json()["code"] == "place_position"
    assert Place.objects.count() == 0


def test_a_payload_that_is_not_json_is_a_400_not_a_500(alice):
    answer = client_for(alice).post(reverse("survey:submit"), {"payload": "{not json"})
    assert answer.status_code == 400
    assert answer.json()["code"] == "payload_not_json"


def test_a_future_survey_date_is_refused(alice):
    answer = client_for(alice).post(
        reverse("survey:submit"), submission(uuid.uuid4(), survey_date="2999-01-01")
    )
    assert answer.status_code == 400
    assert answer.json()["code"] == "survey_date"
