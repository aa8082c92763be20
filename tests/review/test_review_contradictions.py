"""The coordinator sees the contradictions the survey warned the volunteer of."""

from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.personas import client_for

RAMP_AT_A_STEP = {
    "entrance1Accessibility": "OneStepEntranceAccessibility",
    "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
    "rampskids": [{"rampRelation": "mainEntrance", "rampleg1Inclination": 6.0}],
}


def test_the_review_page_lists_the_answers_that_contradict_each_other(alice, charlie):
    submitted = make_assessment(
        make_place("Pošta"), ReviewStatus.SUBMITTED, surveyor=alice, answers=RAMP_AT_A_STEP
    )

    html = client_for(charlie).get(reverse("review:detail", args=[submitted.pk])).content.decode()

    listed = html.split('id="contradictions"')[1].split("</ul>")[0]
    assert "rampa 1" in listed and "„jeden schod“" in listed


def test_a_survey_without_contradictions_shows_no_such_list(alice, charlie):
    answers = dict(RAMP_AT_A_STEP, entrance1Accessibility="RampEntranceAccessibility")
    submitted = make_assessment(
        make_place("Pošta"), ReviewStatus.SUBMITTED, surveyor=alice, answers=answers
    )

    html = client_for(charlie).get(reverse("review:detail", args=[submitted.pk])).content.decode()

    assert 'id="contradictions"' not in html
