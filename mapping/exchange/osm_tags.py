"""The OpenStreetMap tags each published place (and each of its entrances) would carry.

Values follow the iD editor's tagging schema (npm @openstreetmap/id-tagging-schema 7.2.0,
dist/fields.json, ISC licence, Copyright (c) iD Contributors): only the option lists we need are
restated below. Lengths are metres ("0.9"), slopes per cent ("4.5%"), as the OSM wiki asks.
`ramp:wheelchair` is not an iD field; it is a yes/no key per the OSM wiki.

The building survey (the exchange fields) gives wheelchair, toilets:wheelchair and the entrance
tags; the public-space survey (our publicSpace... fields) gives surface, smoothness, incline,
kerb, kerb:height, width, step_count and tactile_paving.
"""

from typing import Any

from mapping.models import Assessment
from mapping.osm_vocabulary import SMOOTHNESS_VALUES

# fields.json "wheelchair" and "toilets/wheelchair" options (without "designated").
WHEELCHAIR_VALUES = ("yes", "limited", "no")
# fields.json "entrance" options we use: entrance1 is the main one, entrance2 the side one.
ENTRANCE_VALUES = ("main", "secondary")
# fields.json "kerb" options.
KERB_VALUES = ("flush", "lowered", "no", "raised", "rolled", "yes")
# fields.json "surface" options.
SURFACE_VALUES = (
    "unpaved",
    "paved",
    "asphalt",
    "concrete",
    "paving_stones",
    "ground",
    "gravel",
    "dirt",
    "grass",
    "compacted",
    "sand",
    "sett",
    "fine_gravel",
    "wood",
    "concrete:plates",
    "pebblestone",
    "grass_paver",
    "metal",
    "unhewn_cobblestone",
    "concrete:lanes",
    "mud",
    "woodchips",
    "salt",
    "artificial_turf",
    "tartan",
    "clay",
)

CATEGORY_TO_WHEELCHAIR = {"accessible": "yes", "partly": "limited", "inaccessible": "no"}
_ENTRANCE_WHEELCHAIR = {
    "NoelevationEntranceAccessibility": "yes",
    "RampEntranceAccessibility": "yes",
    "OneStepEntranceAccessibility": "limited",
    "PlatformEntranceAccessibility": "limited",
    "MoreStepsEntranceAccessibility": "no",
}


def metres(cm: float) -> str:
    return f"{cm / 100:g}"


def percent(value: float) -> str:
    return f"{value:g}%"


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def kerb_for_height(cm: float) -> str:
    """OSM wiki, Key:kerb: flush at 0 cm, lowered up to 3 cm, raised above."""
    if cm <= 0:
        return "flush"
    return "lowered" if cm <= 3 else "raised"


def toilets_wheelchair(wc_categories: list[str]) -> str | None:
    if not wc_categories:
        return None
    best = min(("accessible", "partly", "inaccessible").index(c) for c in wc_categories)
    return WHEELCHAIR_VALUES[best]


def entrance_tags(answers: dict[str, Any], number: int) -> dict[str, str]:
    """Tags of entrance 1 (main) or 2 (side); empty if the survey recorded nothing about it."""
    p = f"entrance{number}"
    if not any(k.startswith(p) for k in answers):
        return {}
    tags = {"entrance": ENTRANCE_VALUES[number - 1]}
    access = answers.get(f"{p}Accessibility")
    if access in _ENTRANCE_WHEELCHAIR:
        tags["wheelchair"] = _ENTRANCE_WHEELCHAIR[access]
    steps = [answers.get(f"{p}Steps{n}NumberOf") for n in (1, 2)]
    if any(isinstance(s, int) for s in steps):
        tags["step_count"] = str(sum(s for s in steps if isinstance(s, int)))
    elif access == "NoelevationEntranceAccessibility":
        tags["step_count"] = "0"
    widths = [
        w for n in (1, 2) if isinstance(w := answers.get(f"{p}Door{n}MainpanelWidth"), int | float)
    ]
    if widths:
        # The narrowest door on the way is the one that decides.
        tags["door:width"] = metres(min(widths))
    relation = "mainEntrance" if number == 1 else "sideEntrance"
    has_ramp = access == "RampEntranceAccessibility" or any(
        r.get("rampRelation") == relation and any(k.startswith("rampleg") for k in r)
        for r in answers.get("rampskids", [])
    )
    if has_ramp:
        tags["ramp:wheelchair"] = "yes"
    elif access in _ENTRANCE_WHEELCHAIR:
        tags["ramp:wheelchair"] = "no"
    incline = answers.get(f"{p}LongitudinalInclination")
    if isinstance(incline, int | float):
        tags["incline"] = percent(incline)
    return tags


def public_space_tags(answers: dict[str, Any]) -> dict[str, str]:
    tags = {}
    if answers.get("publicSpaceSurface") in SURFACE_VALUES:
        tags["surface"] = answers["publicSpaceSurface"]
    if answers.get("publicSpaceSmoothness") in SMOOTHNESS_VALUES:
        tags["smoothness"] = answers["publicSpaceSmoothness"]
    slope = answers.get("publicSpaceLongitudinalSlope")
    if isinstance(slope, int | float):
        tags["incline"] = percent(slope)
    kerb = answers.get("publicSpaceKerbHeight")
    if isinstance(kerb, int | float):
        tags["kerb"] = kerb_for_height(kerb)
        tags["kerb:height"] = metres(kerb)
    width = answers.get("publicSpaceClearWidth")
    if isinstance(width, int | float):
        tags["width"] = metres(width)
    steps = answers.get("publicSpaceStepsNumberOf")
    if isinstance(steps, int):
        tags["step_count"] = str(steps)
    if isinstance(answers.get("publicSpaceIsTactilePaving"), bool):
        tags["tactile_paving"] = _yes_no(answers["publicSpaceIsTactilePaving"])
    return tags


def place_tags(assessment: Assessment) -> dict[str, Any]:
    """{"tags": {...}, "entrances": [{"number": 1, "tags": {...}}, ...]} for one assessment."""
    answers = assessment.answers or {}
    tags: dict[str, str] = {}
    if assessment.wheelchair in CATEGORY_TO_WHEELCHAIR:
        tags["wheelchair"] = CATEGORY_TO_WHEELCHAIR[assessment.wheelchair]
    wc = (assessment.result or {}).get("wc")
    if wc is None:
        wc = ["inaccessible"] * len(answers.get("wc", []))
        if assessment.has_accessible_toilet and wc:
            wc[0] = "accessible"
    toilets = toilets_wheelchair([c for c in wc if c in CATEGORY_TO_WHEELCHAIR])
    if toilets:
        tags["toilets:wheelchair"] = toilets
    tags.update(public_space_tags(answers))
    entrances = [{"number": n, "tags": t} for n in (1, 2) if (t := entrance_tags(answers, n))]
    return {"tags": tags, "entrances": entrances}
