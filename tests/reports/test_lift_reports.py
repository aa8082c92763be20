"""A lift out of order is a kind of public report: the form offers it, and once published it is on
the map's layer of reports (and closes the lift to routes: tests/routing/test_node_barriers.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mapping.models import Report, ReportKind, ReportStatus

pytestmark = pytest.mark.django_db


def test_a_visitor_reports_a_lift_out_of_order_at_a_position_with_its_validity(client):
    page = client.get("/nahlasit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'value="lift"' in page
    until = timezone.localdate() + timedelta(days=5)
    response = client.post(
        "/nahlasit/",
        {
            "kind": "lift",
            "text": "Výtah na nástupiště nejede.",
            "latitude": "50.08",
            "longitude": "14.421",
            "valid_until": until.isoformat(),
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.kind, report.status, report.valid_until) == (
        ReportKind.LIFT,
        ReportStatus.NEW,
        until,
    )


def test_a_published_lift_report_is_on_the_map_until_it_ends(client):
    today = timezone.localdate()
    at = "SRID=4326;POINT(14.421 50.08)"
    shown = Report.objects.create(
        kind=ReportKind.LIFT,
        location=at,
        text="Výtah nejede",
        status=ReportStatus.PUBLISHED,
        valid_until=today + timedelta(days=2),
    )
    Report.objects.create(
        kind=ReportKind.LIFT,
        location=at,
        text="Opraveno",
        status=ReportStatus.PUBLISHED,
        valid_until=today - timedelta(days=1),
    )
    features = client.get("/nahlasit/mapa.geojson").json()["features"]
    assert [feature["id"] for feature in features] == [shown.pk]
    assert features[0]["properties"]["lift"] is True
