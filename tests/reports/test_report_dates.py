"""A temporary barrier's dates: given on the form or through the API, refused in both with the
same words when they cannot be, shown on the place's page and gone from it after the last day."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from mapping.models import Report, ReportStatus
from tests.factories import make_assessment, make_place

pytestmark = pytest.mark.django_db

FORM = "/nahlasit/"
API = "/api/v1/reports/"
AT = {"latitude": "49.309", "longitude": "14.147"}


def days(n: int) -> str:
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def test_the_form_stores_the_days_a_temporary_barrier_lasts(client):
    response = client.post(
        FORM,
        {"kind": "barrier", "text": "Výkop", **AT, "valid_from": days(1), "valid_until": days(9)},
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.valid_from, report.valid_until) == (
        date.fromisoformat(days(1)),
        date.fromisoformat(days(9)),
    )


@pytest.mark.parametrize(
    ("dates", "message"),
    [
        ((days(5), days(2)), "Konec platnosti je dříve než její začátek."),
        ((None, days(-1)), "Konec platnosti už uplynul."),
    ],
)
def test_dates_that_cannot_be_are_refused_next_to_the_field(client, dates, message):
    valid_from, valid_until = dates
    data = {"kind": "barrier", "text": "Výkop", **AT, "valid_until": valid_until}
    if valid_from:
        data["valid_from"] = valid_from
    response = client.post(FORM, data, HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<p class="error" id="id_valid_until-error">{message}</p>' in page
    assert 'aria-invalid="true"' in page
    assert not Report.objects.exists()


def test_the_api_refuses_the_same_dates_with_the_same_words(client):
    response = client.post(
        API,
        {
            "kind": "barrier",
            "text": "x",
            "latitude": 49.3,
            "longitude": 14.1,
            "valid_from": days(5),
            "valid_until": days(2),
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="cs",
    )
    assert response.status_code == 400
    refused = response.json()["fields"]["valid_until"]
    assert refused == ["Konec platnosti je dříve než její začátek."]


def test_the_place_page_shows_a_current_report_with_its_dates_and_not_an_expired_one(client):
    place = make_place("Radnice")
    make_assessment(place)
    common = {"kind": "barrier", "status": ReportStatus.PUBLISHED}
    Report.objects.create(
        place=place, text="Rozkopaný vstup", valid_from=days(-2), valid_until=days(20), **common
    )
    Report.objects.create(place=place, text="Lešení přes chodník", valid_until=days(-1), **common)
    Report.objects.create(place=place, text="Čeká na koordinátora", kind="barrier")
    page = client.get(
        reverse("public:detail", args=[place.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    section = page[page.index('id="reports-title"') :]
    assert "Temporary barrier</strong>: Rozkopaný vstup" in section
    with translation.override("en"):
        valid_until = date_format(date.fromisoformat(days(20)))
    assert f"to {valid_until}" in section
    assert "Lešení" not in page and "Čeká na koordinátora" not in page


def test_a_barrier_reported_near_the_place_shows_on_its_page_and_a_far_one_does_not(client):
    place = make_place("Radnice", lon=14.1474, lat=49.3089)
    make_assessment(place)
    common = {"kind": "barrier", "status": ReportStatus.PUBLISHED}
    # About 30 m and about 300 m east of the place.
    Report.objects.create(location="SRID=4326;POINT(14.1478 49.3089)", text="Blízko", **common)
    Report.objects.create(location="SRID=4326;POINT(14.1515 49.3089)", text="Daleko", **common)
    page = client.get(reverse("public:detail", args=[place.pk])).content.decode()
    assert "Blízko" in page and "(poblíž)" in page
    assert "Daleko" not in page
