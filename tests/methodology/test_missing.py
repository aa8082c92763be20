"""A rule whose measurement is absent does not count against the place, but is listed."""

import json

import pytest

from mapping.methodology.engine import evaluate
from tests.methodology.objects import (
    BUILDING,
    LIFT,
    MEASUREMENTS,
    PUBLIC_SPACE,
    RAMP,
    TOILET,
    at,
    changed,
)


def test_the_complete_building_misses_nothing():
    result = evaluate(BUILDING)

    assert result.missing == []
    assert set(result.categories.values()) == {"accessible"}


@pytest.mark.parametrize("path", MEASUREMENTS)
def test_an_absent_measurement_is_listed_and_does_not_lower_the_category(path):
    result = evaluate(at(BUILDING, path, None))

    assert result.missing == [path]
    assert set(result.categories.values()) == {"accessible"}
    assert result.wc == ["accessible"]


def test_a_ramp_of_unknown_length_is_judged_by_the_lenient_band_and_its_length_is_missing():
    ramp = changed(RAMP, rampleg1Length=None, rampleg1Inclination=12.5)

    result = evaluate(dict(BUILDING, rampskids=[ramp]))

    assert result.categories["wheelchair"] == "accessible"
    assert result.missing == ["rampskids[0].rampleg1Length"]


def test_a_lift_without_a_second_door_misses_nothing():
    lift = changed(LIFT, elevatorIsCagePassthrough=False, door2Width=None)

    assert evaluate(dict(BUILDING, elevator=[lift])).missing == []


def test_a_double_door_without_its_side_panel_asks_for_it():
    answers = dict(BUILDING, entrance1Door1Type="DoublepanelledDoorType")

    assert evaluate(answers).missing == ["entrance1Door1SidepanelWidth"]


def test_a_narrowed_passage_without_its_width_asks_for_the_width():
    result = evaluate(dict(BUILDING, objectIsNarrowedPassage=True))

    assert result.missing == ["objectNarrowedPassageWidth"]
    assert result.categories["wheelchair"] == "partly"


def test_more_steps_without_their_number_passes_the_seniors_rule_and_asks_for_the_number():
    answers = dict(BUILDING, entrance1Accessibility="MoreStepsEntranceAccessibility")

    result = evaluate(answers)

    assert result.categories["seniors"] == "partly"
    assert result.missing == ["entrance1Steps1NumberOf"]


def test_a_second_entrance_asks_for_its_way_in_doors_and_thresholds():
    result = evaluate(dict(BUILDING, entrance2Localization="ze dvora"))

    assert result.missing == [
        "entrance2Accessibility",
        "entrance2Door1MainpanelWidth",
        "entrance2Door1StepHeight",
    ]


def test_an_empty_survey_is_all_missing_and_counts_nothing_against_the_place():
    result = evaluate({})

    assert set(result.categories.values()) == {"accessible"}
    assert "entrance1Accessibility" in result.missing
    assert "objectInteriorAccessibility" in result.missing


def test_a_public_space_asks_for_its_own_measurements_only():
    result = evaluate(changed(PUBLIC_SPACE, publicSpaceKerbHeight=None))

    assert result.missing == ["publicSpaceKerbHeight"]


def test_a_toilet_with_nothing_measured_lists_what_the_toilet_table_needs():
    result = evaluate(dict(BUILDING, wc=[{"wcLocalization": "v přízemí"}]))

    assert result.wc == ["accessible"]
    assert {m for m in result.missing if m.startswith("wc[0].")} >= {
        "wc[0].doorWidth",
        "wc[0].wcCabinWidth",
        "wc[0].wcBasinLeftDistance",
        "wc[0].wcBasinRightDistance",
    }


def test_the_result_is_json_and_keeps_the_missing_list():
    result = evaluate(at(changed(BUILDING, wc=[TOILET]), "wc[0].doorWidth", None))

    stored = json.loads(json.dumps(result.to_dict()))

    assert stored["missing"] == ["wc[0].doorWidth"]
    assert stored["methodology_version"] == result.version
