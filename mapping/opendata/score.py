"""The accessibility score's counts, aggregated in PostGIS, and the score of every area.

PostgreSQL counts, per year and area, the known places and the categories of the assessments in
effect at the end of that year; mapping.methodology.score turns the counts into the score (the
method and its reasons are there and in mapping/methodology/README.md). Nothing here loops over
places.

Areas: each municipality (`Place.municipality`), and within it each city district (městský
obvod or městská část) that the places' RÚIAN address points name. The data holds no okres
(LAU 1) of a municipality, so no score is given for one.

The assessment in effect at the end of a year is a place's latest assessment approved by then
(approved or since superseded), dated by its review (`reviewed_at`), or by its survey date when it
was imported approved and never reviewed here.
"""

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify

from mapping.methodology.score import (
    PLACE_GROUPS,
    Counts,
    Rules,
    Score,
    YearScore,
    trend,
)
from mapping.models import Municipality, ReviewStatus, User
from mapping.models.accounts import AWAITING_APPROVAL
from mapping.models.published import PUBLISHED_SQL

# The score's places: in a group, in a municipality, listed (not created by a volunteer still
# awaiting approval, whose places only they see). `district` from the RÚIAN address point.
_PLACES = """
places AS (
    SELECT p.id, p.municipality_id, COALESCE(ap.district_name, '') AS district, p.created_at,
           array_agg(DISTINCT g.grp) AS grps
      FROM mapping_place p
      JOIN unnest(%(keys)s::text[], %(groups)s::text[]) AS g(key, grp)
        ON g.key = 'kind:' || p.kind
        OR (g.key LIKE 'purpose:%%' AND substr(g.key, 9) = ANY(p.purposes))
      LEFT JOIN mapping_addresspoint ap ON ap.code = p.ruian_address_code
     WHERE p.municipality_id IS NOT NULL
       AND (p.created_by_id IS NULL OR NOT p.created_by_id = ANY(%(awaiting)s::int[]))
     GROUP BY p.id, ap.district_name
)"""

_APPROVED_ON = "COALESCE((a.reviewed_at AT TIME ZONE %(tz)s)::date, a.survey_date)"

# Each place's assessment in effect at the end of each year, and the place's row for each year
# it was known by then (created, or assessed: an import may bring older surveys).
_YEAR_ROWS = f"""
WITH {_PLACES},
years AS (SELECT generate_series(%(first)s::int, %(last)s::int) AS year),
effective AS (
    SELECT DISTINCT ON (y.year, a.place_id) y.year, a.place_id, a.wheelchair, a.seniors, a.pram
      FROM years y
      JOIN mapping_assessment a
        ON ({PUBLISHED_SQL} OR a.status = %(superseded)s)
       AND {_APPROVED_ON} <= make_date(y.year, 12, 31)
      JOIN places pl ON pl.id = a.place_id
     ORDER BY y.year, a.place_id, {_APPROVED_ON} DESC, a.id DESC
),
rows AS (
    SELECT y.year, pl.municipality_id, pl.district, pl.grps,
           e.place_id IS NOT NULL AS assessed, e.wheelchair, e.seniors, e.pram
      FROM years y
     CROSS JOIN places pl
      LEFT JOIN effective e ON e.year = y.year AND e.place_id = pl.id
     WHERE pl.created_at < make_date(y.year + 1, 1, 1) OR e.place_id IS NOT NULL
)"""

# GROUPING(district) = 1 marks the municipality's own row; 0 a district's (named ones only).
COVERAGE_SQL = f"""
{_YEAR_ROWS}
SELECT year, municipality_id, CASE WHEN GROUPING(district) = 1 THEN NULL ELSE district END,
       count(*), count(*) FILTER (WHERE assessed)
  FROM rows
 GROUP BY GROUPING SETS ((year, municipality_id), (year, municipality_id, district))
HAVING GROUPING(district) = 1 OR district <> ''
"""

CATEGORIES_SQL = f"""
{_YEAR_ROWS}
SELECT year, municipality_id, CASE WHEN GROUPING(district) = 1 THEN NULL ELSE district END,
       grp, profile, category, count(*)
  FROM rows r
 CROSS JOIN LATERAL unnest(r.grps) AS grp
 CROSS JOIN LATERAL (VALUES ('wheelchair', r.wheelchair), ('seniors', r.seniors),
                            ('pram', r.pram)) AS v(profile, category)
 WHERE r.assessed AND category <> ''
 GROUP BY GROUPING SETS ((year, municipality_id, grp, profile, category),
                         (year, municipality_id, district, grp, profile, category))
HAVING GROUPING(district) = 1 OR district <> ''
"""

FIRST_YEAR_SQL = f"""
SELECT EXTRACT(YEAR FROM MIN({_APPROVED_ON}))::int
  FROM mapping_assessment a
 WHERE {PUBLISHED_SQL} OR a.status = %(superseded)s
"""


def rules() -> Rules:
    return Rules(min_coverage=settings.SCORE_MIN_COVERAGE, min_assessed=settings.SCORE_MIN_ASSESSED)


@dataclass(frozen=True)
class AreaScore:
    """One municipality, or one of its districts (`district` not empty), with its trend."""

    municipality_code: str
    municipality_name: str
    district: str
    years: list[YearScore]

    @property
    def current(self) -> Score:
        return self.years[-1].score

    @property
    def coverage_percent(self) -> int | None:
        """The current data-quality factor in whole per cent."""
        coverage = self.current.coverage
        return None if coverage is None else round(coverage * 100)

    @property
    def name(self) -> str:
        if self.district:
            return f"{self.municipality_name} – {self.district}"
        return self.municipality_name

    @property
    def slug(self) -> str:
        """For the page's anchors (#area-549240, #area-554821-poruba)."""
        if self.district:
            return f"{self.municipality_code}-{slugify(self.district)}"
        return self.municipality_code


AreaKey = tuple[int, str]  # (municipality id, district or "")


def _counts_by_area() -> dict[AreaKey, dict[int, Counts]]:
    tz = settings.TIME_ZONE
    params = {
        "keys": list(PLACE_GROUPS),
        "groups": list(PLACE_GROUPS.values()),
        "awaiting": list(User.objects.filter(AWAITING_APPROVAL).values_list("id", flat=True)),
        "superseded": ReviewStatus.SUPERSEDED.value,
        "tz": tz,
    }
    with connection.cursor() as cursor:
        cursor.execute(FIRST_YEAR_SQL, params)
        (first,) = cursor.fetchone()
        if first is None:
            return {}
        params |= {"first": first, "last": max(first, timezone.localdate().year)}
        cursor.execute(COVERAGE_SQL, params)
        coverage = cursor.fetchall()
        cursor.execute(CATEGORIES_SQL, params)
        categories = cursor.fetchall()
    tallies: dict[tuple[AreaKey, int], dict[tuple[str, str], dict[str, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for year, municipality_id, district, group, profile, category, n in categories:
        tallies[((municipality_id, district or ""), year)][(group, profile)][category] = n
    by_area: dict[AreaKey, dict[int, Counts]] = defaultdict(dict)
    for year, municipality_id, district, known, assessed in coverage:
        key = (municipality_id, district or "")
        by_area[key][year] = Counts(known, assessed, tallies.get((key, year), {}))
    return by_area


def area_scores() -> list[AreaScore]:
    """Every municipality with a place in a group, then its districts, by name."""
    by_area = _counts_by_area()
    municipalities = Municipality.objects.in_bulk({m for m, _ in by_area})
    scoring = rules()
    areas = [
        AreaScore(
            municipalities[m].code,
            municipalities[m].name,
            district,
            trend(years, scoring),
        )
        for (m, district), years in by_area.items()
    ]
    return sorted(areas, key=lambda a: (_folded(a.municipality_name), a.municipality_code, a.slug))


def _folded(name: str) -> str:
    """Písek before Putim: by the letters without their accents, as a Czech reader looks."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
