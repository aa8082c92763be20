"""The accessibility score of a municipality (or a city district): pure, from counts.

The database counts (mapping/opendata/score.py does it in one PostGIS query); this module decides
what the counts mean, so that the page, the CSV, the JSON and the tests share one method. The
method is written out in this package's README ("The accessibility score").

- A place counts in every group (`GROUPS`) its kind or one of its purposes puts it in
  (`PLACE_GROUPS`, the one table); places in no group (culture, sport, ...) do not count.
- Per group and profile: the mean of the points of the assessed places' categories
  (`POINTS`: accessible 1, partly 0.5, inaccessible 0), as 0-100.
- Per profile: the mean of its groups that have an assessed place (every group weighs the same,
  so many shops do not outweigh few offices); overall: the mean of the profiles.
- The data-quality factor: the share of the known places (in a group) that have an approved
  assessment. Below `Rules.min_coverage`, or with fewer than `Rules.min_assessed` assessed
  places, the score is hidden: the factor and the counts are still shown, so the town sees
  what is missing. The score is never multiplied by the factor: a town that surveyed less would
  otherwise look less accessible rather than less known.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from statistics import fmean

PROFILES = ("wheelchair", "seniors", "pram")
GROUPS = ("offices", "health", "social", "schools", "transport", "shops")

# (Czech, English), as the code lists of enums.py.
GROUP_LABELS: dict[str, tuple[str, str]] = {
    "offices": ("úřady", "offices"),
    "health": ("zdravotní péče", "health care"),
    "social": ("sociální služby", "social services"),
    "schools": ("školy", "schools"),
    "transport": ("doprava", "transport"),
    "shops": ("obchody", "shops"),
}

# The one table from the project's place kinds ("kind:...") and purposes ("purpose:...",
# mapping.models.geo.PlaceKind and Purpose) to the score's groups. Banks and post offices are
# errands at a counter, like an office; food and drink is shopping for everyday needs. Parking,
# public toilets, public spaces, culture, sport, accommodation, churches and leisure belong to
# no group.
PLACE_GROUPS: dict[str, str] = {
    "purpose:office": "offices",
    "purpose:finance": "offices",
    "purpose:health": "health",
    "purpose:social": "social",
    "purpose:education": "schools",
    "purpose:transport": "transport",
    "kind:transport_stop": "transport",
    "purpose:shop": "shops",
    "purpose:food": "shops",
}

POINTS: dict[str, float] = {"accessible": 1.0, "partly": 0.5, "inaccessible": 0.0}

HIDDEN_TOO_FEW_SURVEYED = "too_few_surveyed"
HIDDEN_TOO_FEW_PLACES = "too_few_places"


def groups_of(kind: str, purposes: Iterable[str]) -> list[str]:
    """The groups a place of `kind` with `purposes` counts in, in the order of GROUPS."""
    keys = {f"kind:{kind}", *(f"purpose:{p}" for p in purposes)}
    found = {PLACE_GROUPS[key] for key in keys if key in PLACE_GROUPS}
    return [g for g in GROUPS if g in found]


@dataclass(frozen=True)
class Rules:
    """When a score is shown (settings SCORE_MIN_COVERAGE and SCORE_MIN_ASSESSED)."""

    min_coverage: float = 0.5
    min_assessed: int = 5


@dataclass(frozen=True)
class Counts:
    """What the database knows of one area at one moment.

    `known`: places in a group; `assessed`: those of them with an approved assessment;
    `categories[(group, profile)][category]`: how many assessed places of the group have that
    category for that profile (a place without a category for a profile is not counted there).
    """

    known: int
    assessed: int
    categories: Mapping[tuple[str, str], Mapping[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Score:
    known: int
    assessed: int
    coverage: float | None  # the data-quality factor, 0-1; None when no place is known
    shown: bool
    hidden_reason: str  # "" when shown
    overall: float | None
    by_profile: dict[str, float | None]
    by_group: dict[tuple[str, str], float | None]  # (group, profile)


def _mean_points(categories: Mapping[str, int]) -> float | None:
    counted = {c: n for c, n in categories.items() if c in POINTS and n > 0}
    total = sum(counted.values())
    if not total:
        return None
    return 100 * sum(POINTS[c] * n for c, n in counted.items()) / total


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def score(counts: Counts, rules: Rules) -> Score:
    coverage = counts.assessed / counts.known if counts.known else None
    if coverage is None or coverage < rules.min_coverage:
        reason = HIDDEN_TOO_FEW_SURVEYED
    elif counts.assessed < rules.min_assessed:
        reason = HIDDEN_TOO_FEW_PLACES
    else:
        reason = ""
    by_group = {
        (g, p): _mean_points(counts.categories.get((g, p), {})) for g in GROUPS for p in PROFILES
    }
    by_profile = {p: _mean(by_group[(g, p)] for g in GROUPS) for p in PROFILES}
    overall = _mean(by_profile.values())
    shown = not reason
    return Score(
        known=counts.known,
        assessed=counts.assessed,
        coverage=None if coverage is None else round(coverage, 3),
        shown=shown,
        hidden_reason=reason,
        overall=_rounded(overall) if shown else None,
        by_profile={p: _rounded(v) if shown else None for p, v in by_profile.items()},
        by_group={k: _rounded(v) if shown else None for k, v in by_group.items()},
    )


@dataclass(frozen=True)
class YearScore:
    year: int
    score: Score
    change: float | None  # overall against the year before, when both are shown


def trend(by_year: Mapping[int, Counts], rules: Rules) -> list[YearScore]:
    """The score at the end of each year, oldest first, with the change against the year before."""
    years: list[YearScore] = []
    previous: Score | None = None
    for year in sorted(by_year):
        current = score(by_year[year], rules)
        change = None
        if previous and previous.overall is not None and current.overall is not None:
            change = round(current.overall - previous.overall, 1)
        years.append(YearScore(year, current, change))
        previous = current
    return years
