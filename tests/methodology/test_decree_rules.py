"""Every rule of both decree rule sets at its limit, just inside and just outside.

Each case builds the smallest answers that the rule reads, with the measurement at the limit (it
passes), one step inside (it passes) and one step outside (it breaks); a case without the
measurement is undecided for that rule. The limits come from the rule table itself, so that
a changed limit moves the cases with it, and each rule of each version has its case.
"""

import pytest

from mapping.methodology.compliance import (
    COMPLIANT,
    NON_COMPLIANT,
    UNDECIDED,
    check,
    number,
)
from mapping.methodology.decrees import DECREES, MAX, MIN, get_decree

LEVEL = "NoelevationEntranceAccessibility"
# A building that passes every rule, to which each case adds the one measurement under test.
BUILDING = {
    "entrance1Accessibility": LEVEL,
    "entrance1Door1MainpanelWidth": 130,
    "entrance1Door1StepHeight": 0,
    "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
    "objectIsNarrowedPassage": False,
    "objectIsStairs": False,
}
PUBLIC = {
    "publicSpaceSurface": "asphalt",
    "publicSpaceLongitudinalSlope": 1.0,
    "publicSpaceCrossSlope": 1.0,
    "publicSpaceKerbHeight": 0,
    "publicSpaceClearWidth": 200,
    "publicSpaceStepsNumberOf": 0,
}
LIFT = {"door1Width": 100, "elevatorCageWidth": 120, "elevatorCageDepth": 150}
WC = {"doorWidth": 90, "wcCabinWidth": 170, "wcCabinDepth": 220}


def _ramp(length, slope):
    ramp = {"rampNumberOfLegs": 1, "rampleg1Width": 150, "rampIsHandle": True}
    if length is not None:
        ramp["rampleg1Length"] = length
    if slope is not None:
        ramp["rampleg1Inclination"] = slope
    return {**BUILDING, "entrance1Accessibility": "RampEntranceAccessibility", "rampskids": [ramp]}


# rule -> (answers with the value v, the value's step, the field left out for "undecided")
CASES = {
    "ramp_slope_short": (lambda v: _ramp(250, v), 0.01, lambda: _ramp(250, None)),
    "ramp_slope": (lambda v: _ramp(600, v), 0.01, lambda: _ramp(None, 7.0)),
    "door_width": (
        lambda v: {**BUILDING, "entrance1Door2MainpanelWidth": v, "entrance1Door2StepHeight": 0},
        1,
        lambda: {**BUILDING, "entrance1Door2StepHeight": 0},
    ),
    "main_door_total": (
        lambda v: {
            **BUILDING,
            "entrance1Door1MainpanelWidth": 90,
            "entrance1Door1SidepanelWidth": v - 90,
            "entrance1Door1Type": "DoublepanelledDoorType",
        },
        1,
        lambda: {
            **BUILDING,
            "entrance1Door1MainpanelWidth": 90,
            "entrance1Door1Type": "DoublepanelledDoorType",
        },
    ),
    "main_door_leaf": (
        lambda v: {
            **BUILDING,
            "entrance1Door1MainpanelWidth": v,
            "entrance1Door1SidepanelWidth": 130 - v,
        },
        1,
        lambda: {k: v for k, v in BUILDING.items() if k != "entrance1Door1MainpanelWidth"},
    ),
    "threshold": (
        lambda v: {**BUILDING, "entrance1Door1StepHeight": v},
        1,
        lambda: {k: v for k, v in BUILDING.items() if k != "entrance1Door1StepHeight"},
    ),
    "lift_cabin_width": (
        lambda v: {**BUILDING, "elevator": [{**LIFT, "elevatorCageWidth": v}]},
        1,
        lambda: {**BUILDING, "elevator": [{"door1Width": 100, "elevatorCageDepth": 150}]},
    ),
    "lift_cabin_depth": (
        lambda v: {**BUILDING, "elevator": [{**LIFT, "elevatorCageDepth": v}]},
        1,
        lambda: {**BUILDING, "elevator": [{"door1Width": 100, "elevatorCageWidth": 120}]},
    ),
    "lift_door": (
        lambda v: {**BUILDING, "elevator": [{**LIFT, "door1Width": v}]},
        1,
        lambda: {**BUILDING, "elevator": [{"elevatorCageWidth": 120, "elevatorCageDepth": 150}]},
    ),
    "wc_cabin_width": (
        lambda v: {**BUILDING, "wc": [{**WC, "wcCabinWidth": v}]},
        1,
        lambda: {**BUILDING, "wc": [{"doorWidth": 90, "wcCabinDepth": 220}]},
    ),
    "wc_cabin_depth": (
        lambda v: {**BUILDING, "wc": [{**WC, "wcCabinDepth": v}]},
        1,
        lambda: {**BUILDING, "wc": [{"doorWidth": 90, "wcCabinWidth": 170}]},
    ),
    "wc_door": (
        lambda v: {**BUILDING, "wc": [{**WC, "doorWidth": v}]},
        1,
        lambda: {**BUILDING, "wc": [{"wcCabinWidth": 170, "wcCabinDepth": 220}]},
    ),
    "path_slope": (
        lambda v: {**PUBLIC, "publicSpaceLongitudinalSlope": v},
        0.01,
        lambda: {k: v for k, v in PUBLIC.items() if k != "publicSpaceLongitudinalSlope"},
    ),
    "path_cross_slope": (
        lambda v: {**PUBLIC, "publicSpaceCrossSlope": v},
        0.01,
        lambda: {k: v for k, v in PUBLIC.items() if k != "publicSpaceCrossSlope"},
    ),
    "kerb": (
        lambda v: {**PUBLIC, "publicSpaceKerbHeight": v},
        1,
        lambda: {k: v for k, v in PUBLIC.items() if k != "publicSpaceKerbHeight"},
    ),
}
# Rules of a kind (a yes/no, a code list) that the numeric table cannot hold.
OTHER_CASES = {
    "entrance_step_free": (
        {**BUILDING, "entrance1Accessibility": "RampEntranceAccessibility"},
        {**BUILDING, "entrance1Accessibility": "OneStepEntranceAccessibility",
         "entrance1StepsIsContrastMarked": True},
        {k: v for k, v in BUILDING.items() if k != "entrance1Accessibility"},
    ),
    "glass_marking": (
        {**BUILDING, "entrance1ContrastMarkingIsGlassSurfaces": True,
         "entrance1ContrastMarkingLocalization": "BottomTopContrastMarkingLocalization"},
        {**BUILDING, "entrance1ContrastMarkingIsGlassSurfaces": True,
         "entrance1ContrastMarkingLocalization": "MissingContrastMarkingLocalization"},
        {**BUILDING, "entrance1ContrastMarkingIsGlassSurfaces": True},
    ),
    "steps_marking": (
        {**BUILDING, "objectIsStairs": True, "objectStairsIsBannister": True,
         "objectStepsIsContrastMarked": True},
        {**BUILDING, "objectIsStairs": True, "objectStairsIsBannister": True,
         "objectStepsIsContrastMarked": False},
        {**BUILDING, "objectIsStairs": True, "objectStairsIsBannister": True},
    ),
}  # fmt: skip

VERSIONS = sorted(DECREES)
NUMERIC = [(version, key) for version in VERSIONS for key in CASES]


def _rules_broken(answers, version):
    return {f.rule.key for f in check(answers, version).findings}


def _rules_undecided(answers, version):
    return {u.rule.key for u in check(answers, version).undecided}


def test_every_rule_of_every_version_has_a_case():
    for version in VERSIONS:
        assert {r.key for r in get_decree(version).rules} == set(CASES) | set(OTHER_CASES)


@pytest.mark.parametrize(("version", "key"), NUMERIC)
def test_a_measurement_at_the_limit_and_just_inside_complies(version, key):
    rule = get_decree(version).rule(key)
    make, step, _ = CASES[key]
    inside = -step if rule.comparison == MAX else step
    for value in (rule.limit, round(rule.limit + inside, 2)):
        assert key not in _rules_broken(make(value), version), value


@pytest.mark.parametrize(("version", "key"), NUMERIC)
def test_a_measurement_just_outside_the_limit_breaks_the_rule_with_its_gap(version, key):
    rule = get_decree(version).rule(key)
    make, step, _ = CASES[key]
    outside = round(rule.limit + (step if rule.comparison == MAX else -step), 2)
    findings = [f for f in check(make(outside), version).findings if f.rule.key == key]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.measured == pytest.approx(outside)
    assert finding.gap == pytest.approx(step)
    assert number(rule.limit) in finding.text()
    assert rule.comparison in (MAX, MIN)


@pytest.mark.parametrize(("version", "key"), NUMERIC)
def test_without_the_measurement_the_rule_cannot_be_decided(version, key):
    _, _, make_without = CASES[key]
    answers = make_without()
    assert key in _rules_undecided(answers, version)
    assert key not in _rules_broken(answers, version)


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("key", sorted(OTHER_CASES))
def test_the_other_rules_pass_break_and_wait_for_their_measurement(version, key):
    passing, breaking, missing = OTHER_CASES[key]
    assert key not in _rules_broken(passing, version)
    assert key not in _rules_undecided(passing, version)
    assert key in _rules_broken(breaking, version)
    assert key in _rules_undecided(missing, version)


@pytest.mark.parametrize("version", VERSIONS)
def test_the_reference_building_and_space_comply(version):
    assert check(BUILDING, version).status == COMPLIANT
    assert check(PUBLIC, version).status == COMPLIANT


def test_the_gap_reads_as_the_decree_is_quoted_in_czech_and_english():
    finding = check(_ramp(600, 9.5), "vyhl-398-2009.1").findings[0]
    assert finding.text() == "rampa 9,5 % tam, kde vyhláška připouští 6,25 % (o 3,25 % víc)"
    assert finding.text(english=True) == "ramp 9.5 % where the decree allows 6.25 % (3.25 % over)"
    door = check({**BUILDING, "entrance1Door2MainpanelWidth": 70}, "vyhl-398-2009.1")
    texts = [f.text() for f in door.findings if f.rule.key == "door_width"]
    assert texts == ["dveře 70 cm tam, kde se vyžaduje 80 cm (o 10 cm méně)"]


def test_a_steep_ramp_gets_a_ramp_of_the_needed_length_and_a_high_rise_a_platform_lift():
    ramp = check(_ramp(400, 9.5), "vyhl-398-2009.1")
    (finding,) = ramp.findings
    # 4 m at 9.5 % climbs 38 cm: at 6.25 % that is 6.08 m.
    assert finding.fix.key == "ramp"
    assert "6,08 m" in finding.fix_text()
    assert ramp.cost_class == "II"
    steps = {
        **BUILDING,
        "entrance1Accessibility": "MoreStepsEntranceAccessibility",
        "entrance1Steps1NumberOf": 6,
        "entrance1Steps1Height": 16,
        "entrance1StepsIsContrastMarked": True,
    }
    (finding,) = check(steps, "vyhl-398-2009.1").findings
    assert finding.fix.key == "platform_lift"
    kerb = check({**PUBLIC, "publicSpaceKerbHeight": 12}, "vyhl-146-2024.1")
    assert [(f.fix.key, f.fix.cost_class) for f in kerb.findings] == [("kerb", "I")]


def test_the_status_is_non_compliant_before_undecided():
    answers = {**_ramp(600, 7.0), "wc": [{"doorWidth": 90}]}
    result = check(answers, "vyhl-398-2009.1")
    assert result.status == NON_COMPLIANT
    assert check({**BUILDING, "wc": [{"doorWidth": 90}]}).status == UNDECIDED


def test_every_citation_names_its_decree_and_the_successor_admits_its_values_are_taken_over():
    for rule in get_decree("vyhl-398-2009.1").rules:
        assert rule.citation.decree == "398/2009 Sb."
        assert "příloha" in rule.citation.provision
    for rule in get_decree("vyhl-146-2024.1").rules:
        assert rule.citation.decree == "146/2024 Sb."
        assert not rule.citation.verified
        assert "převzata z vyhl. 398/2009" in rule.citation.note
        assert "k ověření" in rule.citation.text()


def test_a_stop_or_kiosk_is_not_held_to_the_main_entrance_door_rule():
    narrow = {**BUILDING, "entrance1Door1MainpanelWidth": 90}
    assert "main_door_total" in _rules_broken(narrow, None)
    assert check(narrow, None, main_entrance=False).status == COMPLIANT
