"""The accessibility score from counts: points, the groups' equal weight, the data-quality
factor, the thresholds that hide it, and the trend per year (mapping/methodology/score.py)."""

import pytest

from mapping.methodology.score import (
    GROUPS,
    HIDDEN_TOO_FEW_PLACES,
    HIDDEN_TOO_FEW_SURVEYED,
    PROFILES,
    Counts,
    Rules,
    groups_of,
    score,
    trend,
)

RULES = Rules(min_coverage=0.5, min_assessed=2)


def _same_for_every_profile(group: str, **categories: int) -> dict:
    return {(group, p): categories for p in PROFILES}


@pytest.mark.parametrize(
    ("kind", "purposes", "groups"),
    [
        ("building", ["office"], ["offices"]),
        ("building", ["finance"], ["offices"]),
        ("building", ["social", "health"], ["health", "social"]),
        ("building", ["education", "culture"], ["schools"]),
        ("transport_stop", [], ["transport"]),
        ("parking", ["transport"], ["transport"]),
        ("building", ["food"], ["shops"]),
        ("building", ["culture", "sport"], []),
        ("toilet", ["other"], []),
    ],
)
def test_a_place_counts_in_the_groups_of_its_kind_and_purposes(kind, purposes, groups):
    assert groups_of(kind, purposes) == groups


@pytest.mark.parametrize(
    ("counts", "shown", "reason", "coverage"),
    [
        # Nothing known: no factor, nothing to show.
        (Counts(known=0, assessed=0), False, HIDDEN_TOO_FEW_SURVEYED, None),
        # 1 of 3 surveyed: 0.333 < 0.5.
        (Counts(known=3, assessed=1), False, HIDDEN_TOO_FEW_SURVEYED, 0.333),
        # Just below the share: 49 of 100.
        (Counts(known=100, assessed=49), False, HIDDEN_TOO_FEW_SURVEYED, 0.49),
        # At the share exactly: shown.
        (Counts(known=100, assessed=50), True, "", 0.5),
        # All surveyed but fewer places than the minimum.
        (Counts(known=1, assessed=1), False, HIDDEN_TOO_FEW_PLACES, 1.0),
        # At the minimum number of places.
        (Counts(known=4, assessed=2), True, "", 0.5),
    ],
)
def test_the_score_is_hidden_below_the_thresholds(counts, shown, reason, coverage):
    result = score(counts, RULES)
    assert (result.shown, result.hidden_reason, result.coverage) == (shown, reason, coverage)
    if not shown:
        assert result.overall is None
        assert set(result.by_profile.values()) == {None}
        assert set(result.by_group.values()) == {None}


@pytest.mark.parametrize(
    ("categories", "overall", "group_score"),
    [
        # Points: accessible 1, partly 0.5, inaccessible 0.
        (_same_for_every_profile("offices", accessible=2), 100.0, 100.0),
        (_same_for_every_profile("offices", partly=2), 50.0, 50.0),
        (_same_for_every_profile("offices", accessible=1, inaccessible=3), 25.0, 25.0),
        (_same_for_every_profile("offices", accessible=1, partly=1, inaccessible=1), 50.0, 50.0),
        # Every group weighs the same: 9 accessible shops do not outweigh 1 inaccessible office.
        (
            {
                **_same_for_every_profile("offices", inaccessible=1),
                **_same_for_every_profile("shops", accessible=9),
            },
            50.0,
            0.0,
        ),
    ],
)
def test_points_are_averaged_per_group_then_over_groups(categories, overall, group_score):
    result = score(Counts(known=10, assessed=10, categories=categories), RULES)
    assert result.overall == overall
    assert result.by_group[("offices", "wheelchair")] == group_score
    assert set(result.by_profile.values()) == {overall}
    # A group without an assessed place has no score, and does not pull the others down.
    assert result.by_group[("schools", "pram")] is None


def test_profiles_are_scored_apart_and_overall_is_their_mean():
    categories = {
        ("health", "wheelchair"): {"inaccessible": 2},
        ("health", "seniors"): {"accessible": 2},
        ("health", "pram"): {"partly": 1, "accessible": 1},
    }
    result = score(Counts(known=2, assessed=2, categories=categories), RULES)
    assert result.by_profile == {"wheelchair": 0.0, "seniors": 100.0, "pram": 75.0}
    assert result.overall == 58.3
    assert set(result.by_group) == {(g, p) for g in GROUPS for p in PROFILES}


def test_the_data_quality_factor_does_not_scale_the_score():
    categories = _same_for_every_profile("social", accessible=5)
    fully = score(Counts(known=5, assessed=5, categories=categories), RULES)
    half = score(Counts(known=10, assessed=5, categories=categories), RULES)
    assert (fully.coverage, half.coverage) == (1.0, 0.5)
    assert fully.overall == half.overall == 100.0


@pytest.mark.parametrize(
    ("by_year", "expected"),
    [
        # (year, shown overall, change against the year before)
        (
            {
                2024: Counts(3, 2, _same_for_every_profile("offices", inaccessible=2)),
                2025: Counts(3, 3, _same_for_every_profile("offices", inaccessible=2, partly=1)),
                2026: Counts(4, 4, _same_for_every_profile("offices", accessible=2, partly=2)),
            },
            [(2024, 0.0, None), (2025, 16.7, 16.7), (2026, 75.0, 58.3)],
        ),
        # A hidden year breaks the chain: no change is given across it.
        (
            {
                2024: Counts(10, 1, _same_for_every_profile("offices", accessible=1)),
                2025: Counts(10, 6, _same_for_every_profile("offices", partly=6)),
                2026: Counts(10, 8, _same_for_every_profile("offices", accessible=8)),
            },
            [(2024, None, None), (2025, 50.0, None), (2026, 100.0, 50.0)],
        ),
    ],
)
def test_the_trend_gives_each_year_and_its_change(by_year, expected):
    years = trend(by_year, RULES)
    assert [(y.year, y.score.overall, y.change) for y in years] == expected
