"""Answers that contradict each other the way the engine reads them are flagged, naming the field
to fix and the answer it contradicts (mapping/methodology/consistency.py)."""

import pytest

from mapping.methodology.consistency import contradictions
from mapping.methodology.engine import evaluate
from tests.methodology.objects import BUILDING, RAMP, TOILET, changed

ONE_STEP = "OneStepEntranceAccessibility"


def flagged(answers) -> list[tuple[str, str, str]]:
    return [(c.field, c.other, c.code) for c in contradictions(answers, evaluate(answers))]


def test_a_complete_consistent_building_has_none():
    assert flagged(BUILDING) == []


def test_a_ramp_at_an_entrance_whose_way_in_is_one_step_is_flagged_in_words():
    answers = changed(BUILDING, entrance1Accessibility=ONE_STEP)

    found = contradictions(answers, evaluate(answers))

    assert [(c.field, c.other, c.code) for c in found] == [
        ("entrance1Accessibility", "rampskids[0].rampRelation", "rampskids_at_steps")
    ]
    assert "jeden schod" in found[0].cs and "rampa" in found[0].cs
    assert "'one step'" in found[0].en and "does not count" in found[0].en


@pytest.mark.parametrize(
    "ramp",
    [dict(RAMP, rampLocalization="InteriorRampSkidsLocalization"), dict(RAMP)],
)
def test_a_ramp_inside_or_at_a_ramp_entrance_is_not(ramp):
    way_in = ONE_STEP if "rampLocalization" in ramp else "RampEntranceAccessibility"
    answers = changed(BUILDING, entrance1Accessibility=way_in, rampskids=[ramp])

    assert flagged(answers) == []


def test_a_platform_lift_at_steps_and_a_ramp_for_a_missing_side_entrance_are_flagged():
    answers = changed(
        BUILDING,
        entrance1Accessibility="MoreStepsEntranceAccessibility",
        entrance1Steps1NumberOf=4,
        rampskids=[dict(RAMP, rampRelation="sideEntrance")],
        platform__0__platformRelation="mainEntrance",
    )

    assert flagged(answers) == [
        ("rampskids[0].rampRelation", "entrance2Accessibility", "rampskids_without_entrance"),
        ("entrance1Accessibility", "platform[0].platformRelation", "platform_at_steps"),
    ]


def test_more_steps_that_are_one_step_are_flagged():
    answers = changed(
        BUILDING, entrance1Accessibility="MoreStepsEntranceAccessibility", entrance1Steps1NumberOf=1
    )

    assert ("entrance1Steps1NumberOf", "entrance1Accessibility", "one_of_more_steps") in flagged(
        answers
    )


def test_a_single_door_with_a_side_leaf_is_flagged():
    answers = changed(
        BUILDING, entrance1Door1Type="SinglepanelledDoorType", entrance1Door1SidepanelWidth=40
    )

    assert flagged(answers) == [
        ("entrance1Door1SidepanelWidth", "entrance1Door1Type", "single_door_side_panel")
    ]


def test_a_toilet_marked_wc_i_that_measures_as_an_ordinary_toilet_is_flagged():
    toilet = dict(TOILET, wcAccessibility="AccessibleWCMKPO", doorWidth=60)

    found = contradictions(changed(BUILDING, wc=[toilet]), evaluate(changed(BUILDING, wc=[toilet])))

    assert [(c.field, c.code) for c in found] == [("wc[0].wcAccessibility", "wc_category")]
    assert "běžné WC" in found[0].cs
    assert flagged(changed(BUILDING, wc=[dict(TOILET, wcAccessibility="AccessibleWCMKPO")])) == []
