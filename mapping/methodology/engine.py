"""The assessment engine: measurements in (an exchange object), categories with reasons out.

    result = evaluate(answers)            # the current methodology version
    result.categories["wheelchair"]       # "accessible" | "partly" | "inaccessible"
    result.to_dict()                      # JSON for Assessment.result

Pure and fast: rulesets are compiled once into closures; one pass over the answers gathers the
facts; a reason is a plain tuple (`reasons.py`), rendered into Czech and English text only by
`to_dict()`.
The answers must have passed `structure.validate` (or `validate_exchange`): the engine trusts
their types and does not check them again.
"""

from functools import lru_cache
from typing import Any

from mapping.methodology.answers import Answers
from mapping.methodology.checks import LevelChecks, compile_level
from mapping.methodology.facts import Facts, extract
from mapping.methodology.reasons import Reason
from mapping.methodology.rules import PROFILES, get_ruleset
from mapping.methodology.sensory import sensory_features
from mapping.methodology.texts import feature_dict, reason_dict
from mapping.methodology.toilets import wc_category

ACCESSIBLE, PARTLY, INACCESSIBLE = "accessible", "partly", "inaccessible"
CATEGORIES = (ACCESSIBLE, PARTLY, INACCESSIBLE)

_OBJECT_EXCHANGE = {
    ACCESSIBLE: "AccessibleObjectMKPO",
    PARTLY: "PartlyAccessibleObjectMKPO",
    INACCESSIBLE: "InAccessibleObjectMKPO",
}
_WC_EXCHANGE = {
    ACCESSIBLE: "AccessibleWCMKPO",
    PARTLY: "PartlyAccessibleWCMKPO",
    INACCESSIBLE: "InAccessibleWCMKPO",
}
_OBJECT_FROM_EXCHANGE = {v: k for k, v in _OBJECT_EXCHANGE.items()}
_WC_FROM_EXCHANGE = {v: k for k, v in _WC_EXCHANGE.items()}
# The exchange property that carries each profile's declared category.
EXCHANGE_PROFILE_KEYS = {
    "wheelchair": "accessibility",
    "seniors": "accessibilitySeniors",
    "pram": "accessibilityPram",
}


def to_exchange(category: str, wc: bool = False) -> str:
    """Our category as the exchange value (`AccessibleObjectMKPO`, or `AccessibleWCMKPO`)."""
    return (_WC_EXCHANGE if wc else _OBJECT_EXCHANGE)[category]


def from_exchange(value: str) -> str:
    """An exchange category value (object or WC) as ours; ValueError for an unknown value."""
    category = _OBJECT_FROM_EXCHANGE.get(value) or _WC_FROM_EXCHANGE.get(value)
    if category is None:
        raise ValueError(f"Unknown exchange category {value!r}")
    return category


class Result:
    """What the engine computed for one object. Reasons are tuples until rendered."""

    __slots__ = ("categories", "missing", "reasons", "toilets", "version", "_sensory", "_answers")

    def __init__(
        self,
        version: str,
        categories: dict[str, str],
        reasons: dict[str, list[Reason]],
        toilets: list[tuple[str, list[Reason]]],
        missing: list[str],
        answers: Answers,
    ) -> None:
        self.version = version
        self.categories = categories
        self.reasons = reasons
        self.toilets = toilets
        self.missing = missing
        self._answers = answers
        self._sensory: dict[str, list[tuple[str, str]]] | None = None

    @property
    def answers(self) -> Answers:
        """The answers this result was computed from."""
        return self._answers

    @property
    def wc(self) -> list[str]:
        """Each toilet's category, in the order the toilets were recorded."""
        return [category for category, _ in self.toilets]

    @property
    def has_accessible_toilet(self) -> bool:
        """At least one toilet a wheelchair user can use: WC I or WC II."""
        return any(c != INACCESSIBLE for c, _ in self.toilets)

    @property
    def sensory(self) -> dict[str, list[tuple[str, str]]]:
        """Features for blind and low-vision (`vision`) and deaf and hard-of-hearing (`hearing`)
        people, each `(feature, field)`; computed on first use."""
        if self._sensory is None:
            self._sensory = sensory_features(self._answers)
        return self._sensory

    def all_reasons(self) -> list[Reason]:
        """Every reason: the profiles' in profile order, then each toilet's."""
        reasons = [r for profile in PROFILES for r in self.reasons[profile]]
        for _, toilet_reasons in self.toilets:
            reasons.extend(toilet_reasons)
        return reasons

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable: stored in Assessment.result."""
        sensory = self.sensory
        return {
            "methodology_version": self.version,
            **self.categories,
            "profiles": {
                p: {
                    "category": self.categories[p],
                    "reasons": [reason_dict(r) for r in self.reasons[p]],
                }
                for p in PROFILES
            },
            "wc": self.wc,
            "toilets": [
                {"index": i, "category": c, "reasons": [reason_dict(r) for r in rs]}
                for i, (c, rs) in enumerate(self.toilets)
            ],
            "has_accessible_toilet": self.has_accessible_toilet,
            "missing": list(self.missing),
            "sensory": {k: [feature_dict(f) for f in v] for k, v in sensory.items()},
        }


class _Compiled:
    __slots__ = ("levels", "version", "wc_accessible", "wc_partly")

    def __init__(self, version: str | None) -> None:
        rules = get_ruleset(version)
        self.version = rules.version
        self.levels = tuple(
            (
                p,
                compile_level(p, ACCESSIBLE, rules.profiles[p][ACCESSIBLE]),
                compile_level(p, PARTLY, rules.profiles[p][PARTLY]),
            )
            for p in PROFILES
        )
        self.wc_accessible = rules.wc[ACCESSIBLE]
        self.wc_partly = rules.wc[PARTLY]


def _run(checks: LevelChecks, f: Facts, wcs: list[str], out: list[Reason]) -> None:
    if f.building:
        for check in checks.building:
            check(f, wcs, out)
    else:
        for check in checks.public_space:
            check(f, wcs, out)
    if f.ramps:
        for check in checks.ramps:
            check(f, wcs, out)
    if f.lifts:
        for check in checks.lifts:
            check(f, wcs, out)
    if f.platforms:
        for check in checks.platforms:
            check(f, wcs, out)
    if wcs:
        for check in checks.toilets:
            check(f, wcs, out)


@lru_cache(maxsize=8)
def _compiled(version: str | None) -> _Compiled:
    return _Compiled(version)


def evaluate(answers: Answers, version: str | None = None) -> Result:
    """Categorise one object's answers (an exchange object) under a methodology version."""
    c = _compiled(version)
    f = extract(answers)
    toilets = [wc_category(t, c.wc_accessible, c.wc_partly) for t in f.toilets]
    wcs = [category for category, _ in toilets]
    categories: dict[str, str] = {}
    reasons: dict[str, list[Reason]] = {}
    for profile, accessible_checks, partly_checks in c.levels:
        out: list[Reason] = []
        _run(accessible_checks, f, wcs, out)
        if not out:
            categories[profile] = ACCESSIBLE
        else:
            n = len(out)
            _run(partly_checks, f, wcs, out)
            categories[profile] = PARTLY if len(out) == n else INACCESSIBLE
        reasons[profile] = out
    missing = f.missing
    return Result(c.version, categories, reasons, toilets, missing, answers)
