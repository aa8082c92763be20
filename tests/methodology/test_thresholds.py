"""Every threshold of METHODOLOGY.md, at the limit, just inside and just outside, for every profile.

Each row changes the all-accessible building (or public space) of objects.py and gives the
expected (wheelchair, seniors, pram) categories: A accessible, P partly, I inaccessible.
"""

import pytest

from mapping.methodology.engine import evaluate
from mapping.methodology.reasons import FIELD
from tests.methodology.objects import BUILDING, PUBLIC_SPACE, RAMP, TOILET, at

NAMES = {"A": "accessible", "P": "partly", "I": "inaccessible"}
MORE = "MoreStepsEntranceAccessibility"


def rows(path: str, table: list[tuple[object, str]], base: dict = BUILDING) -> list:
    return [
        pytest.param(base, {path: value}, expected, id=f"{path}={value}")
        for value, expected in table
    ]


CASES = [
    # door thresholds: wheelchair <= 2 / <= 7; seniors and pram <= 7 / <= 15
    *rows(
        "entrance1Door1StepHeight",
        [(2, "AAA"), (3, "PAA"), (7, "PAA"), (8, "IPP"), (15, "IPP"), (16, "III")],
    ),
    # the main panel: wheelchair >= 80 / >= 70 (with the side panel);
    # seniors >= 70 / >= 60; pram >= 70 / >= 70
    *rows(
        "entrance1Door1MainpanelWidth",
        [(80, "AAA"), (79, "PAA"), (70, "PAA"), (69, "IPI"), (60, "IPI"), (59, "III")],
    ),
    # every door of every entrance counts
    *rows("entrance1Door2MainpanelWidth", [(80, "AAA"), (79, "PAA"), (69, "IPI")]),
    *rows("entrance1Door2StepHeight", [(2, "AAA"), (3, "PAA"), (16, "III")]),
    # ramps up to 3 m: 12.5 % / 16.5 %
    *[
        pytest.param(
            BUILDING,
            {"rampskids[0].rampleg1Length": 300, "rampskids[0].rampleg1Inclination": slope},
            expected,
            id=f"ramp 300 cm at {slope} %",
        )
        for slope, expected in [(12.5, "AAA"), (12.6, "PPP"), (16.5, "PPP"), (16.6, "III")]
    ],
    # ramps over 3 m up to 9 m, and (our rule) over 9 m: 8 % / 12.5 %
    *[
        pytest.param(
            BUILDING,
            {"rampskids[0].rampleg1Length": length, "rampskids[0].rampleg1Inclination": slope},
            expected,
            id=f"ramp {length} cm at {slope} %",
        )
        for length in (301, 900, 901, 1500)
        for slope, expected in [(8.0, "AAA"), (8.1, "PPP"), (12.5, "PPP"), (12.6, "III")]
    ],
    *rows("rampskids[0].rampleg1Width", [(110, "AAA"), (109, "III")]),
    # seniors: every ramp has a handrail (accessible only)
    *rows("rampskids[0].rampIsHandle", [(True, "AAA"), (False, "APA")]),
    # lifts: wheelchair doors >= 80 / >= 70, seniors >= 70 / >= 60, pram >= 70 / >= 70
    *rows(
        "elevator[0].door1Width",
        [(80, "AAA"), (79, "PAA"), (70, "PAA"), (69, "IPI"), (60, "IPI"), (59, "III")],
    ),
    *rows("elevator[0].door2Width", [(80, "AAA"), (79, "PAA"), (69, "IPI"), (59, "III")]),
    # cabin width: wheelchair >= 100 / >= 100; seniors and pram >= 100 / >= 80
    *rows("elevator[0].elevatorCageWidth", [(100, "AAA"), (99, "IPP"), (80, "IPP"), (79, "III")]),
    # cabin depth: wheelchair >= 125 / >= 110; seniors and pram >= 110 / >= 100
    *rows(
        "elevator[0].elevatorCageDepth",
        [(125, "AAA"), (124, "PAA"), (110, "PAA"), (109, "IPP"), (100, "IPP"), (99, "III")],
    ),
    *rows("elevator[0].elevatorIsCageSeat", [(True, "AAA"), (False, "APA")]),
    *rows("elevator[0].elevatorIsCageHandle", [(True, "AAA"), (False, "AIA")]),
    # platform lifts: wheelchair (partly only) and pram: entry areas >= 70, platform >= 70 x 90.
    # The accessible level of the wheelchair profile has no platform rule ("—").
    *rows("platform[0].entryarea1Width", [(70, "AAA"), (69, "AAI")]),
    *rows("platform[0].entryarea2Width", [(70, "AAA"), (69, "AAI")]),
    *rows("platform[0].platformWidth", [(70, "AAA"), (69, "AAI")]),
    *rows("platform[0].platformDepth", [(90, "AAA"), (89, "AAI")]),
    # seniors: stairs need a banister
    *rows("objectStairsIsBannister", [(True, "AAA"), (False, "APA")]),
    # interior
    *rows(
        "objectInteriorAccessibility",
        [
            ("EntireObjectInteriorAccessibility", "AAA"),
            ("PartObjectInteriorAccessibility", "PPP"),
            ("InaccessibleObjectInteriorAccessibility", "III"),
        ],
    ),
    # the way in
    *rows(
        "entrance1Accessibility",
        [
            ("NoelevationEntranceAccessibility", "AAA"),
            ("RampEntranceAccessibility", "AAA"),
            ("OneStepEntranceAccessibility", "PPP"),
            ("PlatformEntranceAccessibility", "PIP"),
        ],
    ),
    # seniors, partly: "by at most 2 steps"
    *[
        pytest.param(
            BUILDING,
            {"entrance1Accessibility": MORE, "entrance1Steps1NumberOf": n},
            expected,
            id=f"{n} steps",
        )
        for n, expected in [(2, "IPI"), (3, "III")]
    ],
    pytest.param(
        BUILDING,
        {
            "entrance1Accessibility": MORE,
            "entrance1Steps1NumberOf": 1,
            "entrance1Steps2NumberOf": 1,
        },
        "IPI",
        id="1 + 1 steps",
    ),
    # seniors' toilet: a seat >= 45, an alarm button, a washbasin with a knee space
    *rows("wc[0].wcBasinSeatHeight", [(45, "AAA"), (44, "APA")]),
    *rows("wc[0].wcIsAlarmbutton", [(True, "AAA"), (False, "APA")]),
    *rows("wc[0].washbasinUnderpass", [("InsufficientWashbasinUnderpass", "APA")]),
    # pram: a changing table
    *rows("wc[0].wcIsChangingdesk", [(True, "AAA"), (False, "AAP")]),
    # wheelchair: at least one toilet accessible or partly accessible
    *rows("wc[0].wcCabinWidth", [(150, "AAA")]),
    *rows("wc[0].doorOpeningDirection", [("InwardsDoorOpeningDirection", "PAA")]),
    # public spaces (our rule): decree reference values, then MKPO's partly values
    *rows(
        "publicSpaceLongitudinalSlope",
        [(8.33, "AAA"), (8.34, "PPP"), (12.5, "PPP"), (12.51, "III")],
        PUBLIC_SPACE,
    ),
    *rows(
        "publicSpaceCrossSlope",
        [(2.0, "AAA"), (2.01, "PPP"), (5.0, "PPP"), (5.01, "III")],
        PUBLIC_SPACE,
    ),
    *rows(
        "publicSpaceKerbHeight", [(2, "AAA"), (2.5, "PPP"), (7, "PPP"), (7.5, "III")], PUBLIC_SPACE
    ),
    *rows(
        "publicSpaceClearWidth", [(90, "AAA"), (89, "PPP"), (70, "PPP"), (69, "III")], PUBLIC_SPACE
    ),
    *rows(
        "publicSpaceStepsNumberOf", [(0, "AAA"), (1, "PPP"), (2, "IPI"), (3, "III")], PUBLIC_SPACE
    ),
]


def apply(base: dict, changes: dict) -> dict:
    answers = base
    for path, value in changes.items():
        answers = at(answers, path, value)
    return answers


@pytest.mark.parametrize(("base", "changes", "expected"), CASES)
def test_each_threshold_gives_the_categories_of_the_methodology(base, changes, expected):
    result = evaluate(apply(base, changes))

    got = tuple(result.categories[p] for p in ("wheelchair", "seniors", "pram"))
    assert got == tuple(NAMES[c] for c in expected)


@pytest.mark.parametrize(("base", "changes", "expected"), CASES)
def test_a_worse_category_names_the_changed_measurement_among_its_reasons(base, changes, expected):
    result = evaluate(apply(base, changes))

    for profile, letter in zip(("wheelchair", "seniors", "pram"), expected, strict=True):
        fields = {reason[FIELD] for reason in result.reasons[profile]}
        if letter == "A":
            assert fields == set()
        else:
            assert fields & (set(changes) | {"wc"}), (profile, fields)


def test_the_longest_leg_sets_the_band_and_the_steepest_leg_is_measured_against_it():
    ramp = dict(RAMP, rampNumberOfLegs=2, rampleg1Length=200, rampleg1Inclination=10.0)
    ramp.update(rampleg2Width=150, rampleg2Length=400, rampleg2Inclination=5.0)

    result = evaluate(dict(BUILDING, rampskids=[ramp]))

    assert result.categories["wheelchair"] == "partly"
    assert [r[FIELD] for r in result.reasons["wheelchair"]] == ["rampskids[0].rampleg1Inclination"]


def test_the_narrowest_leg_decides_the_width():
    ramp = dict(RAMP, rampNumberOfLegs=2, rampleg2Width=109, rampleg2Length=100)
    ramp["rampleg2Inclination"] = 5.0

    result = evaluate(dict(BUILDING, rampskids=[ramp]))

    assert result.categories["wheelchair"] == "inaccessible"
    assert "rampskids[0].rampleg2Width" in [r[FIELD] for r in result.reasons["wheelchair"]]


@pytest.mark.parametrize(("slope", "expected"), [(12.5, "accessible"), (12.6, "partly")])
def test_skids_are_judged_by_their_own_length_and_slope(slope, expected):
    skids = {"skidsMobility": "MobileRampSkidsMobility", "skidsLength": 300}
    skids["skidsInclination"] = slope

    result = evaluate(dict(BUILDING, rampskids=[skids]))

    assert result.categories["wheelchair"] == expected
    assert result.categories["seniors"] == expected  # skids have no handrail to ask for


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"entrance2Door1MainpanelWidth": 79}, "partly"),
        ({"entrance2Door1StepHeight": 3}, "partly"),
        ({"entrance2Door1MainpanelWidth": 80}, "accessible"),
    ],
)
def test_the_doors_of_the_second_entrance_count_too(changes, expected):
    answers = dict(BUILDING, entrance2Accessibility="OneStepEntranceAccessibility")
    answers.update({"entrance2Door1MainpanelWidth": 90, "entrance2Door1StepHeight": 0})
    answers.update(changes)

    assert evaluate(answers).categories["wheelchair"] == expected


def test_one_level_entrance_is_enough_when_the_other_has_steps():
    answers = dict(BUILDING, entrance1Accessibility=MORE, entrance1Steps1NumberOf=5)
    answers.update(entrance2Accessibility="NoelevationEntranceAccessibility")
    answers.update(entrance2Door1MainpanelWidth=90, entrance2Door1StepHeight=0)

    assert evaluate(answers).categories == {
        "wheelchair": "accessible",
        "seniors": "accessible",
        "pram": "accessible",
    }


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        # wheelchair accessible counts the main panel only; partly adds the side panel
        ({"entrance1Door1MainpanelWidth": 79, "entrance1Door1SidepanelWidth": 30}, "PAA"),
        ({"entrance1Door1MainpanelWidth": 40, "entrance1Door1SidepanelWidth": 30}, "PAA"),
        ({"entrance1Door1MainpanelWidth": 39, "entrance1Door1SidepanelWidth": 30}, "IPI"),
        ({"entrance1Door1MainpanelWidth": 30, "entrance1Door1SidepanelWidth": 30}, "IPI"),
        ({"entrance1Door1MainpanelWidth": 30, "entrance1Door1SidepanelWidth": 29}, "III"),
    ],
)
def test_the_side_panel_counts_where_the_methodology_adds_it(changes, expected):
    answers = dict(BUILDING, entrance1Door1Type="DoublepanelledDoorType", **changes)

    got = evaluate(answers).categories
    assert (got["wheelchair"], got["seniors"], got["pram"]) == tuple(NAMES[c] for c in expected)


@pytest.mark.parametrize(
    ("width", "expected"),
    [(90, "PAA"), (70, "PAA"), (69, "IPI"), (60, "IPI"), (59, "III")],
)
def test_a_narrowed_passage_bars_the_accessible_wheelchair_category_and_its_width_counts(
    width, expected
):
    answers = dict(BUILDING, objectIsNarrowedPassage=True, objectNarrowedPassageWidth=width)

    got = evaluate(answers).categories
    assert (got["wheelchair"], got["seniors"], got["pram"]) == tuple(NAMES[c] for c in expected)


def test_a_second_toilet_that_has_what_seniors_and_parents_need_is_enough():
    lacking = dict(TOILET, wcIsAlarmbutton=False, wcIsChangingdesk=False)

    result = evaluate(dict(BUILDING, wc=[lacking, TOILET]))

    assert result.categories == {
        "wheelchair": "accessible",
        "seniors": "accessible",
        "pram": "accessible",
    }
