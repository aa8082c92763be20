"""Survey answers for the engine's tests: a building that is accessible for every profile with every
measurement recorded, and a way to change one measurement of it.

Each part is at a comfortable distance from every limit, so that a test that moves one
measurement to a limit tests that limit only.
"""

import copy
import re

LEVEL = "NoelevationEntranceAccessibility"

RAMP = {
    "rampRelation": "mainEntrance",
    "rampNumberOfLegs": 1,
    "rampleg1Width": 150,
    "rampleg1Length": 250,
    "rampleg1Inclination": 6.0,
    "rampIsHandle": True,
}
LIFT = {
    "door1Width": 90,
    "elevatorIsCagePassthrough": True,
    "door2Width": 90,
    "elevatorCageWidth": 110,
    "elevatorCageDepth": 140,
    "elevatorIsCageSeat": True,
    "elevatorIsCageHandle": True,
}
PLATFORM = {
    "platformWidth": 90,
    "platformDepth": 120,
    "entryarea1Width": 150,
    "entryarea2Width": 150,
}
TOILET = {
    "wcCabinLocalization": "SelfcontainedWCCabinLocalization",
    "hallway1Width": 150,
    "hallway1DoorWidth": 90,
    "doorWidth": 90,
    "doorOpeningDirection": "OutwardsDoorOpeningDirection",
    "wcCabinWidth": 180,
    "wcCabinDepth": 180,
    "wcBasinLeftDistance": 30,
    "wcBasinRightDistance": 90,
    "handle1Type": "FoldingHandleType",
    "handle2Type": "FixedHandleType",
    "wcBasinIsPaperReach": True,
    "washbasinUnderpass": "SufficientWashbasinUnderpass",
    "wcBasinSpace": "FreeWCBasinSpace",
    "wcIsAlarmbutton": True,
    "wcBasinSeatHeight": 46,
    "wcIsChangingdesk": True,
}
BUILDING = {
    "title": "Městský úřad",
    "accessibility": "AccessibleObjectMKPO",
    "mappingDate": "2026-05-12T10:00:00",
    "objectType": "MunicipalOfficeObjectCategory",
    "entrance1Accessibility": LEVEL,
    "entrance1Door1MainpanelWidth": 90,
    "entrance1Door1StepHeight": 0,
    "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
    "objectIsNarrowedPassage": False,
    "objectIsStairs": True,
    "objectStairsIsBannister": True,
    "rampskids": [RAMP],
    "elevator": [LIFT],
    "platform": [PLATFORM],
    "wc": [TOILET],
}
PUBLIC_SPACE = {
    "title": "Náměstí Sigmunda Freuda",
    "publicSpaceSurface": "paving_stones",
    "publicSpaceSmoothness": "good",
    "publicSpaceLongitudinalSlope": 3.0,
    "publicSpaceCrossSlope": 1.0,
    "publicSpaceKerbHeight": 0,
    "publicSpaceClearWidth": 200,
    "publicSpaceStepsNumberOf": 0,
}

# Every measurement of BUILDING that a rule reads: without it, the engine lists it as missing.
MEASUREMENTS = [
    "entrance1Accessibility",
    "objectInteriorAccessibility",
    "entrance1Door1MainpanelWidth",
    "entrance1Door1StepHeight",
    "objectIsNarrowedPassage",
    "objectIsStairs",
    "objectStairsIsBannister",
    "rampskids[0].rampleg1Length",
    "rampskids[0].rampleg1Inclination",
    "rampskids[0].rampleg1Width",
    "rampskids[0].rampIsHandle",
    "elevator[0].door1Width",
    "elevator[0].door2Width",
    "elevator[0].elevatorCageWidth",
    "elevator[0].elevatorCageDepth",
    "elevator[0].elevatorIsCageSeat",
    "elevator[0].elevatorIsCageHandle",
    "platform[0].entryarea1Width",
    "platform[0].platformWidth",
    "platform[0].platformDepth",
    "wc[0].wcCabinLocalization",
    "wc[0].doorWidth",
    "wc[0].hallway1DoorWidth",
    "wc[0].doorOpeningDirection",
    "wc[0].wcCabinWidth",
    "wc[0].wcCabinDepth",
    "wc[0].wcBasinIsPaperReach",
    "wc[0].washbasinUnderpass",
    "wc[0].wcBasinSpace",
    "wc[0].wcIsAlarmbutton",
    "wc[0].wcBasinSeatHeight",
    "wc[0].wcIsChangingdesk",
]

_PATH = re.compile(r"^(\w+)(?:\[(\d+)\]\.(\w+))?$")


def changed(base: dict, **changes) -> dict:
    """A deep copy of `base` with fields set; `None` removes a field.

    Item fields are written `wc__0__doorWidth` (Python names cannot hold brackets).
    """
    answers = copy.deepcopy(base)
    for name, value in changes.items():
        target, key = answers, name
        if "__" in name:
            group, index, key = name.split("__")
            target = answers[group][int(index)]
        if value is None:
            target.pop(key, None)
        else:
            target[key] = value
    return answers


def at(base: dict, path: str, value) -> dict:
    """`changed()` with a field path as the engine writes it: `wc[0].doorWidth`."""
    m = _PATH.match(path)
    if m.group(2) is None:
        return changed(base, **{path: value})
    return changed(base, **{f"{m.group(1)}__{m.group(2)}__{m.group(3)}": value})


# A ramp 105 cm wide: too narrow for every profile under the current version (mkpo-mbb-2026.1
# asks 110 cm), wide enough under the other published reading (mkpo-12m-2026.1 asks 100 cm).
NARROW_RAMP = changed(BUILDING, rampskids__0__rampleg1Width=105)
# (settings.METHODOLOGY_VERSION, the version a categorisation records, NARROW_RAMP's category)
UNDER_EACH_VERSION = [
    ("", "mkpo-mbb-2026.1", "inaccessible"),
    ("mkpo-12m-2026.1", "mkpo-12m-2026.1", "accessible"),
]
