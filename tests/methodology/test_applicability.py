"""A survey field applies only when the answers so far make it apply; the server and the phone
read the same table (mapping/methodology/applicability.py)."""

import pytest

from mapping.methodology import applicability, structure
from mapping.methodology.applicability import applies
from mapping.methodology.conditions import fields_read
from mapping.methodology.structure import validate
from tests.methodology.objects import BUILDING, MEASUREMENTS, at, changed

ONE_STEP = "OneStepEntranceAccessibility"
MORE_STEPS = "MoreStepsEntranceAccessibility"


def _tables():
    yield structure.TOP_FIELDS, applicability.TOP
    for group, rules in applicability.ITEMS.items():
        yield structure.ITEM_FIELDS[group], rules


def _sections_read(condition) -> set[str]:
    if condition is None:
        return set()
    if "open" in condition:
        return {condition["open"]}
    inner = condition.get("all") or condition.get("any") or [condition.get("not")]
    return set().union(*(_sections_read(c) for c in inner if isinstance(c, dict)))


def test_every_rule_and_section_names_fields_and_sections_that_exist():
    for fields, rules in _tables():
        conditions = list(rules.rules.values()) + [s.shown_if for s in rules.sections.values()]
        for name in rules.rules:
            assert name in fields, name
        for condition in conditions:
            assert fields_read(condition) <= set(fields), condition
            assert _sections_read(condition) <= set(rules.sections), condition
        for section in rules.sections.values():
            assert set(section.fields) <= set(fields), section.name
            assert section.parent is None or section.parent in rules.sections
            assert section.before is None or section.before in fields
            assert section.cs and section.en and section.add_cs and section.add_en


def test_no_field_lies_in_two_sections():
    for _, rules in _tables():
        names = [f for s in rules.sections.values() for f in s.fields]
        assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("way_in", "number", "height"),
    [(None, False, False), ("NoelevationEntranceAccessibility", False, False),
     (ONE_STEP, False, True), (MORE_STEPS, True, True)],
)  # fmt: skip
def test_the_steps_are_asked_when_the_way_in_has_steps(way_in, number, height):
    answers = {"entrance1Accessibility": way_in} if way_in else {}

    assert applies("entrance1Steps1NumberOf", answers) is number
    assert applies("entrance1Steps1Height", answers) is height


def test_a_second_door_applies_once_one_of_its_fields_is_recorded():
    assert not applies("entrance1Door2MainpanelWidth", {})
    assert applies("entrance1Door2MainpanelWidth", {"entrance1Door2StepHeight": 0})
    assert not applies("entrance1Door2SidepanelWidth", {"entrance1Door2StepHeight": 0})
    double = {"entrance1Door2Type": "DoublepanelledDoorType"}
    assert applies("entrance1Door2SidepanelWidth", double)


def test_the_side_entrance_and_its_doors_apply_once_it_is_recorded():
    assert not applies("entrance2Accessibility", {})
    side = {"entrance2Localization": "ze dvora"}
    assert applies("entrance2Accessibility", side)
    assert not applies("entrance2Door2MainpanelWidth", side)
    assert applies("entrance2Door2MainpanelWidth", dict(side, entrance2Door2Type="x"))


def test_the_next_ramp_leg_applies_when_the_ramp_has_one():
    ramp = {"rampleg1Width": 120}
    assert applies("rampskids[0].rampleg1Length", {"rampskids": [ramp]})
    assert not applies("rampskids[0].rampleg2Length", {"rampskids": [ramp]})
    two_legs = dict(ramp, rampNumberOfLegs=2)
    assert applies("rampskids[0].rampleg2Length", {"rampskids": [two_legs]})
    assert not applies("rampskids[0].rampleg3Length", {"rampskids": [two_legs]})


def test_skids_are_asked_for_skids_only_and_then_no_ramp_leg_is():
    assert not applies("rampskids[0].skidsLength", {"rampskids": [{}]})
    skids = {"rampskids": [{"skidsInclination": 10.0}]}
    assert applies("rampskids[0].skidsLength", skids)
    assert not applies("rampskids[0].rampleg1Length", skids)
    assert not applies("rampskids[0].rampIsHandle", skids)


def test_the_bowl_is_asked_once_the_cabin_can_be_entered_by_wheelchair():
    cabin = {"doorWidth": 80, "wcCabinWidth": 150, "wcCabinDepth": 160}

    assert applies("wc[0].wcBasinLeftDistance", {"wc": [cabin]})
    assert not applies("wc[0].wcBasinLeftDistance", {"wc": [dict(cabin, doorWidth=60)]})
    assert not applies("wc[0].wcBasinLeftDistance", {"wc": [{"doorWidth": 80}]})
    assert not applies("wc[0].handle1Height", {"wc": [cabin]})
    assert applies("wc[0].handle1Height", {"wc": [dict(cabin, handle1Type="FixedHandleType")]})


def test_a_path_into_an_item_that_is_not_there_does_not_apply():
    assert not applies("wc[3].doorWidth", {"wc": [{}]})
    assert not applies("wc[0].doorWidth", {})


def test_every_measurement_the_engine_misses_in_a_complete_building_is_one_the_survey_asks():
    for path in MEASUREMENTS:
        assert applies(path, at(BUILDING, path, None)), path


def test_a_required_question_that_does_not_apply_is_not_required(monkeypatch):
    required = {**structure.REQUIRED_BY_KIND, "building": ("entrance1Steps1NumberOf",)}
    monkeypatch.setattr(structure, "REQUIRED_BY_KIND", required)

    level = changed(BUILDING, entrance1Accessibility="NoelevationEntranceAccessibility")
    steps = changed(BUILDING, entrance1Accessibility=MORE_STEPS)
    assert validate(level, "building") == []
    assert [e.field for e in validate(steps, "building")] == ["entrance1Steps1NumberOf"]
