"""The public map's layer of reported barriers: published, current barriers with a position
(their own or their place's), their dates in words, nothing private."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mapping.models import Report, ReportStatus
from mapping.reports.expiry import resolve_expired_reports
from mapping.reports.layer import MAX_REPORTS
from tests.factories import make_assessment, make_place

pytestmark = pytest.mark.django_db

LAYER = "/nahlasit/mapa.geojson"


def layer(client, **headers) -> dict:
    response = client.get(LAYER, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


def test_only_published_current_barriers_are_on_the_map(client):
    today = timezone.localdate()
    at = "SRID=4326;POINT(14.147 49.309)"
    published = {"kind": "barrier", "status": ReportStatus.PUBLISHED, "location": at}
    shown = Report.objects.create(text="Výkop", valid_until=today + timedelta(days=3), **published)
    Report.objects.create(text="Prošlé", valid_until=today - timedelta(days=1), **published)
    Report.objects.create(kind="barrier", location=at, text="Nové")
    Report.objects.create(kind="correction", location=at, text="Oprava", status="published")
    Report.objects.create(
        kind="barrier", location=at, text="Zamítnuté", status=ReportStatus.REJECTED
    )
    assert [feature["id"] for feature in layer(client)["features"]] == [shown.pk]


def test_a_report_about_a_place_stands_where_the_place_is_and_links_to_it(client):
    place = make_place("Radnice", lon=14.1474, lat=49.3089)
    make_assessment(place)
    Report.objects.create(
        kind="barrier",
        place=place,
        text="Schod",
        status=ReportStatus.PUBLISHED,
        contact="jana@example.org",
    )
    [feature] = layer(client)["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [14.1474, 49.3089]}
    assert feature["properties"] == {
        "text": "Schod",
        "validity": "",
        "temporary": False,
        "lift": False,
        "place": {"name": "Radnice", "url": reverse("public:detail", args=[place.pk])},
    }


def test_the_dates_are_in_words_of_the_visitors_language(client):
    Report.objects.create(
        kind="barrier",
        location="SRID=4326;POINT(14.147 49.309)",
        text="Uzavírka",
        status=ReportStatus.PUBLISHED,
        valid_from="2099-07-01",
        valid_until="2099-08-31",
    )
    [czech] = layer(client, HTTP_ACCEPT_LANGUAGE="cs")["features"]
    assert czech["properties"]["validity"] == "Platí od 1. července 2099 do 31. srpna 2099"
    assert czech["properties"]["temporary"] is True
    [english] = layer(client, HTTP_ACCEPT_LANGUAGE="en")["features"]
    assert english["properties"]["validity"] == "Valid from July 1, 2099 to Aug. 31, 2099"


def test_an_expired_temporary_barrier_leaves_the_map_once_the_job_resolves_it(client):
    today = timezone.localdate()
    report = Report.objects.create(
        kind="barrier",
        location="SRID=4326;POINT(14.147 49.309)",
        text="Výkop",
        status=ReportStatus.PUBLISHED,
        valid_until=today,
    )
    assert len(layer(client)["features"]) == 1
    assert resolve_expired_reports(today + timedelta(days=1)) == [report.pk]
    assert layer(client)["features"] == []


def test_the_layer_is_bounded(client, monkeypatch):
    monkeypatch.setattr("mapping.reports.layer.MAX_REPORTS", 2)
    for n in range(3):
        Report.objects.create(
            kind="barrier",
            location="SRID=4326;POINT(14.147 49.309)",
            text=f"{n}",
            status=ReportStatus.PUBLISHED,
        )
    body = layer(client)
    assert body["truncated"] is True
    assert [f["properties"]["text"] for f in body["features"]] == ["2", "1"]
    assert MAX_REPORTS == 1000


def test_the_map_page_loads_the_layer_script_after_its_config(client):
    page = client.get(reverse("public:map")).content.decode()
    assert 'id="reports-layer-config"' in page and LAYER in page
    assert page.index("js/public/reports_layer.js") < page.index("js/public/map.js")
    assert 'id="layer-reports" checked' in page
