"""Rule closures, compiled once per ruleset, profile and level.

Each check reads the aggregated facts and, only when the rule is broken, appends reasons
`(profile, level, rule, field, measured, required)` (`reasons.py`): the common case of a passing
rule allocates nothing. A check whose measurement is absent passes (the absence is in
`Facts.missing`).
"""

from collections.abc import Callable
from typing import Literal, NamedTuple

from mapping.methodology.facts import Facts, LiftFacts
from mapping.methodology.reasons import Reason
from mapping.methodology.rules import MORE_STEPS, LevelRules, PublicSpaceLimits
from mapping.methodology.toilets import seniors_toilet_failures

Check = Callable[[Facts, list[str], list[Reason]], None]


class LevelChecks:
    """The checks of one level, by the part of the object they read, so that the engine skips a
    whole group (ramps, lifts, ...) when the object has none."""

    __slots__ = ("building", "lifts", "platforms", "public_space", "ramps", "toilets")

    def __init__(
        self,
        *,
        building: tuple[Check, ...] = (),
        ramps: tuple[Check, ...] = (),
        lifts: tuple[Check, ...] = (),
        platforms: tuple[Check, ...] = (),
        toilets: tuple[Check, ...] = (),
        public_space: tuple[Check, ...] = (),
    ) -> None:
        self.building = building
        self.ramps = ramps
        self.lifts = lifts
        self.platforms = platforms
        self.toilets = toilets
        self.public_space = public_space


def compile_level(profile: str, level: str, r: LevelRules) -> LevelChecks:
    """The checks of one level of one profile; each is `check(facts, wc_categories, out)`."""
    return LevelChecks(
        building=_building_checks(profile, level, r),
        ramps=_ramp_checks(profile, level, r),
        lifts=_lift_checks(profile, level, r),
        platforms=_platform_checks(profile, level, r),
        toilets=(_toilet_check(profile, level, r),) if r.toilet is not None else (),
        public_space=(
            (_public_space_check(profile, level, r.public_space),) if r.public_space else ()
        ),
    )


def _building_checks(profile: str, level: str, r: LevelRules) -> tuple[Check, ...]:
    """The rules every building has, in one closure: one call per level, not one per rule.
    A rule this level does not have gets a neutral limit that nothing breaks."""
    kinds = r.entrance_kinds
    max_steps = r.entrance_max_steps
    required_kinds = tuple(sorted(kinds)) + ((MORE_STEPS, max_steps),) * (max_steps is not None)
    interior_ok = r.interior
    required_interior = tuple(sorted(interior_ok))
    door_min = r.door_min or 0
    with_side = r.door_adds_side_panel
    door_rule = "door_width" if with_side else "door_main_panel"
    door_idx: Literal[0, 1] = 1 if with_side else 0
    narrowed_forbidden = r.narrowed_forbidden
    narrowed_min = r.narrowed_min or 0
    threshold_max = r.threshold_max if r.threshold_max is not None else float("inf")
    stairs_banister = r.stairs_banister

    def building(f: Facts, wcs: list[str], out: list[Reason]) -> None:  # noqa: C901 - the fast path
        ents = f.entrances
        if ents:
            for kind, steps, _ in ents:
                if kind in kinds or (
                    max_steps is not None
                    and kind == MORE_STEPS
                    and (steps is None or steps <= max_steps)
                ):
                    break
            else:
                out.append((profile, level, "entrance", ents[0][2], ents[0][0], required_kinds))
        if f.interior is not None and f.interior not in interior_ok:
            out.append((profile, level, "interior", "objectInteriorAccessibility", f.interior,
                        required_interior))  # fmt: skip
        agg = f.door_total if with_side else f.door_main
        if agg is not None and agg[0] < door_min:
            for door in f.doors:
                if door[door_idx] < door_min:
                    out.append((profile, level, door_rule, door[2], door[door_idx], door_min))
        if f.narrowed:
            if narrowed_forbidden:
                out.append((profile, level, "narrowed_passage", "objectIsNarrowedPassage", True,
                            False))  # fmt: skip
            w = f.narrowed_width
            if w is not None and w < narrowed_min:
                out.append((profile, level, "narrowed_width", "objectNarrowedPassageWidth", w,
                            narrowed_min))  # fmt: skip
        t = f.threshold
        if t is not None and t[0] > threshold_max:
            for step, key in f.thresholds:
                if step > threshold_max:
                    out.append((profile, level, "threshold", key, step, threshold_max))
        if stairs_banister and f.stairs_no_banister:
            out.append((profile, level, "stairs_banister", "objectStairsIsBannister", False,
                        True))  # fmt: skip

    return (building,)


def _ramp_checks(profile: str, level: str, r: LevelRules) -> tuple[Check, ...]:
    if r.ramp_bands is None:
        return ()
    bands, min_width, handrail = r.ramp_bands, r.ramp_min_width, r.ramp_handrail

    def ramps(f: Facts, wcs: list[str], out: list[Reason]) -> None:
        for length, slope, width, has_handrail, pre in f.ramps:
            if slope is not None:
                # An unknown length does not count against: the lenient first band applies.
                ln = length[0] if length is not None else 0
                for upto, max_slope in bands:  # noqa: B007 - the band found is used below
                    if upto is None or ln <= upto:
                        break
                if slope[0] > max_slope:
                    out.append((profile, level, "ramp_slope", slope[1], slope[0],
                                (max_slope, ln, upto)))  # fmt: skip
            if min_width is not None and width is not None and width[0] < min_width:
                out.append((profile, level, "ramp_width", width[1], width[0], min_width))
            if handrail and has_handrail is False:
                out.append((profile, level, "ramp_handrail", pre + "rampIsHandle", False,
                            True))  # fmt: skip

    return (ramps,)


class _Box(NamedTuple):
    """Something one enters and must fit in, a lift's cabin or a platform: the facts' list of
    them, the rules (named like the facts of the smallest entry, width and depth of all of them),
    and the answers' fields of one's width and depth."""

    boxes: str
    rules: tuple[str, str, str]
    fields: tuple[str, str]


_LIFT = _Box(
    "lifts",
    ("lift_door", "lift_cabin_width", "lift_cabin_depth"),
    ("elevatorCageWidth", "elevatorCageDepth"),
)
_PLATFORM = _Box(
    "platforms",
    ("platform_entry", "platform_width", "platform_depth"),
    ("platformWidth", "platformDepth"),
)


def _box_check(profile: str, level: str, box: _Box, minimums: tuple[float, float, float]) -> Check:
    """Reasons for every entry narrower, and every box narrower or shallower, than `minimums`;
    the smallest measurements, worked out with the facts, tell at once whether there is any."""
    entry_min, width_min, depth_min = minimums
    entry_rule, width_rule, depth_rule = box.rules
    width_field, depth_field = box.fields

    def too_small(f: Facts, wcs: list[str], out: list[Reason]) -> None:
        boxes: list[LiftFacts] | None = getattr(f, box.boxes)
        if boxes is None:
            return
        smallest = zip((getattr(f, rule) for rule in box.rules), minimums, strict=True)
        if not any(m is not None and m[0] < least for m, least in smallest):
            return
        for entries, width, depth, pre in boxes:
            for v, path in entries:
                if v < entry_min:
                    out.append((profile, level, entry_rule, path, v, entry_min))
            if width is not None and width < width_min:
                out.append((profile, level, width_rule, pre + width_field, width, width_min))
            if depth is not None and depth < depth_min:
                out.append((profile, level, depth_rule, pre + depth_field, depth, depth_min))

    return too_small


def _lift_checks(profile: str, level: str, r: LevelRules) -> tuple[Check, ...]:
    checks: list[Check] = []
    if r.lift_door_min is not None:
        cabin_w, cabin_d = r.lift_cabin_min or (0, 0)
        checks.append(_box_check(profile, level, _LIFT, (r.lift_door_min, cabin_w, cabin_d)))
    if r.lift_seat:

        def lift_seat(f: Facts, wcs: list[str], out: list[Reason]) -> None:
            if f.lift_no_seat is not None:
                out.append((profile, level, "lift_seat", f.lift_no_seat, False, True))

        checks.append(lift_seat)
    if r.lift_handrail:

        def lift_handrail(f: Facts, wcs: list[str], out: list[Reason]) -> None:
            if f.lift_no_handrail is not None:
                out.append((profile, level, "lift_handrail", f.lift_no_handrail, False, True))

        checks.append(lift_handrail)
    return tuple(checks)


def _platform_checks(profile: str, level: str, r: LevelRules) -> tuple[Check, ...]:
    if r.platform_entry_min is None:
        return ()
    width_min, depth_min = r.platform_min or (0, 0)
    return (_box_check(profile, level, _PLATFORM, (r.platform_entry_min, width_min, depth_min)),)


def _toilet_check(profile: str, level: str, r: LevelRules) -> Check:
    if r.toilet == "wc_category":

        def usable_toilet(f: Facts, wcs: list[str], out: list[Reason]) -> None:
            if wcs and "accessible" not in wcs and "partly" not in wcs:
                out.append((profile, level, "toilet_category", "wc", tuple(wcs),
                            ("accessible", "partly")))  # fmt: skip

        return usable_toilet
    if r.toilet == "seniors":
        seat_min = r.toilet_seat_min or 0

        def seniors_toilet(f: Facts, wcs: list[str], out: list[Reason]) -> None:
            if not f.toilets:
                return
            failures: list[Reason] = []
            for t in f.toilets:
                failed = seniors_toilet_failures(t, seat_min, level)
                if not failed:
                    return
                failures.extend(failed)
            out.extend(failures)

        return seniors_toilet
    if r.toilet == "changing_table":

        def changing_table(f: Facts, wcs: list[str], out: list[Reason]) -> None:
            if not f.toilets:
                return
            for t in f.toilets:
                if t.changing is not False:
                    return
            for t in f.toilets:
                out.append((profile, level, "toilet_changing_table", t.prefix + "wcIsChangingdesk",
                            False, True))  # fmt: skip

        return changing_table
    raise ValueError(f"Unknown toilet rule {r.toilet!r}")


def _public_space_check(profile: str, level: str, lim: PublicSpaceLimits) -> Check:
    limits = (
        ("publicSpaceLongitudinalSlope", "ps_longitudinal_slope", lim.longitudinal_slope_max, 1),
        ("publicSpaceCrossSlope", "ps_cross_slope", lim.cross_slope_max, 1),
        ("publicSpaceKerbHeight", "ps_kerb", lim.kerb_max, 1),
        ("publicSpaceClearWidth", "ps_width", lim.width_min, -1),
        ("publicSpaceStepsNumberOf", "ps_steps", lim.steps_max, 1),
    )

    def public_space(f: Facts, wcs: list[str], out: list[Reason]) -> None:
        ps = f.public_space
        if not ps:
            return
        for key, rule, limit, sign in limits:
            v = ps.get(key)
            if v is not None and (v > limit if sign > 0 else v < limit):
                out.append((profile, level, rule, key, v, limit))

    return public_space
