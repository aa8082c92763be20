"""The accessibility score of the municipalities: the public page, and the same as CSV and JSON.

The numbers come from mapping.opendata.score (PostGIS counts) through mapping.methodology.score
(the method); these views only present them. Each row of the files is one area in one year, the
current year last, so that the trend is in the data too.
"""

import csv
import io
import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_GET

from mapping.language import in_page_language
from mapping.methodology.score import (
    GROUP_LABELS,
    GROUPS,
    HIDDEN_TOO_FEW_PLACES,
    PROFILES,
    Score,
)
from mapping.opendata.freshness import published_freshness
from mapping.opendata.score import AreaScore, area_scores, rules
from mapping.opendata.views import LICENCE_URL
from mapping.spreadsheets import spreadsheet_cell


def profile_labels() -> dict[str, str]:
    return {
        "wheelchair": _("Wheelchair"),
        "seniors": _("Seniors and reduced mobility"),
        "pram": _("Pram"),
    }


def group_label(group: str) -> str:
    return in_page_language(*GROUP_LABELS[group])


def _hidden_text(result: Score) -> str:
    scoring = rules()
    if result.hidden_reason == HIDDEN_TOO_FEW_PLACES:
        return _(
            "Not shown: too few places are surveyed (%(assessed)s; the score needs at least "
            "%(min)s)."
        ) % {"assessed": result.assessed, "min": scoring.min_assessed}
    return _(
        "Not shown: too little of the municipality is surveyed; the score needs at least "
        "%(min)s %% of its places."
    ) % {"min": round(scoring.min_coverage * 100)}


def _present_score(result: Score) -> dict:
    return {
        "score": result,
        "coverage_percent": None if result.coverage is None else round(result.coverage * 100),
        "hidden_text": "" if result.shown else _hidden_text(result),
        "profiles": [result.by_profile[p] for p in PROFILES],
    }


def _present(area: AreaScore) -> dict:
    current = area.current
    return {
        "area": area,
        **_present_score(current),
        "groups": [
            {"label": group_label(g), "values": [current.by_group[(g, p)] for p in PROFILES]}
            for g in GROUPS
        ],
        "years": [
            {"year": y.year, "change": y.change, **_present_score(y.score)} for y in area.years
        ],
    }


@require_GET
def score_page(request: HttpRequest) -> HttpResponse:
    scoring = rules()
    labels = profile_labels()
    return render(
        request,
        "opendata/score.html",
        {
            "areas": [_present(a) for a in area_scores()],
            "profiles": [labels[p] for p in PROFILES],
            "min_coverage_percent": round(scoring.min_coverage * 100),
            "min_assessed": scoring.min_assessed,
            "csv_url": reverse("opendata:score-csv"),
            "json_url": reverse("opendata:score-json"),
            "opendata_url": reverse("opendata:index"),
        },
    )


COLUMNS = [
    "municipality_code",
    "municipality",
    "district",
    "year",
    "known_places",
    "assessed_places",
    "data_quality",
    "shown",
    "hidden_reason",
    "score",
    *PROFILES,
    *(f"{g}_{p}" for g in GROUPS for p in PROFILES),
]


def _rows() -> list[dict]:
    rows = []
    for area in area_scores():
        for year in area.years:
            result = year.score
            rows.append(
                {
                    "municipality_code": area.municipality_code,
                    "municipality": area.municipality_name,
                    "district": area.district,
                    "year": year.year,
                    "known_places": result.known,
                    "assessed_places": result.assessed,
                    "data_quality": result.coverage,
                    "shown": result.shown,
                    "hidden_reason": result.hidden_reason,
                    "score": result.overall,
                    **result.by_profile,
                    **{f"{g}_{p}": v for (g, p), v in result.by_group.items()},
                }
            )
    return rows


def _score_etag(request: HttpRequest) -> str:
    """The score changes with the published data, the thresholds, and the turn of the year (a
    new year of the trend): no Last-Modified, which would miss the last two."""
    scoring = rules()
    return (
        f"score-{timezone.localdate().year}-{scoring.min_coverage}-{scoring.min_assessed}-"
        f"{published_freshness().etag}"
    )


def _download(body: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@require_GET
@condition(etag_func=_score_etag)
def score_csv(request: HttpRequest) -> HttpResponse:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in _rows():
        writer.writerow({k: spreadsheet_cell(v) for k, v in row.items()})
    return _download(out.getvalue(), "text/csv; charset=utf-8", "skore-pristupnosti.csv")


@require_GET
@condition(etag_func=_score_etag)
def score_json(request: HttpRequest) -> HttpResponse:
    scoring = rules()
    body = {
        "method": {
            "groups": list(GROUPS),
            "profiles": list(PROFILES),
            "points": {"accessible": 1, "partly": 0.5, "inaccessible": 0},
            "min_data_quality": scoring.min_coverage,
            "min_assessed_places": scoring.min_assessed,
        },
        "rows": _rows(),
    }
    return _download(
        json.dumps(body, ensure_ascii=False, indent=1),
        "application/json",
        "skore-pristupnosti.json",
    )
