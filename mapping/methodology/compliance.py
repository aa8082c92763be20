"""Compliance with the building regulations: one place's answers against a decree's rules.

    result = check(answers, "vyhl-398-2009.1")
    result.status                    # "compliant" | "non_compliant" | "undecided"
    result.findings[0].text()  # "rampa 9,5 % tam, kde vyhláška připouští 6,25 % (o 3,25 % víc)"
    result.undecided                 # the rules that lack a measurement, with the fields
    result.fixes()                   # the suggested measures, each with its cost class

Reads the same facts as the MKPO engine (`facts.extract`), so that an answer means the same thing
in both; the rules are the tables of `decrees.py`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from mapping.methodology.answers import Answers
from mapping.methodology.decrees import (
    COST_CLASSES,
    COST_ORDER,
    FIXES,
    MAX,
    MIN,
    ONE_OF,
    REQUIRED,
    DecreeRule,
    DecreeRuleset,
    FixMeasure,
    get_decree,
)
from mapping.methodology.enums import ENTRANCE_ACCESSIBILITY
from mapping.methodology.facts import Facts, extract
from mapping.methodology.structure import field_label

COMPLIANT, NON_COMPLIANT, UNDECIDED = "compliant", "non_compliant", "undecided"
STATUS_TEXT = {
    COMPLIANT: ("v souladu", "compliant"),
    NON_COMPLIANT: ("v rozporu", "non-compliant"),
    UNDECIDED: ("nelze rozhodnout", "cannot be decided"),
}
# A ramp longer than this is a long walk for the rise: a platform lift is suggested instead.
LONGEST_SUGGESTED_RAMP = 900

# (measured value, field path)
Value = tuple[Any, str]


def number(value: float, english: bool = False) -> str:
    """A measurement as people write it: 6.25 -> "6,25" in Czech, 2.0 -> "2"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if english else text.replace(".", ",")


def _unit(value: float, unit: str, english: bool) -> str:
    return f"{number(value, english)} {unit}".rstrip()


@dataclass(frozen=True)
class Finding:
    """One broken rule at one field: the measured and the required value, and the fix."""

    rule: DecreeRule
    field: str
    measured: Any
    fix: FixMeasure
    fix_detail: tuple[str, str] | None = None

    @property
    def gap(self) -> float | None:
        """How far the measurement is from the limit, in the rule's unit (None for a yes/no)."""
        if self.rule.comparison in (MAX, MIN) and isinstance(self.measured, (int, float)):
            limit = float(self.rule.limit)  # type: ignore[arg-type]
            return abs(float(self.measured) - limit)
        return None

    def text(self, english: bool = False) -> str:
        """ "rampa 9,5 % tam, kde vyhláška připouští 6,25 % (o 3,25 % víc)"."""
        r = self.rule
        what = r.label[1 if english else 0]
        if r.comparison in (MAX, MIN):
            measured = _unit(self.measured, r.unit, english)
            limit = _unit(r.limit, r.unit, english)  # type: ignore[arg-type]
            gap = _unit(self.gap or 0, r.unit, english)
            if r.comparison == MAX:
                if english:
                    return f"{what} {measured} where the decree allows {limit} ({gap} over)"
                return f"{what} {measured} tam, kde vyhláška připouští {limit} (o {gap} víc)"
            if english:
                return f"{what} {measured} where {limit} is required ({gap} short)"
            return f"{what} {measured} tam, kde se vyžaduje {limit} (o {gap} méně)"
        if r.comparison == ONE_OF:
            label = ENTRANCE_ACCESSIBILITY.get(self.measured, (self.measured, self.measured))
            if english:
                return f"{what}: {label[1]} where a step-free entrance is required"
            return f"{what}: {label[0]} tam, kde se vyžaduje bezbariérový vstup"
        if english:
            return f"{what} missing where the decree requires it"
        return f"{what} chybí, vyhláška je vyžaduje"

    def fix_text(self, english: bool = False) -> str:
        i = 1 if english else 0
        text = (self.fix.cs, self.fix.en)[i]
        if self.fix_detail:
            text += f" ({self.fix_detail[i]})"
        return text


@dataclass(frozen=True)
class Undecided:
    """A rule that cannot be decided: the measurements it needs are missing."""

    rule: DecreeRule
    fields: tuple[str, ...]

    def text(self, english: bool = False) -> str:
        i = 1 if english else 0
        labels = ", ".join(field_label(f)[i] for f in self.fields)
        what = self.rule.label[i]
        return f"{what}: {'missing' if english else 'chybí'} {labels}"


@dataclass
class Compliance:
    version: str
    decree: str
    findings: list[Finding] = field(default_factory=list)
    undecided: list[Undecided] = field(default_factory=list)

    @property
    def status(self) -> str:
        if self.findings:
            return NON_COMPLIANT
        return UNDECIDED if self.undecided else COMPLIANT

    def status_text(self, english: bool = False) -> str:
        return STATUS_TEXT[self.status][1 if english else 0]

    def fixes(self) -> list[tuple[FixMeasure, list[str], list[str]]]:
        """Each suggested measure once: (measure, Czech details, English details)."""
        out: dict[str, tuple[FixMeasure, list[str], list[str]]] = {}
        for f in self.findings:
            measure, cs, en = out.setdefault(f.fix.key, (f.fix, [], []))
            if f.fix_detail and f.fix_detail[0] not in cs:
                cs.append(f.fix_detail[0])
                en.append(f.fix_detail[1])
        return list(out.values())

    @property
    def cost_class(self) -> str | None:
        """The costliest class among the suggested measures (None when nothing is to fix)."""
        classes = [m.cost_class for m, _, _ in self.fixes()]
        return max(classes, key=COST_ORDER.index) if classes else None

    def cost_text(self, english: bool = False) -> str:
        c = self.cost_class
        return f"{c}: {COST_CLASSES[c][1 if english else 0]}" if c else ""


# -- the facts each rule reads: (values, missing fields) ---------------------------------------

Got = tuple[list[Value], list[str]]
Getter = Callable[[Facts, Answers, DecreeRuleset], Got]


def _missing(f: Facts, test: Callable[[str], bool]) -> list[str]:
    return [p for p in f.missing if test(p)]


def _entrance(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
    values = [(kind, key) for kind, _, key in f.entrances]
    return values, _missing(f, lambda p: p.endswith("Accessibility") and p.startswith("entrance"))


def _ramp_slopes(f: Facts, long: bool, d: DecreeRuleset) -> Got:
    short_limit = float(d.rule("ramp_slope_short").limit)  # type: ignore[arg-type]
    long_limit = float(d.rule("ramp_slope").limit)  # type: ignore[arg-type]
    values: list[Value] = []
    missing: list[str] = []
    for length, slope, _, _, pre in f.ramps:
        if slope is None:
            if not long:
                missing.extend(p for p in f.missing if p.startswith(pre) and "nclination" in p)
            continue
        if length is None:
            # Unknown length: judged by the lenient short-ramp limit; between the two limits
            # only the length decides.
            if not long:
                values.append(slope)
            elif long_limit < slope[0] <= short_limit:
                missing.extend(p for p in f.missing if p.startswith(pre) and "Length" in p)
        elif (length[0] > 300) == long:
            values.append(slope)
    return values, missing


def _doors(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
    values = [(main, key) for main, _, key in f.doors]
    return values, _missing(f, lambda p: p.startswith("entrance") and p.endswith("MainpanelWidth"))


def _main_door(a: Answers, total: bool) -> Got:
    main = a.get("entrance1Door1MainpanelWidth")
    side = a.get("entrance1Door1SidepanelWidth")
    if main is None:
        return [], ["entrance1Door1MainpanelWidth"]
    if total:
        if side is None and a.get("entrance1Door1Type") == "DoublepanelledDoorType":
            return ([(main, "entrance1Door1MainpanelWidth")] if main >= 125 else []), (
                [] if main >= 125 else ["entrance1Door1SidepanelWidth"]
            )
        return [(main + (side or 0), "entrance1Door1MainpanelWidth")], []
    return [(max(main, side or 0), "entrance1Door1MainpanelWidth")], []


def _thresholds(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
    return list(f.thresholds), _missing(
        f, lambda p: p.startswith("entrance") and p.endswith("StepHeight")
    )


def _lift(index: int | None, key: str) -> Getter:
    def get(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
        values: list[Value] = []
        for doors, w, dp, pre in f.lifts or ():
            if index is None:
                values.extend(doors)
            else:
                v = (w, dp)[index]
                if v is not None:
                    values.append((v, pre + key))
        keys = ("door1Width", "door2Width") if index is None else (key,)
        return values, _missing(f, lambda p: p.startswith("elevator[") and p.endswith(keys))

    return get


def _wc_cabin(attr: str, key: str) -> Getter:
    def get(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
        values = [
            (getattr(t, attr), t.prefix + key) for t in f.toilets if getattr(t, attr) is not None
        ]
        return values, _missing(f, lambda p: p.startswith("wc[") and p.endswith(key))

    return get


def _wc_doors(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
    values = [(w, t.prefix + k) for t in f.toilets for w, k in t.doors]
    return values, _missing(f, lambda p: p.startswith("wc[") and p.lower().endswith("doorwidth"))


_MARKING_PREFIXES = ("entrance1", "entrance2", "object")
_STEPS = ("OneStepEntranceAccessibility", "MoreStepsEntranceAccessibility")


def _glass_marking(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
    values: list[Value] = []
    missing: list[str] = []
    for pre in _MARKING_PREFIXES:
        if a.get(pre + "ContrastMarkingIsGlassSurfaces") is True:
            key = pre + "ContrastMarkingLocalization"
            where = a.get(key)
            if where is None:
                missing.append(key)
            else:
                values.append((where != "MissingContrastMarkingLocalization", key))
    return values, missing


def _steps_marking(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
    values: list[Value] = []
    missing: list[str] = []
    has_steps = {
        "entrance1": a.get("entrance1Accessibility") in _STEPS,
        "entrance2": a.get("entrance2Accessibility") in _STEPS,
        "object": bool(a.get("objectIsSteps") or a.get("objectIsStairs")),
    }
    for pre, steps in has_steps.items():
        if not steps:
            continue
        key = pre + "StepsIsContrastMarked"
        marked = a.get(key)
        if marked is None:
            missing.append(key)
        else:
            values.append((marked, key))
    return values, missing


def _public(key: str) -> Getter:
    def get(f: Facts, a: Answers, d: DecreeRuleset) -> Got:
        if f.public_space is None:
            return [], []
        if key in f.public_space:
            return [(f.public_space[key], key)], []
        return [], [key]

    return get


FACTS: dict[str, Getter] = {
    "entrance_way_in": _entrance,
    "ramp_slope_short": lambda f, a, d: _ramp_slopes(f, False, d),
    "ramp_slope_long": lambda f, a, d: _ramp_slopes(f, True, d),
    "door_leaf": _doors,
    "main_door_total": lambda f, a, d: _main_door(a, True) if f.building else ([], []),
    "main_door_leaf": lambda f, a, d: _main_door(a, False) if f.building else ([], []),
    "threshold": _thresholds,
    "lift_cabin_width": _lift(0, "elevatorCageWidth"),
    "lift_cabin_depth": _lift(1, "elevatorCageDepth"),
    "lift_door": _lift(None, ""),
    "wc_cabin_width": _wc_cabin("cabin_width", "wcCabinWidth"),
    "wc_cabin_depth": _wc_cabin("cabin_depth", "wcCabinDepth"),
    "wc_door": _wc_doors,
    "glass_marking": _glass_marking,
    "steps_marking": _steps_marking,
    "path_slope": _public("publicSpaceLongitudinalSlope"),
    "path_cross_slope": _public("publicSpaceCrossSlope"),
    "kerb": _public("publicSpaceKerbHeight"),
}


def breaks(rule: DecreeRule, measured: Any) -> bool:
    """Whether `measured` breaks `rule`: the comparison of the rule table."""
    if rule.comparison == MAX:
        return bool(measured > rule.limit)
    if rule.comparison == MIN:
        return bool(measured < rule.limit)
    if rule.comparison == ONE_OF:
        return measured not in rule.limit  # type: ignore[operator]
    if rule.comparison == REQUIRED:
        return measured is not True
    raise ValueError(f"Unknown comparison {rule.comparison!r}")


# -- the suggested measure, with what can be said of its size ----------------------------------


def _entrance_rise(a: Answers, n: int) -> float | None:
    """The height an entrance's steps climb, when their number and height are measured."""
    rise = 0.0
    seen = False
    for s in (1, 2):
        count = a.get(f"entrance{n}Steps{s}NumberOf")
        height = a.get(f"entrance{n}Steps{s}Height")
        if count is not None and height is not None:
            rise += count * height
            seen = True
    if a.get(f"entrance{n}Accessibility") == "OneStepEntranceAccessibility" and not seen:
        height = a.get(f"entrance{n}Steps1Height")
        if height is not None:
            return float(height)
    return rise if seen else None


def _ramp_for(rise: float, d: DecreeRuleset) -> tuple[FixMeasure, tuple[str, str]]:
    """The ramp a rise needs at the decree's slope, or a platform lift when it would be long."""
    short = float(d.rule("ramp_slope_short").limit)  # type: ignore[arg-type]
    slope = float(d.rule("ramp_slope").limit)  # type: ignore[arg-type]
    length = rise / short * 100
    if length > 300:
        slope_used = slope
        length = rise / slope * 100
    else:
        slope_used = short
    if length > LONGEST_SUGGESTED_RAMP:
        return FIXES["platform_lift"], (
            f"převýšení {number(rise)} cm; rampa by měřila {number(length / 100)} m",
            f"a rise of {number(rise, True)} cm; a ramp would be {number(length / 100, True)} m",
        )
    return FIXES["ramp"], (
        f"délka nejméně {number(length / 100)} m při sklonu {number(slope_used)} %, "
        f"převýšení {number(rise)} cm",
        f"at least {number(length / 100, True)} m long at {number(slope_used, True)} %, "
        f"a rise of {number(rise, True)} cm",
    )


def _fix(
    rule: DecreeRule, field_path: str, a: Answers, f: Facts, d: DecreeRuleset
) -> tuple[FixMeasure, tuple[str, str] | None]:
    if rule.key == "entrance_step_free":
        n = 2 if field_path.startswith("entrance2") else 1
        rise = _entrance_rise(a, n)
        if rise is not None:
            return _ramp_for(rise, d)
        return FIXES["ramp"], (
            "převýšení neznámé: rampa, nebo zdvihací plošina",
            "rise not measured: a ramp, or a platform lift",
        )
    if rule.key in ("ramp_slope", "ramp_slope_short"):
        for length, slope, _, _, _ in f.ramps:
            if slope is not None and slope[1] == field_path and length is not None:
                return _ramp_for(length[0] * slope[0] / 100, d)
    return FIXES[rule.fix], None


# Rules for a building's main entrance door: not for a stop's shelter or a toilet kiosk.
MAIN_ENTRANCE_RULES = frozenset({"main_door_total", "main_door_leaf"})


def check(
    answers: Answers, version: str | None = None, *, main_entrance: bool = True
) -> Compliance:
    """Every rule of the decree `version` (the successor by default) against one place's
    answers (an exchange object that passed `structure.validate`). `main_entrance`: the place is
    a building whose entrance 1 is a main entrance (the 1250 mm rule applies)."""
    return check_with(answers or {}, get_decree(version), main_entrance=main_entrance)


def check_with(answers: Answers, d: DecreeRuleset, *, main_entrance: bool = True) -> Compliance:
    f = extract(answers)
    result = Compliance(d.version, d.decree)
    for rule in d.rules:
        if not main_entrance and rule.key in MAIN_ENTRANCE_RULES:
            continue
        values, missing = FACTS[rule.fact](f, answers, d)
        broken = [(v, p) for v, p in values if breaks(rule, v)]
        for measured, path in broken:
            measure, detail = _fix(rule, path, answers, f, d)
            result.findings.append(Finding(rule, path, measured, measure, detail))
        if not broken and missing:
            result.undecided.append(Undecided(rule, tuple(dict.fromkeys(missing))))
    return result


def rules_table(d: DecreeRuleset) -> Iterable[tuple[str, str, str, str, str]]:
    """(rule, reads, comparison and limit, citation, fix) per rule: for documentation."""
    for r in d.rules:
        limit = r.limit if not isinstance(r.limit, tuple) else ", ".join(r.limit)
        yield r.key, r.fact, f"{r.comparison} {limit} {r.unit}".strip(), r.citation.text(), r.fix
