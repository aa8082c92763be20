"""Reading OpenStreetMap tag values as mappers really write them. Pure Python, no Django.

Every reader returns None for a value it cannot understand, so that an odd tag makes the value
unknown rather than wrong. Real oddities seen in the extracts: incline=14 (no %), incline=up,
width=1,5 and width="ca. 2", wheelchair=unknown, surface=cobblestone (deprecated),
smoothness=r, crossing=island;uncontrolled.
"""

import math
import re

from mapping.osm_vocabulary import SMOOTHNESS_VALUES, WHEELS_CANNOT_PASS_IN_ORDER

_NUMBER = r"[-+−]?\s*\d+(?:[.,]\d+)?|[-+−]?\s*[.,]\d+"


def _to_float(text: str) -> float:
    return float(text.replace(" ", "").replace(",", ".").replace("−", "-"))


def _numbers(value: str) -> list[float]:
    return [_to_float(m) for m in re.findall(_NUMBER, value)]


def parse_incline(value: str | None) -> tuple[float | None, int]:
    """(slope in % signed along the way, direction of a value-less up/down).

    '10%' -> (10, 0); '-8 %' -> (-8, 0); '5°' -> (8.75, 0); '14' -> (14, 0) (a bare number is a
    per cent, as the wiki says); '1:12' -> (8.33, 0); 'up' -> (None, 1); 'down' -> (None, -1);
    '10%-15%' (a range) -> the steeper end; '-', 'yes', 'steep' -> (None, 0).
    """
    if value is None:
        return None, 0
    text = value.strip().lower()
    if not text:
        return None, 0
    if text in {"up", "upward", "upwards"}:
        return None, 1
    if text in {"down", "downward", "downwards"}:
        return None, -1
    ratio = re.fullmatch(r"(\d+(?:[.,]\d+)?)\s*:\s*(\d+(?:[.,]\d+)?)", text)
    if ratio:
        rise, run = _to_float(ratio.group(1)), _to_float(ratio.group(2))
        return (round(100 * rise / run, 2) if run else None), 0
    # A range such as "10%-15%" or "5-10%": keep the steeper end, with the sign of the first.
    range_match = re.fullmatch(
        r"([-+−]?)\s*(\d+(?:[.,]\d+)?)\s*(%|°)?\s*(?:-|–|to)\s*(\d+(?:[.,]\d+)?)\s*(%|°)?", text
    )
    if range_match:
        sign = -1.0 if range_match.group(1) in {"-", "−"} else 1.0
        unit = range_match.group(5) or range_match.group(3) or "%"
        steeper = max(_to_float(range_match.group(2)), _to_float(range_match.group(4)))
        return _with_unit(sign * steeper, unit), 0
    single = re.fullmatch(r"([-+−]?\s*\d*(?:[.,]\d+)?|[-+−]?\s*\d+)\s*(%|°|deg|degrees?)?", text)
    if single and re.search(r"\d", single.group(1)):
        return _with_unit(_to_float(single.group(1)), single.group(2) or "%"), 0
    return None, 0


def _with_unit(number: float, unit: str) -> float | None:
    if unit == "%":
        return number
    # Degrees: a slope of 45° or more is a wall or a typo, not a way.
    if abs(number) >= 45:
        return None
    return round(math.tan(math.radians(number)) * 100, 2)


def parse_length_cm(value: str | None) -> float | None:
    """A width or height in centimetres.

    '2' -> 200 (OSM's default unit is the metre); '1,5' -> 150; 'ca. 2' -> 200; '2 m' -> 200;
    '80 cm' -> 80; '30 mm' -> 3; "2'6\"" -> 76.2; '1.5-2' -> 150 (the narrower end, to be safe).
    A bare number of 30 or more cannot be metres on a footway: it is read as centimetres.
    """
    if value is None:
        return None
    text = value.strip().lower().replace("approx.", "").replace("ca.", "").replace("~", "")
    text = text.replace("circa", "").strip()
    if not text:
        return None
    feet = re.fullmatch(r"(\d+(?:\.\d+)?)\s*'\s*(?:(\d+(?:\.\d+)?)\s*\")?", text)
    if feet:
        inches = float(feet.group(1)) * 12 + float(feet.group(2) or 0)
        return round(inches * 2.54, 1)
    match = re.fullmatch(
        r"(\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:(?:-|–)\s*(\d+(?:[.,]\d+)?)\s*)?(mm|cm|m|metres?|meters?)?",
        text,
    )
    if not match:
        return None
    number = _to_float(match.group(1))
    if match.group(2):
        number = min(number, _to_float(match.group(2)))
    unit = match.group(3)
    if unit is None:
        unit = "cm" if number >= 30 else "m"
    factor = {"mm": 0.1, "cm": 1.0}.get(unit, 100.0)
    return round(number * factor, 1)


def parse_kerb_height_cm(value: str | None) -> float | None:
    """kerb:height in centimetres: '0.03' -> 3, '3 cm' -> 3, '30mm' -> 3, '0,02' -> 2.

    A bare number above 0.5 cannot be metres for a kerb, so '3' is read as 3 cm.
    """
    if value is None:
        return None
    text = value.strip().lower()
    bare = re.fullmatch(_NUMBER, text)
    if bare:
        number = _to_float(text)
        if number < 0:
            return None
        return round(number * 100, 1) if number <= 0.5 else number
    height = parse_length_cm(text)
    return height if height is not None and height >= 0 else None


# Heights for kerb=* without a measurement. Lowered kerbs are built to at most 2 cm in Czechia
# (the 398/2009 decree); a rolled kerb is sloped but still a bump; a raised kerb is a full step.
KERB_HEIGHTS_CM = {
    "flush": 0.0,
    "no": 0.0,
    "none": 0.0,
    "lowered": 2.0,
    "rolled": 3.0,
    "raised": 12.0,
    "regular": 12.0,
    "normal": 12.0,
}


def kerb_height_from_tags(tags: dict[str, str]) -> float | None:
    """A measured kerb:height wins over the kerb=* class."""
    measured = parse_kerb_height_cm(tags.get("kerb:height"))
    if measured is not None:
        return measured
    kind = (tags.get("kerb") or "").strip().lower()
    return KERB_HEIGHTS_CM.get(kind)


def parse_yes_no(value: str | None) -> bool | None:
    if value is None:
        return None
    text = value.strip().lower()
    if text in {"yes", "true", "1", "designated", "24/7", "automatic", "limited", "interval"}:
        return True
    if text in {"no", "false", "0", "disused", "none"}:
        return False
    return None


def parse_tactile_paving(value: str | None) -> bool | None:
    if value is None:
        return None
    text = value.strip().lower()
    if text in {"yes", "contrasted", "primitive", "partial"}:
        return True
    if text in {"no", "incorrect"}:
        return False
    return None


def parse_step_count(value: str | None) -> int | None:
    """'12' -> 12; '12;3' (flights) -> 15; '~10' -> 10; 'many' -> None."""
    if value is None:
        return None
    numbers = re.findall(r"\d+", value)
    if not numbers or len(numbers) != len(value.replace("~", "").split(";")):
        return None
    return sum(int(n) for n in numbers)


WHEELCHAIR_VALUES = {"yes", "limited", "no", "designated"}


def parse_wheelchair(value: str | None) -> str:
    """wheelchair=yes|limited|no (designated counts as yes); anything else is unknown ('')."""
    text = (value or "").strip().lower()
    if text == "designated":
        return "yes"
    return text if text in WHEELCHAIR_VALUES else ""


# Deprecated or misspelt surfaces mapped to the current value (the iD editor's deprecated.json).
SURFACE_ALIASES = {
    "cobblestone": "sett",
    "cobblestone:flattened": "sett",
    "paving_stone": "paving_stones",
    "earth": "dirt",
    "soil": "dirt",
    "stone": "rock",
}
# Worst first: a multi-valued surface such as "paved;cobblestone" is as bad as its worst part.
_SURFACE_RANK = [
    "mud",
    "sand",
    "stepping_stones",
    "rock",
    "unhewn_cobblestone",
    "grass",
    "woodchips",
    "pebblestone",
    "gravel",
    "dirt",
    "ground",
    "grass_paver",
    "sett",
    "unpaved",
    "fine_gravel",
    "compacted",
]
ROUGH_SURFACES = frozenset(_SURFACE_RANK[:-2])
COBBLES = frozenset({"sett", "unhewn_cobblestone", "pebblestone"})
# Smoothness from very_bad on is as rough as a rough surface (the import marks both rough).
BAD_SMOOTHNESS = SMOOTHNESS_VALUES[SMOOTHNESS_VALUES.index("very_bad") :]


def parse_surface(value: str | None) -> str:
    if not value:
        return ""
    parts = [SURFACE_ALIASES.get(p.strip().lower(), p.strip().lower()) for p in value.split(";")]
    parts = [p for p in parts if p]
    ranked = [p for p in parts if p in _SURFACE_RANK]
    if ranked:
        return min(ranked, key=_SURFACE_RANK.index)
    return parts[0] if parts else ""


def parse_smoothness(value: str | None) -> str:
    text = (value or "").strip().lower()
    return text if text in SMOOTHNESS_VALUES else ""


# Surface grades (surface_class): 0 smooth, 1 uneven (passable, uncomfortable on small wheels),
# 2 rough (loose or broken: a manual wheelchair gets stuck), 3 impassable for any wheels. Each
# profile says up to which grade it may go (route_profiles.Limits.max_surface_class); from grade
# 1 on a way is "rough": a soft cost with a warning, a block when the visitor avoids rough
# surfaces. Where smoothness=* is tagged it wins, as it says what the wheels feel; the wiki's
# smoothness page names "intermediate" as the worst a wheelchair uses normally, "bad" as what a
# trekking bike still takes, "very_bad" and worse as for high-clearance vehicles only.
SURFACE_CLASS = {
    # Compacted and fine gravel stay 0: the usual firm park path that wheelchairs use.
    **dict.fromkeys(("sett", "grass_paver"), 1),
    **dict.fromkeys(
        (
            "unhewn_cobblestone",
            "pebblestone",
            "gravel",
            "dirt",
            "ground",
            "grass",
            "woodchips",
            "unpaved",
        ),
        2,
    ),
    **dict.fromkeys(("mud", "sand", "rock", "stepping_stones"), 3),
}
SMOOTHNESS_CLASS = {
    "excellent": 0,
    "good": 0,
    "intermediate": 0,
    "bad": 1,
    "very_bad": 2,
    "horrible": 2,
    "very_horrible": 3,
    "impassable": 3,
}


def surface_class(surface: str, smoothness: str) -> int:
    """The grade of a way's surface (see SURFACE_CLASS), from its parsed surface and smoothness."""
    if smoothness in SMOOTHNESS_CLASS:
        return SMOOTHNESS_CLASS[smoothness]
    return SURFACE_CLASS.get(surface, 0)


# Barrier and entrance nodes that a pedestrian meets on a way (barrier=*, entrance=*,
# railway=subway_entrance, highway=elevator: the OSM wiki's Key:barrier and Key:entrance). A node
# is read into the kind that the profiles judge (route_profiles.Limits.impassable_barriers), its
# wheelchair=* and whether access=*/foot=* closes it to pedestrians. When one edge holds several,
# the first in this order is kept: the kind that the most profiles cannot pass.
BARRIER_RANK = (
    *WHEELS_CANNOT_PASS_IN_ORDER,
    "cycle_barrier",
    "subway_entrance",
    "entrance",
    "elevator",
)
ENTRANCE_KINDS = frozenset({"subway_entrance", "entrance"})
FOOT_FORBIDDEN = frozenset({"no", "private", "use_sidepath"})
FOOT_ALLOWED = frozenset({"yes", "designated", "permissive", "official", "destination"})
ACCESS_FORBIDDEN = frozenset({"no", "private"})


def barrier_kind(node_tags: dict[str, str]) -> str:
    """The kind of barrier or entrance a node is ('' for none; a kerb is read as a kerb)."""
    barrier = (node_tags.get("barrier") or "").strip().lower()
    if barrier and barrier != "kerb":
        return barrier[:40]
    if node_tags.get("railway") == "subway_entrance":
        return "subway_entrance"
    if node_tags.get("highway") == "elevator":
        return "elevator"
    if node_tags.get("entrance"):
        return "entrance"
    return ""


def closed_to_pedestrians(tags: dict[str, str]) -> bool:
    foot = (tags.get("foot") or "").strip().lower()
    if foot in FOOT_FORBIDDEN:
        return True
    access = (tags.get("access") or "").strip().lower()
    return access in ACCESS_FORBIDDEN and foot not in FOOT_ALLOWED


def _wheelchair_rank(value: str) -> int:
    return {"no": 0, "limited": 1, "": 2, "yes": 3}.get(value, 2)


def worse_barrier(current: tuple[str, str, bool], new: tuple[str, str, bool]) -> tuple:
    """Two (kind, wheelchair, closed) barriers on one edge as one: the kind first in
    BARRIER_RANK, the worse wheelchair value, closed if either is."""
    if not current[0]:
        return new

    def rank(kind: str) -> int:
        return BARRIER_RANK.index(kind) if kind in BARRIER_RANK else len(BARRIER_RANK)

    kind = min(current[0], new[0], key=rank)
    wheelchair = min(current[1], new[1], key=_wheelchair_rank)
    return kind, wheelchair, current[2] or new[2]
