"""Until the measurements that decide a category are there, the category is not settled: the
engine tells which missing measurements could still lower it (mapping/methodology/deciding.py)."""

from mapping.methodology.applicability import applies
from mapping.methodology.deciding import still_to_measure, undecided
from mapping.methodology.engine import evaluate
from tests.methodology.objects import BUILDING, MEASUREMENTS, TOILET, at, changed

BASICS = [
    "entrance1Accessibility",
    "objectInteriorAccessibility",
    "entrance1Door1MainpanelWidth",
    "entrance1Door1StepHeight",
    "objectIsNarrowedPassage",
]


def test_an_empty_survey_is_settled_for_no_profile_and_says_what_to_measure():
    result = evaluate({})

    assert set(result.categories.values()) == {"accessible"}  # only the best it can still get
    assert undecided(result) == {
        "wheelchair": BASICS,
        "seniors": [*BASICS, "objectIsStairs"],
        "pram": BASICS,
    }
    assert still_to_measure(undecided(result)) == [*BASICS, "objectIsStairs"]


def test_a_complete_building_is_settled():
    assert undecided(evaluate(BUILDING)) == {"wheelchair": [], "seniors": [], "pram": []}


# These tell WC I from WC II only; a profile asks for a toilet that is either.
WC_I_ONLY = {"wc[0].wcCabinLocalization", "wc[0].wcBasinIsPaperReach", "wc[0].wcBasinSpace"}


def test_every_measurement_a_rule_of_the_accessible_level_reads_is_asked_for_when_missing():
    for path in MEASUREMENTS:
        open_ = undecided(evaluate(at(BUILDING, path, None)))
        assert (path in still_to_measure(open_)) is (path not in WC_I_ONLY), path


def test_an_inaccessible_category_is_settled_whatever_is_missing():
    answers = {"entrance1Accessibility": "MoreStepsEntranceAccessibility"}

    result = evaluate(answers)

    assert result.categories["wheelchair"] == "inaccessible"
    assert undecided(result)["wheelchair"] == []
    # Seniors pass "more steps" at the partly level when there are at most two: still open.
    assert "entrance1Steps1NumberOf" in undecided(result)["seniors"]


def test_a_measurement_only_the_better_level_reads_no_longer_decides_at_the_lower_one():
    # Seniors stand at "partly" (a step of 10 cm); the banister rule is the accessible level's.
    answers = changed(BUILDING, entrance1Door1StepHeight=10, objectStairsIsBannister=None)

    result = evaluate(answers)

    assert result.categories["seniors"] == "partly"
    assert "objectStairsIsBannister" in result.missing
    assert undecided(result)["seniors"] == []


def test_a_way_in_by_ramp_with_no_ramp_recorded_waits_for_the_ramp():
    answers = changed(BUILDING, entrance1Accessibility="RampEntranceAccessibility", rampskids=None)

    assert "rampskids" in undecided(evaluate(answers))["wheelchair"]


def test_the_bowl_of_a_toilet_is_asked_for_only_once_the_cabin_is_measured():
    bare = {"doorWidth": 90}
    cabin = {**bare, "wcCabinWidth": 170, "wcCabinDepth": 170}

    wheelchair = undecided(evaluate(changed(BUILDING, wc=[bare])))["wheelchair"]
    assert "wc[0].wcCabinWidth" in wheelchair
    assert "wc[0].wcBasinLeftDistance" not in wheelchair
    wheelchair = undecided(evaluate(changed(BUILDING, wc=[cabin])))["wheelchair"]
    assert "wc[0].wcBasinLeftDistance" in wheelchair


def test_a_second_toilet_is_not_waited_for_when_the_first_settles_the_toilet_rule():
    unfinished = {"doorWidth": 90}

    open_ = undecided(evaluate(changed(BUILDING, wc=[TOILET, unfinished])))

    assert open_ == {"wheelchair": [], "seniors": [], "pram": []}


def test_every_measurement_it_asks_for_is_a_question_the_survey_shows():
    samples = [{}, BUILDING, changed(BUILDING, wc=[{"doorWidth": 90}])]
    samples += [at(BUILDING, path, None) for path in MEASUREMENTS]
    for answers in samples:
        for path in still_to_measure(undecided(evaluate(answers))):
            assert path in ("rampskids", "platform") or applies(path, answers), path
