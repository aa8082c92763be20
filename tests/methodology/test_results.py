"""What a result carries besides the categories: reasons in two languages, sensory features,
the exchange values of the categories, and the methodology version that computed it."""

import json

import pytest

from mapping.methodology.engine import evaluate, from_exchange, to_exchange
from mapping.methodology.reasons import FIELD
from mapping.methodology.rules import METHODOLOGY_VERSION, RULESETS, get_ruleset
from mapping.methodology.texts import RULES
from tests.methodology.objects import BUILDING, LIFT, PUBLIC_SPACE, RAMP, TOILET, at, changed


def test_a_reason_gives_rule_measured_and_required_values_in_czech_and_english():
    result = evaluate(changed(BUILDING, entrance1Door1StepHeight=5))

    (reason,) = result.to_dict()["profiles"]["wheelchair"]["reasons"]
    assert reason == {
        "profile": "wheelchair",
        "level": "accessible",
        "rule": "threshold",
        "field": "entrance1Door1StepHeight",
        "measured": 5,
        "required": 2,
        "cs": "Výška prahu dveří – hlavní vstup: dveře 1 – výška prahu: je 5 cm, "
        "požadováno nejvýše 2 cm.",
        "en": "Door threshold height – main entrance: door 1: threshold height: is 5 cm, "
        "required at most 2 cm.",
    }


def test_an_inaccessible_profile_gives_the_reasons_of_both_levels():
    result = evaluate(changed(BUILDING, entrance1Door1StepHeight=16))

    reasons = result.to_dict()["profiles"]["seniors"]["reasons"]
    assert [(r["level"], r["required"]) for r in reasons] == [("accessible", 7), ("partly", 15)]


def test_a_ramp_reason_says_which_band_applied_with_a_decimal_comma_in_czech():
    ramp = changed(RAMP, rampleg1Length=450, rampleg1Inclination=8.5)

    reason = evaluate(dict(BUILDING, rampskids=[ramp])).to_dict()["profiles"]["pram"]["reasons"][0]

    assert reason["required"] == 8.0
    assert "je 8,5 %, požadováno nejvýše 8 % (nejdelší rameno 4,5 m)" in reason["cs"]
    assert "is 8.5 %, required at most 8 % (longest leg 4.5 m)" in reason["en"]


def test_every_rule_renders_in_both_languages():
    broken = changed(
        BUILDING,
        entrance1Accessibility="MoreStepsEntranceAccessibility",
        entrance1Steps1NumberOf=4,
        objectInteriorAccessibility="InaccessibleObjectInteriorAccessibility",
        entrance1Door1MainpanelWidth=40,
        entrance1Door1StepHeight=20,
        objectIsNarrowedPassage=True,
        objectNarrowedPassageWidth=50,
        objectStairsIsBannister=False,
        rampskids=[changed(RAMP, rampleg1Width=90, rampleg1Inclination=20.0, rampIsHandle=False)],
        elevator=[changed(LIFT, door1Width=50, elevatorCageWidth=70, elevatorCageDepth=90,
                          elevatorIsCageSeat=False, elevatorIsCageHandle=False)],
        platform=[{"entryarea1Width": 50, "entryarea2Width": 50, "platformWidth": 50,
                   "platformDepth": 50}],
        wc=[changed(TOILET, wcCabinLocalization="GentsWCCabinLocalization", doorWidth=60,
                    hallway1DoorWidth=60, doorOpeningDirection="InwardsDoorOpeningDirection",
                    wcCabinWidth=100, wcCabinDepth=100, wcBasinRightDistance=40, handle2Type=None,
                    wcBasinIsPaperReach=False, washbasinUnderpass="InsufficientWashbasinUnderpass",
                    wcBasinSpace="BlockedbyfixedWCBasinSpace", wcIsAlarmbutton=False,
                    wcBasinSeatHeight=40, wcIsChangingdesk=False)],
    )  # fmt: skip

    result = evaluate(broken).to_dict()

    rules = set()
    for part in [*result["profiles"].values(), *result["toilets"]]:
        for reason in part["reasons"]:
            assert reason["cs"] and reason["en"] and reason["cs"] != reason["en"]
            rules.add(reason["rule"])
    assert result["wheelchair"] == result["seniors"] == result["pram"] == "inaccessible"
    assert rules == {rule for rule in RULES if not rule.startswith("ps_")}
    json.dumps(result)


def test_public_space_reasons_name_the_decree_values():
    result = evaluate(changed(PUBLIC_SPACE, publicSpaceCrossSlope=3.5)).to_dict()

    reason = result["profiles"]["wheelchair"]["reasons"][0]
    assert (reason["rule"], reason["measured"], reason["required"]) == ("ps_cross_slope", 3.5, 2.0)
    assert "je 3,5 %, požadováno nejvýše 2 %" in reason["cs"]


def test_sensory_features_are_listed_without_a_category():
    answers = changed(
        BUILDING,
        entrance1Guidingline="NaturalArtificialEntranceGuidingline",
        entrance1ContrastMarkingLocalization="BottomTopContrastMarkingLocalization",
        objectContrastMarkingLocalization="MissingContrastMarkingLocalization",
        entrance1StepsIsContrastMarked=True,
        objectIsAOB=True,
        sensoryIsInductionLoop=True,
        sensoryIsIntercomVisualSignal=True,
        elevator=[changed(LIFT, elevatorIsControl1BrailleMarking=True,
                          elevatorControl2ReliefMarking="ProtrudingElevatorControlReliefMarking",
                          elevatorIsCageControlAnnouncementPhonetic=True,
                          elevatorControl2FlatMarking="DigitalElevatorControlFlatMarking")],
        wc=[changed(TOILET, hallway1DoorMarking="DoorIsBrailleMarking")],
    )  # fmt: skip

    sensory = evaluate(answers).to_dict()["sensory"]

    assert [(f["feature"], f["field"]) for f in sensory["vision"]] == [
        ("guiding_line_natural", "entrance1Guidingline"),
        ("guiding_line_artificial", "entrance1Guidingline"),
        ("contrast_glass", "entrance1ContrastMarkingLocalization"),
        ("contrast_steps", "entrance1StepsIsContrastMarked"),
        ("acoustic_beacon", "objectIsAOB"),
        ("lift_braille", "elevator[0].elevatorIsControl1BrailleMarking"),
        ("lift_relief", "elevator[0].elevatorControl2ReliefMarking"),
        ("spoken_announcement", "elevator[0].elevatorIsCageControlAnnouncementPhonetic"),
        ("door_braille", "wc[0].hallway1DoorMarking"),
    ]
    assert [f["feature"] for f in sensory["hearing"]] == [
        "induction_loop",
        "intercom_visual",
        "lift_visual_display",
    ]
    assert sensory["hearing"][0]["cs"] == "indukční smyčka"


def test_a_building_with_nothing_for_the_senses_lists_nothing():
    assert evaluate(BUILDING).to_dict()["sensory"] == {"vision": [], "hearing": []}


@pytest.mark.parametrize(
    ("category", "wc", "exchange"),
    [
        ("accessible", False, "AccessibleObjectMKPO"),
        ("partly", False, "PartlyAccessibleObjectMKPO"),
        ("inaccessible", False, "InAccessibleObjectMKPO"),
        ("accessible", True, "AccessibleWCMKPO"),
        ("partly", True, "PartlyAccessibleWCMKPO"),
        ("inaccessible", True, "InAccessibleWCMKPO"),
    ],
)
def test_categories_map_to_and_from_the_exchange_values(category, wc, exchange):
    assert to_exchange(category, wc=wc) == exchange
    assert from_exchange(exchange) == category


def test_an_unknown_exchange_category_is_rejected():
    with pytest.raises(ValueError, match="Unknown exchange category"):
        from_exchange("VeryAccessible")


def test_the_result_names_the_methodology_version():
    assert evaluate(BUILDING).version == METHODOLOGY_VERSION == "mkpo-mbb-2026.1"


@pytest.mark.parametrize(
    ("changes", "mbb", "variant"),
    [
        # the variant allows 8 % up to 12 m and ramps 100 cm wide
        ({"rampleg1Length": 1000, "rampleg1Inclination": 8.0}, "accessible", "accessible"),
        ({"rampleg1Width": 105}, "inaccessible", "accessible"),
        ({"rampleg1Width": 99}, "inaccessible", "inaccessible"),
        ({"rampleg1Length": 1100, "rampleg1Inclination": 12.6}, "inaccessible", "inaccessible"),
    ],
)
def test_a_town_can_switch_to_the_other_published_ramp_variant(changes, mbb, variant):
    answers = dict(BUILDING, rampskids=[changed(RAMP, **changes)])

    assert evaluate(answers).categories["wheelchair"] == mbb
    result = evaluate(answers, version="mkpo-12m-2026.1")
    assert result.categories["wheelchair"] == variant
    assert result.version == "mkpo-12m-2026.1"


def test_an_unknown_methodology_version_names_the_known_ones():
    with pytest.raises(KeyError, match="mkpo-mbb-2026.1"):
        get_ruleset("mkpo-1999")
    assert set(RULESETS) == {"mkpo-mbb-2026.1", "mkpo-12m-2026.1"}


def test_a_yes_no_answer_reads_as_plain_czech_and_english():
    from mapping.methodology.texts import reason_dict

    result = evaluate(at(BUILDING, "elevator[0].elevatorIsCageSeat", False))
    reason = next(
        reason_dict(r) for r in result.all_reasons() if r[FIELD] == "elevator[0].elevatorIsCageSeat"
    )
    assert reason["cs"].endswith(": ne, požadováno ano.")
    assert reason["en"].endswith(": no, required yes.")
