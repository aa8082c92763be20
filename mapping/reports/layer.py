"""The published barriers from the public's reports, as a GeoJSON layer for the public map
(static/js/public/reports_layer.js): where each is, what the reporter wrote (as moderated), and
its dates in words of the visitor's language. Few rows by nature; bounded all the same."""

from datetime import date

from django.db.models import Exists, OuterRef
from django.urls import reverse

from mapping.models import Assessment, Report, ReportKind

MAX_REPORTS = 1000
MAX_TEXT = 500


def _feature(report: Report) -> dict:
    place = None
    if report.place_id and report.place_published:
        place = {"name": report.place.name, "url": reverse("public:detail", args=[report.place_id])}
    return {
        "type": "Feature",
        "id": report.pk,
        "geometry": {"type": "Point", "coordinates": [report.position.x, report.position.y]},
        "properties": {
            "text": report.text[:MAX_TEXT],
            "validity": report.validity_text(),
            "temporary": report.valid_until is not None,
            "lift": report.kind == ReportKind.LIFT,
            "place": place,
        },
    }


def reports_layer(today: date | None = None) -> dict:
    """The current published barrier and lift reports with a position, newest first."""
    published_place = Assessment.objects.published().filter(place=OuterRef("place"))
    reports = list(
        Report.objects.current(today)
        .filter(kind__in=[ReportKind.BARRIER, ReportKind.LIFT])
        .with_position()
        .annotate(place_published=Exists(published_place))
        .select_related("place")
        .order_by("-created_at", "-id")[: MAX_REPORTS + 1]
    )
    return {
        "type": "FeatureCollection",
        "truncated": len(reports) > MAX_REPORTS,
        "features": [_feature(report) for report in reports[:MAX_REPORTS]],
    }
