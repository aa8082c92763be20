"""The toilet table of METHODOLOGY.md: each toilet's WC category, at every limit."""

import pytest

from mapping.methodology.engine import evaluate
from tests.methodology.objects import BUILDING, TOILET, changed


def wc_category(**changes) -> str:
    return evaluate(dict(BUILDING, wc=[changed(TOILET, **changes)])).wc[0]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "accessible"),
        # where: a separate cabin or the ladies' section
        ({"wcCabinLocalization": "LadiesWCCabinLocalization"}, "accessible"),
        ({"wcCabinLocalization": "GentsWCCabinLocalization"}, "partly"),
        ({"wcCabinLocalization": "GentsLadiesWCCabinLocalization"}, "partly"),
        # the cabin door and the doors on the way: >= 80 / >= 70
        ({"doorWidth": 80}, "accessible"),
        ({"doorWidth": 79}, "partly"),
        ({"doorWidth": 70}, "partly"),
        ({"doorWidth": 69}, "inaccessible"),
        ({"hallway1DoorWidth": 80}, "accessible"),
        ({"hallway1DoorWidth": 79}, "partly"),
        ({"hallway1DoorWidth": 70}, "partly"),
        ({"hallway1DoorWidth": 69}, "inaccessible"),
        ({"hallway2Width": 150, "hallway2DoorWidth": 79}, "partly"),
        ({"hallway2Width": 150, "hallway2DoorWidth": 69}, "inaccessible"),
        # the cabin door opens outwards, for both categories
        ({"doorOpeningDirection": "InwardsDoorOpeningDirection"}, "inaccessible"),
        ({"doorOpeningDirection": "SidesDoorOpeningDirection"}, "inaccessible"),
        # the cabin: >= 160 x 160 / >= 140 x 140
        ({"wcCabinWidth": 160}, "accessible"),
        ({"wcCabinWidth": 159}, "partly"),
        ({"wcCabinWidth": 140}, "partly"),
        ({"wcCabinWidth": 139}, "inaccessible"),
        ({"wcCabinDepth": 160}, "accessible"),
        ({"wcCabinDepth": 159}, "partly"),
        ({"wcCabinDepth": 140}, "partly"),
        ({"wcCabinDepth": 139}, "inaccessible"),
        # free space beside the bowl, left or right: >= 80 / >= 70
        ({"wcBasinRightDistance": 80}, "accessible"),
        ({"wcBasinRightDistance": 79}, "partly"),
        ({"wcBasinRightDistance": 70}, "partly"),
        ({"wcBasinRightDistance": 69}, "inaccessible"),
        ({"wcBasinLeftDistance": 80, "wcBasinRightDistance": 10}, "accessible"),
        ({"wcBasinLeftDistance": 80, "wcBasinRightDistance": None}, "accessible"),
        # grab bars on both sides and paper within reach (accessible only)
        ({"handle2Type": None}, "partly"),
        ({"wcBasinIsPaperReach": False}, "partly"),
        # washbasin with a knee space, free space by the bowl (accessible only)
        ({"washbasinUnderpass": "InsufficientWashbasinUnderpass"}, "partly"),
        ({"wcBasinSpace": "BlockedbymobileWCBasinSpace"}, "partly"),
        ({"wcBasinSpace": "BlockedbyfixedWCBasinSpace"}, "partly"),
    ],
)
def test_each_toilet_rule_gives_the_category_of_the_toilet_table(changes, expected):
    assert wc_category(**changes) == expected


def test_toilet_categories_are_listed_in_the_order_the_toilets_were_recorded():
    toilets = [
        changed(TOILET, wcCabinWidth=139),
        TOILET,
        changed(TOILET, wcCabinLocalization="GentsWCCabinLocalization"),
    ]

    result = evaluate(dict(BUILDING, wc=toilets))

    assert result.wc == ["inaccessible", "accessible", "partly"]
    assert [t["category"] for t in result.to_dict()["toilets"]] == result.wc


def test_a_toilet_reason_names_the_toilet_and_both_levels():
    result = evaluate(dict(BUILDING, wc=[TOILET, changed(TOILET, doorWidth=65)]))

    category, reasons = result.toilets[1]
    assert category == "inaccessible"
    assert set(reasons) == {
        ("wc", "accessible", "wc_door_width", "wc[1].doorWidth", 65, 80),
        ("wc", "partly", "wc_door_width", "wc[1].doorWidth", 65, 70),
    }


def test_grab_bars_not_recorded_at_all_are_missing_not_absent():
    result = evaluate(dict(BUILDING, wc=[changed(TOILET, handle1Type=None, handle2Type=None)]))

    assert result.wc == ["accessible"]
    assert {"wc[0].handle1Type", "wc[0].handle2Type"} <= set(result.missing)


@pytest.mark.parametrize(
    ("wcs", "has_accessible_toilet"),
    [
        ([], False),
        ([changed(TOILET, doorWidth=60)], False),
        ([changed(TOILET, doorWidth=75)], True),
        ([changed(TOILET, doorWidth=60), TOILET], True),
    ],
)
def test_an_accessible_toilet_means_wc_one_or_two(wcs, has_accessible_toilet):
    assert evaluate(dict(BUILDING, wc=wcs)).has_accessible_toilet is has_accessible_toilet
