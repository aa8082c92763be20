"""One pass over an exchange object: the measurements the rules read, and what is missing.

Aggregates come first (the narrowest door, the highest threshold, ...) so that a rule usually needs
one comparison; the lists beside them let a failing rule name every offending door, leg or lift.
Field paths are exchange property names; items of the lists are `rampskids[0].rampleg1Length`.
"""

from collections.abc import Sequence
from typing import TypeAlias

from mapping.methodology.answers import Answers
from mapping.methodology.rules import MORE_STEPS
from mapping.methodology.toilets import ToiletFacts

# A measurement and the path of the field it came from: `(80, "entrance1Door1MainpanelWidth")`.
Measured: TypeAlias = tuple[float, str]
# Per ramp or skids: longest leg, steepest leg, narrowest leg, handrail, the item's path prefix.
RampFacts: TypeAlias = tuple[Measured | None, Measured | None, Measured | None, bool | None, str]
# Per lift or platform lift: its doors (entry areas), cabin (platform) width and depth, prefix.
LiftFacts: TypeAlias = tuple[list[Measured], float | None, float | None, str]

DOUBLE_DOOR = "DoublepanelledDoorType"

_DOOR_SUFFIXES = ("MainpanelWidth", "SidepanelWidth", "Type", "Opening", "OpeningDirection",
                  "StepHeight")  # fmt: skip


def _door(n: int, d: int) -> tuple[int, int, str, str, str, str, tuple[str, ...]]:
    pre = f"entrance{n}Door{d}"
    return (n, d, pre + "MainpanelWidth", pre + "SidepanelWidth", pre + "Type", pre + "StepHeight",
            tuple(pre + s for s in _DOOR_SUFFIXES))  # fmt: skip


_DOORS = tuple(_door(n, d) for n in (1, 2) for d in (1, 2))
_ENTRANCES = tuple(
    (n, f"entrance{n}Accessibility", f"entrance{n}Steps1NumberOf", f"entrance{n}Steps2NumberOf")
    for n in (1, 2)
)
# Entrance 2 exists when its way in or its first door is recorded (its parking alone does not
# make it); a second door exists when any of its fields is. Explicit key tests: a set operation
# over the whole object costs more than these few lookups.
_ENTRANCE2_KEYS = ("entrance2Accessibility", "entrance2Door1MainpanelWidth",
                   "entrance2Door1StepHeight", "entrance2Localization")  # fmt: skip
_LEGS = tuple(
    (n, f"rampleg{n}Width", f"rampleg{n}Length", f"rampleg{n}Inclination") for n in (1, 2, 3, 4)
)
_SKIDS_KEYS = ("skidsLocalization", "skidsMobility", "skidsInclination", "skidsLength")
PUBLIC_SPACE_MEASURES = (
    "publicSpaceLongitudinalSlope",
    "publicSpaceCrossSlope",
    "publicSpaceKerbHeight",
    "publicSpaceClearWidth",
    "publicSpaceStepsNumberOf",
)
BUILDING_KEYS = (
    "entrance1Accessibility",
    "objectInteriorAccessibility",
    "entrance1Door1MainpanelWidth",
)


class Facts:
    """The measurements of one object that the rules read; None (or empty) where absent."""

    building: bool
    door_main: Measured | None
    door_total: Measured | None
    # (main panel, main + side panel, the main panel's path) of every door
    doors: list[tuple[float, float, str]]
    # (way in, number of steps of a "more steps" entrance, the field's path)
    entrances: list[tuple[str, int | None, str]]
    interior: str | None
    lift_cabin_depth: Measured | None
    lift_cabin_width: Measured | None
    lift_door: Measured | None
    lift_no_handrail: str | None
    lift_no_seat: str | None
    lifts: list[LiftFacts] | None
    missing: list[str]
    narrowed: bool | None
    narrowed_width: float | None
    platform_depth: Measured | None
    platform_entry: Measured | None
    platform_width: Measured | None
    platforms: list[LiftFacts] | None
    public_space: dict[str, float] | None
    ramps: Sequence[RampFacts]
    stairs_no_banister: bool | None
    threshold: Measured | None
    thresholds: list[Measured]
    toilets: Sequence[ToiletFacts]

    __slots__ = (
        "building",
        "door_main",
        "door_total",
        "doors",
        "entrances",
        "interior",
        "lift_cabin_depth",
        "lift_cabin_width",
        "lift_door",
        "lift_no_handrail",
        "lift_no_seat",
        "lifts",
        "missing",
        "narrowed",
        "narrowed_width",
        "platform_depth",
        "platform_entry",
        "platform_width",
        "platforms",
        "public_space",
        "ramps",
        "stairs_no_banister",
        "threshold",
        "thresholds",
        "toilets",
    )


def _min(cur: Measured | None, value: float, path: str) -> Measured:
    return (value, path) if cur is None or value < cur[0] else cur


def is_public_space(a: Answers) -> bool:
    """A public-space survey: public-space measurements and none of a building's basics."""
    for k in BUILDING_KEYS:
        if k in a:
            return False
    return "publicSpaceSurface" in a or any(k in a for k in PUBLIC_SPACE_MEASURES)


def extract(a: Answers) -> Facts:  # noqa: C901 - one straight pass is the fast path
    f = Facts()
    g = a.get
    missing: list[str] = []
    f.missing = missing
    f.building = building = not is_public_space(a)
    has_e2 = False
    for k in _ENTRANCE2_KEYS:
        if k in a:
            has_e2 = True
            break

    entrances: list[tuple[str, int | None, str]] = []
    if building:
        for n, acc_key, steps1, steps2 in _ENTRANCES:
            if n == 2 and not has_e2:
                continue
            kind = g(acc_key)
            if kind is None:
                missing.append(acc_key)
                continue
            steps = None
            if kind == MORE_STEPS:
                s1, s2 = g(steps1), g(steps2)
                if s1 is None and s2 is None:
                    missing.append(steps1)
                else:
                    steps = (s1 or 0) + (s2 or 0)
            entrances.append((kind, steps, acc_key))
        f.interior = g("objectInteriorAccessibility")
        if f.interior is None:
            missing.append("objectInteriorAccessibility")
    else:
        f.interior = None
    f.entrances = entrances

    door_main: Measured | None = None
    door_total: Measured | None = None
    threshold: Measured | None = None
    doors: list[tuple[float, float, str]] = []
    thresholds: list[Measured] = []
    if building:
        for n, d, main_k, side_k, type_k, step_k, keys in _DOORS:
            if n == 2 and not has_e2:
                continue
            if d == 2:
                for k in keys:
                    if k in a:
                        break
                else:
                    continue
            main = g(main_k)
            if main is None:
                missing.append(main_k)
            else:
                side = g(side_k)
                if side is None and g(type_k) == DOUBLE_DOOR:
                    missing.append(side_k)
                total = main + side if side is not None else main
                doors.append((main, total, main_k))
                door_main = _min(door_main, main, main_k)
                door_total = _min(door_total, total, main_k)
            step = g(step_k)
            if step is None:
                missing.append(step_k)
            else:
                thresholds.append((step, step_k))
                if threshold is None or step > threshold[0]:
                    threshold = (step, step_k)
    f.door_main, f.door_total, f.doors = door_main, door_total, doors
    f.threshold, f.thresholds = threshold, thresholds

    f.narrowed = f.narrowed_width = f.stairs_no_banister = None
    if building:
        flag = g("objectIsNarrowedPassage")
        width = g("objectNarrowedPassageWidth")
        if flag is None and width is None:
            missing.append("objectIsNarrowedPassage")
        f.narrowed = flag is True or (flag is None and width is not None)
        if f.narrowed and width is None:
            missing.append("objectNarrowedPassageWidth")
        f.narrowed_width = width
        stairs = g("objectIsStairs")
        if stairs is None:
            missing.append("objectIsStairs")
        elif stairs:
            banister = g("objectStairsIsBannister")
            if banister is None:
                missing.append("objectStairsIsBannister")
            f.stairs_no_banister = banister is False

    items = g("rampskids")
    f.ramps = _ramps(items, missing) if items else ()
    items = g("elevator")
    f.lifts = f.lift_door = f.lift_cabin_width = f.lift_cabin_depth = None
    f.lift_no_seat = f.lift_no_handrail = None
    if items:
        _lifts(f, items, missing)
    items = g("platform")
    f.platforms = f.platform_entry = f.platform_width = f.platform_depth = None
    if items:
        _platforms(f, items, missing)
    items = g("wc")
    f.toilets = [ToiletFacts(w, i, missing) for i, w in enumerate(items)] if items else ()

    if building:
        f.public_space = None
    else:
        ps: dict[str, float] = {}
        for k in PUBLIC_SPACE_MEASURES:
            v = g(k)
            if v is None:
                missing.append(k)
            else:
                ps[k] = v
        f.public_space = ps
    return f


def _ramps(items: list[Answers], missing: list[str]) -> list[RampFacts]:
    """Per ramp or skids: longest leg, steepest leg, narrowest leg (value, path), handrail."""
    ramps: list[RampFacts] = []
    for i, r in enumerate(items):
        g = r.get
        pre = f"rampskids[{i}]."
        length: Measured | None = None
        slope: Measured | None = None
        width: Measured | None = None
        n_legs = g("rampNumberOfLegs")
        is_skids = any(k in r for k in _SKIDS_KEYS)
        seen_leg = False
        for n, wk, lk, sk in _LEGS:
            w, ln, s = g(wk), g(lk), g(sk)
            expected = n_legs is not None and n <= n_legs
            if w is None and ln is None and s is None and not expected:
                continue
            seen_leg = True
            if ln is None:
                missing.append(pre + lk)
            elif length is None or ln > length[0]:
                length = (ln, pre + lk)
            if s is None:
                missing.append(pre + sk)
            elif slope is None or s > slope[0]:
                slope = (s, pre + sk)
            if w is None:
                missing.append(pre + wk)
            elif width is None or w < width[0]:
                width = (w, pre + wk)
        if is_skids:
            ln, s = g("skidsLength"), g("skidsInclination")
            if ln is None:
                missing.append(pre + "skidsLength")
            elif length is None or ln > length[0]:
                length = (ln, pre + "skidsLength")
            if s is None:
                missing.append(pre + "skidsInclination")
            elif slope is None or s > slope[0]:
                slope = (s, pre + "skidsInclination")
        elif not seen_leg:
            for key in _LEGS[0][1:]:
                missing.append(pre + key)
        handrail = None
        if seen_leg or not is_skids:
            handrail = g("rampIsHandle")
            if handrail is None:
                missing.append(pre + "rampIsHandle")
        ramps.append((length, slope, width, handrail, pre))
    return ramps


def _lifts(f: Facts, items: list[Answers], missing: list[str]) -> None:
    door: Measured | None = None
    cw: Measured | None = None
    cd: Measured | None = None
    lifts: list[LiftFacts] = []
    no_seat = no_handrail = None
    for i, e in enumerate(items):
        g = e.get
        pre = f"elevator[{i}]."
        doors: list[Measured] = []
        d1 = g("door1Width")
        if d1 is None:
            missing.append(pre + "door1Width")
        else:
            doors.append((d1, pre + "door1Width"))
        d2 = g("door2Width")
        if d2 is not None:
            doors.append((d2, pre + "door2Width"))
        elif g("elevatorIsCagePassthrough"):
            missing.append(pre + "door2Width")
        for v, p in doors:
            door = _min(door, v, p)
        w, d = g("elevatorCageWidth"), g("elevatorCageDepth")
        if w is None:
            missing.append(pre + "elevatorCageWidth")
        else:
            cw = _min(cw, w, pre + "elevatorCageWidth")
        if d is None:
            missing.append(pre + "elevatorCageDepth")
        else:
            cd = _min(cd, d, pre + "elevatorCageDepth")
        seat, handrail = g("elevatorIsCageSeat"), g("elevatorIsCageHandle")
        if seat is None:
            missing.append(pre + "elevatorIsCageSeat")
        elif not seat and no_seat is None:
            no_seat = pre + "elevatorIsCageSeat"
        if handrail is None:
            missing.append(pre + "elevatorIsCageHandle")
        elif not handrail and no_handrail is None:
            no_handrail = pre + "elevatorIsCageHandle"
        lifts.append((doors, w, d, pre))
    f.lifts, f.lift_door, f.lift_cabin_width, f.lift_cabin_depth = lifts, door, cw, cd
    f.lift_no_seat, f.lift_no_handrail = no_seat, no_handrail


def _platforms(f: Facts, items: list[Answers], missing: list[str]) -> None:
    entry: Measured | None = None
    width: Measured | None = None
    depth: Measured | None = None
    platforms: list[LiftFacts] = []
    for i, p in enumerate(items):
        g = p.get
        pre = f"platform[{i}]."
        areas: list[Measured] = []
        for key in ("entryarea1Width", "entryarea2Width"):
            v = g(key)
            if v is None:
                missing.append(pre + key)
            else:
                areas.append((v, pre + key))
                entry = _min(entry, v, pre + key)
        w, d = g("platformWidth"), g("platformDepth")
        if w is None:
            missing.append(pre + "platformWidth")
        else:
            width = _min(width, w, pre + "platformWidth")
        if d is None:
            missing.append(pre + "platformDepth")
        else:
            depth = _min(depth, d, pre + "platformDepth")
        platforms.append((areas, w, d, pre))
    f.platforms, f.platform_entry, f.platform_width, f.platform_depth = (
        platforms,
        entry,
        width,
        depth,
    )
