"""Which missing measurements still decide a category.

A rule whose measurement is absent passes (`facts.py`), so a category computed from an unfinished
survey is the best the place can still get, not its category: an empty survey would read
"accessible" for every profile. A profile's category is settled once no missing measurement
could lower it: the category is already "inaccessible", or every measurement read by a rule of
its current level is there. `undecided(result)` lists, per profile, the missing measurements
that are read by a rule of the level the profile stands at and that the survey asks for now
(applicability.py), in the engine's order.

Besides the engine's own `missing`, a way in that is a ramp (or a platform lift) with no ramp
(platform lift) recorded leaves the ramp's slope undecided: it is listed as `rampskids`
(`platform`), the step where it is recorded.
"""

import re
from collections.abc import Callable

from mapping.methodology.answers import Answers
from mapping.methodology.applicability import applies
from mapping.methodology.engine import INACCESSIBLE, Result
from mapping.methodology.facts import extract
from mapping.methodology.rules import PLATFORM, PROFILES, RAMP, LevelRules, get_ruleset
from mapping.methodology.toilets import ToiletFacts, seniors_toilet_failures

Active = Callable[[LevelRules], bool]

# A missing path, by what its absence leaves open, and whether a level has a rule reading it.
_MEASURES: tuple[tuple[re.Pattern[str], Active], ...] = tuple(
    (re.compile(pattern), active)
    for pattern, active in (
        (r"entrance\dAccessibility|entrance\dSteps1NumberOf", lambda r: True),
        (r"entrance\dDoor\dMainpanelWidth", lambda r: r.door_min is not None),
        (
            r"entrance\dDoor\dSidepanelWidth",
            lambda r: r.door_min is not None and r.door_adds_side_panel,
        ),
        (r"entrance\dDoor\dStepHeight", lambda r: r.threshold_max is not None),
        (r"objectInteriorAccessibility", lambda r: True),
        (
            r"objectIsNarrowedPassage",
            lambda r: r.narrowed_forbidden or r.narrowed_min is not None,
        ),
        (r"objectNarrowedPassageWidth", lambda r: r.narrowed_min is not None),
        (r"objectIsStairs|objectStairsIsBannister", lambda r: r.stairs_banister),
        (
            r"rampskids(\[\d+\]\.(rampleg\d(Length|Inclination)|skids(Length|Inclination)))?",
            lambda r: r.ramp_bands is not None,
        ),
        (r"rampskids\[\d+\]\.rampleg\dWidth", lambda r: r.ramp_min_width is not None),
        (r"rampskids\[\d+\]\.rampIsHandle", lambda r: r.ramp_handrail),
        (
            r"elevator\[\d+\]\.(door\dWidth|elevatorCage(Width|Depth))",
            lambda r: r.lift_door_min is not None,
        ),
        (r"elevator\[\d+\]\.elevatorIsCageSeat", lambda r: r.lift_seat),
        (r"elevator\[\d+\]\.elevatorIsCageHandle", lambda r: r.lift_handrail),
        (r"platform(\[\d+\]\.\w+)?", lambda r: r.platform_entry_min is not None),
        (r"publicSpace\w+", lambda r: r.public_space is not None),
    )
)
# A toilet's measurements by the profile's toilet rule that reads them: "wc_category" reads those
# of WC II (a usable toilet is WC I or WC II), "seniors" and "changing_table" their own.
_WC_PARTLY = re.compile(
    r"(hallway\dDoorWidth|doorWidth|doorOpeningDirection|wcCabin(Width|Depth)|"
    r"wcBasin(Left|Right)Distance)"
)
_WC_SENIORS = re.compile(r"(wcIsAlarmbutton|washbasinUnderpass|wcBasinSeatHeight)")
_WC_PRAM = re.compile(r"wcIsChangingdesk")
_WC_PATH = re.compile(r"wc\[(\d+)\]\.(\w+)")
_WAY_IN = re.compile(r"entrance\d(Accessibility|Steps1NumberOf)")


def _measure_active(path: str, r: LevelRules) -> bool:
    for pattern, active in _MEASURES:
        if pattern.fullmatch(path):
            return active(r)
    return False


def _missing_items(result: Result) -> list[str]:
    """The engine's missing list, plus the ramp or platform lift a way in names but nobody
    recorded."""
    answers = result.answers
    missing = list(result.missing)
    ways_in = {answers.get(f"entrance{n}Accessibility") for n in (1, 2)}
    if RAMP in ways_in and not answers.get("rampskids"):
        missing.append("rampskids")
    if PLATFORM in ways_in and not answers.get("platform"):
        missing.append("platform")
    return missing


def _toilet_deciding(
    result: Result, r: LevelRules, level: str, by_toilet: dict[int, list[str]]
) -> list[str]:
    """The missing toilet measurements that the level's toilet rule still waits for: those of
    the toilets that pass it so far, unless one of them passes with nothing missing."""
    if r.toilet is None or not by_toilet:
        return []
    toilets = result.answers.get("wc") or []
    facts = [ToiletFacts(t, i, []) for i, t in enumerate(toilets)]
    if r.toilet == "wc_category":
        pattern = _WC_PARTLY
        passing = [i for i, (category, _) in enumerate(result.toilets) if category != INACCESSIBLE]
    elif r.toilet == "seniors":
        pattern = _WC_SENIORS
        seat = r.toilet_seat_min or 0
        passing = [i for i, t in enumerate(facts) if not seniors_toilet_failures(t, seat, level)]
    else:
        pattern = _WC_PRAM
        passing = [i for i, t in enumerate(facts) if t.changing is not False]
        if any(t.changing for t in facts):
            return []
    waiting = {
        i: [p for p in by_toilet.get(i, []) if pattern.search(p.partition(".")[2])] for i in passing
    }
    if any(not paths for paths in waiting.values()):
        return []
    return [p for i in passing for p in waiting[i]]


def undecided(result: Result) -> dict[str, list[str]]:
    """Per profile, the missing measurements that could still lower its category ([] when the
    category is settled)."""
    rules = get_ruleset(result.version)
    missing = _missing_items(result)
    facts = extract(result.answers)
    by_toilet: dict[int, list[str]] = {}
    for path in missing:
        found = _WC_PATH.fullmatch(path)
        if found:
            by_toilet.setdefault(int(found.group(1)), []).append(path)
    out: dict[str, list[str]] = {}
    for profile in PROFILES:
        level = result.categories[profile]
        if level == INACCESSIBLE:
            out[profile] = []
            continue
        r = rules.profiles[profile][level]
        entrance_passes = _an_entrance_passes(facts.entrances, r)
        paths = [
            p
            for p in missing
            if not p.startswith("wc[")
            and _measure_active(p, r)
            and not (entrance_passes and _WAY_IN.fullmatch(p))
        ]
        toilet_paths = set(_toilet_deciding(result, r, level, by_toilet))
        out[profile] = [
            p for p in missing if (p in toilet_paths or p in paths) and _asked(p, result.answers)
        ]
    return out


def _asked(path: str, answers: Answers) -> bool:
    """The survey asks for it now: a measurement the answers so far do not make apply (the space
    beside the bowl of a toilet whose door is not measured yet) comes later."""
    return path in ("rampskids", "platform") or applies(path, answers)


def _an_entrance_passes(entrances: list[tuple[str, int | None, str]], r: LevelRules) -> bool:
    """One recorded entrance already meets the level's way in: another's is no longer needed."""
    for kind, steps, _ in entrances:
        if kind in r.entrance_kinds:
            return True
        if (
            r.entrance_max_steps is not None
            and kind == "MoreStepsEntranceAccessibility"
            and steps is not None
            and steps <= r.entrance_max_steps
        ):
            return True
    return False


def still_to_measure(undecided_by_profile: dict[str, list[str]]) -> list[str]:
    """Every profile's undecided measurements, once each, in the order first met."""
    seen: dict[str, None] = {}
    for paths in undecided_by_profile.values():
        for path in paths:
            seen.setdefault(path, None)
    return list(seen)
