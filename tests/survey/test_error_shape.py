"""The survey's endpoints answer the product's one error shape, and for one release still give
what the app installed on phones before reads: the message in "message" (in the request's
language) and the field problems in "details"."""

import json

import pytest
from django.urls import reverse

from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS

pytestmark = pytest.mark.django_db


def test_a_refused_survey_has_the_code_the_message_and_the_old_apps_fields(alice):
    volunteer = client_for(alice)
    payload = {"idempotency_key": "not-a-key", "action": "submit", "answers": BUILDING_ANSWERS}
    answer = volunteer.post(
        reverse("survey:submit"), {"payload": json.dumps(payload)}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert answer.status_code == 400
    body = answer.json()
    assert body["code"] == "idempotency_key_invalid"
    assert body["error"] == body["message_en"]
    assert body["message"] == body["message_en"]  # the app installed before reads "message"
    assert body["message_cs"] != body["message_en"]


def test_a_version_conflict_keeps_both_versions_beside_the_one_shape(alice, charlie):
    place = make_place("Radnice")
    survey = make_assessment(place, "returned", surveyor=alice, answers=BUILDING_ANSWERS)
    url = reverse("survey:save_answers", args=[survey.pk])
    volunteer = client_for(alice)
    body = {"answers": BUILDING_ANSWERS, "version": survey.version}
    assert volunteer.post(url, body, content_type="application/json").status_code == 200
    refused = volunteer.post(
        url, {"answers": {}, "version": survey.version}, content_type="application/json"
    )
    assert refused.status_code == 409
    body = refused.json()
    assert body["code"] == "version_conflict"
    assert body["error"] == body["message"] == body["message_cs"]
    assert body["current"]["version"] == survey.version + 1
    assert body["yours"] == {"answers": {}, "version": survey.version}


def test_answers_the_engine_refuses_are_listed_in_details(alice):
    volunteer = client_for(alice)
    answer = volunteer.post(
        reverse("survey:evaluate"),
        {"answers": {"entrance1DoorWidth": "wide"}, "place_kind": "building"},
        content_type="application/json",
    )
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "answers_invalid"
    assert body["error"] == body["message"]
    assert body["details"] and all({"cs", "en"} <= set(detail) for detail in body["details"])
