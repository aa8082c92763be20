"""The survey categorises under the town's methodology version (settings.METHODOLOGY_VERSION):
its live evaluation, a submission and a returned survey's correction, all through HTTP."""

import pytest
from django.urls import reverse

from mapping.models import Assessment, ReviewStatus
from mapping.review import workflow
from tests.factories import make_assessment, make_place
from tests.methodology.objects import NARROW_RAMP, UNDER_EACH_VERSION
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS, submission

each_version = pytest.mark.parametrize(("setting", "recorded", "category"), UNDER_EACH_VERSION)


@each_version
def test_the_live_evaluation_uses_the_towns_version(alice, settings, setting, recorded, category):
    settings.METHODOLOGY_VERSION = setting
    answer = client_for(alice).post(
        reverse("survey:evaluate"),
        {"answers": NARROW_RAMP, "place_kind": "building"},
        content_type="application/json",
    )
    assert answer.status_code == 200
    result = answer.json()["result"]
    assert (result["methodology_version"], result["wheelchair"]) == (recorded, category)


@each_version
def test_a_submission_is_categorised_under_the_towns_version(
    alice, settings, setting, recorded, category
):
    settings.METHODOLOGY_VERSION = setting
    answer = client_for(alice).post(reverse("survey:submit"), submission(answers=NARROW_RAMP))
    assert answer.status_code == 201
    stored = Assessment.objects.get(pk=answer.json()["assessment"]["id"])
    assert (stored.methodology_version, stored.wheelchair, stored.pram) == (
        recorded,
        category,
        category,
    )
    assert stored.result["methodology_version"] == recorded


@each_version
def test_a_corrected_returned_survey_is_categorised_under_the_towns_version(
    alice, charlie, settings, setting, recorded, category
):
    assessment = make_assessment(
        make_place("Sokolovna"), ReviewStatus.SUBMITTED, surveyor=alice, answers=BUILDING_ANSWERS
    )
    workflow.return_for_changes(assessment, charlie, "Změřte rampu.")
    settings.METHODOLOGY_VERSION = setting
    saved = client_for(alice).post(
        reverse("survey:save_answers", args=[assessment.pk]),
        {"answers": NARROW_RAMP},
        content_type="application/json",
    )
    assert saved.status_code == 200
    assessment.refresh_from_db()
    assert (assessment.methodology_version, assessment.seniors) == (recorded, category)
