"""What is present for blind and low-vision, and for deaf and hard-of-hearing people.

MKPO categorises mobility only; for the sensory profiles we list features, without a category.
Each feature is `(feature id, field path)`; texts live in texts.FEATURES.
"""

from typing import Literal, TypeAlias

from mapping.methodology.answers import Answers

NATURAL = ("NaturalEntranceGuidingline", "NaturalArtificialEntranceGuidingline")
ARTIFICIAL = ("ArtificialEntranceGuidingline", "NaturalArtificialEntranceGuidingline")
NO_MARKING = "MissingContrastMarkingLocalization"
DIGITAL = ("DigitalElevatorControlFlatMarking", "GraphicDigitalElevatorControlFlatMarking")

Test: TypeAlias = Literal[True, "marked", "any"] | tuple[str, ...]
Table: TypeAlias = tuple[tuple[str, str, str, Test], ...]

# (field, feature, profile, test) for the top-level fields; test: True = the value is true,
# a tuple = the value is one of these, "marked" = a contrast marking other than "missing".
_TOP: Table = tuple(
    item
    for pre in ("entrance1", "entrance2")
    for item in (
        (pre + "Guidingline", "guiding_line_natural", "vision", NATURAL),
        (pre + "Guidingline", "guiding_line_artificial", "vision", ARTIFICIAL),
        (pre + "ContrastMarkingLocalization", "contrast_glass", "vision", "marked"),
        (pre + "StepsIsContrastMarked", "contrast_steps", "vision", True),
        (pre + "IsAOB", "acoustic_beacon", "vision", True),
    )
) + (
    ("objectContrastMarkingLocalization", "contrast_glass", "vision", "marked"),
    ("objectStepsIsContrastMarked", "contrast_steps", "vision", True),
    ("objectIsAOB", "acoustic_beacon", "vision", True),
    ("objectIsNavigationSystem", "wayfinding_system", "vision", True),
    ("publicSpaceIsTactilePaving", "tactile_paving", "vision", True),
    ("publicSpaceIsAcousticSignal", "acoustic_signal", "vision", True),
    ("sensoryIsInductionLoop", "induction_loop", "hearing", True),
    ("sensoryIsIntercomVisualSignal", "intercom_visual", "hearing", True),
)
_ELEVATOR: Table = (
    ("elevatorIsAOB", "acoustic_beacon", "vision", True),
    ("elevatorIsControl1BrailleMarking", "lift_braille", "vision", True),
    ("elevatorIsControl2BrailleMarking", "lift_braille", "vision", True),
    ("elevatorControl1ReliefMarking", "lift_relief", "vision", "any"),
    ("elevatorControl2ReliefMarking", "lift_relief", "vision", "any"),
    ("elevatorIsCageControlAnnouncementAcoustic", "acoustic_announcement", "vision", True),
    ("elevatorIsCageControlAnnouncementPhonetic", "spoken_announcement", "vision", True),
    ("elevatorAOBAnnouncementsScheme", "acoustic_announcement", "vision", "any"),
    ("elevatorControl1FlatMarking", "lift_visual_display", "hearing", DIGITAL),
    ("elevatorControl2FlatMarking", "lift_visual_display", "hearing", DIGITAL),
)
_WC: Table = (
    ("hallway1DoorMarking", "door_braille", "vision", ("DoorIsBrailleMarking",)),
    ("hallway2DoorMarking", "door_braille", "vision", ("DoorIsBrailleMarking",)),
    ("wcIsRegularWCBrailleMarking", "door_braille", "vision", True),
)


def _present(value: object, test: Test) -> bool:
    if value is None:
        return False
    if test is True:
        return value is True
    if test == "marked":
        return value != NO_MARKING
    if test == "any":
        return True
    return value in test


def _scan(obj: Answers, table: Table, prefix: str, out: dict[str, list[tuple[str, str]]]) -> None:
    g = obj.get
    for key, feature, profile, test in table:
        if _present(g(key), test):
            out[profile].append((feature, prefix + key))


def sensory_features(answers: Answers) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {"vision": [], "hearing": []}
    _scan(answers, _TOP, "", out)
    for name, table in (("elevator", _ELEVATOR), ("wc", _WC)):
        for i, item in enumerate(answers.get(name) or ()):
            _scan(item, table, f"{name}[{i}].", out)
    return out
