"""The live box beside the survey: an empty survey is not "accessible" but waits for the
measurements that decide it, named in words; contradictions come as warnings."""

import json

from django.urls import reverse

from tests.personas import client_for


def evaluate(user, answers: dict) -> dict:
    answer = client_for(user).post(
        reverse("survey:evaluate"),
        json.dumps({"answers": answers, "place_kind": "building"}),
        content_type="application/json",
    )
    assert answer.status_code == 200, answer.content
    return answer.json()


def test_an_empty_survey_lists_the_measurements_that_decide_its_categories(alice):
    body = evaluate(alice, {})

    assert body["undecided"]["wheelchair"][0] == "entrance1Accessibility"
    first = body["still_to_measure"][0]
    assert first == {
        "field": "entrance1Accessibility",
        "cs": "hlavní vstup: překonání výšky",
        "en": "main entrance: way in",
    }
    assert body["warnings"] == []


def test_a_way_in_by_ramp_with_no_ramp_asks_for_the_ramp_by_its_name(alice):
    body = evaluate(alice, {"entrance1Accessibility": "RampEntranceAccessibility"})

    ramp = next(m for m in body["still_to_measure"] if m["field"] == "rampskids")
    assert (ramp["cs"], ramp["en"]) == ("rampa / ližiny", "ramp / skids")


def test_a_ramp_at_a_one_step_entrance_comes_back_as_a_warning(alice):
    answers = {
        "entrance1Accessibility": "OneStepEntranceAccessibility",
        "rampskids": [{"rampleg1Width": 120, "rampleg1Length": 200, "rampleg1Inclination": 6}],
    }

    warnings = evaluate(alice, answers)["warnings"]

    assert [(w["field"], w["code"]) for w in warnings] == [
        ("entrance1Accessibility", "rampskids_at_steps")
    ]
