"""Anyone can report a barrier, a correction or a photo; nothing shows before moderation."""

import time
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from mapping.models import Photo, Report, ReportStatus
from tests.factories import make_assessment, make_place
from tests.media import stored_media_files
from tests.reports.test_costly_uploads import png_of_49_megapixels

pytestmark = pytest.mark.django_db

REPORTS = "/api/v1/reports/"


@pytest.fixture
def place():
    place = make_place("Radnice")
    make_assessment(place)
    return place


def test_a_barrier_report_is_stored_but_not_shown_until_moderated(client, place):
    response = client.post(
        REPORTS,
        {"kind": "barrier", "latitude": 49.309, "longitude": 14.147, "text": "Rozkopaný chodník"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "new"
    report = Report.objects.get()
    assert (report.location.x, report.location.y) == (14.147, 49.309)
    assert client.get(REPORTS).json()["results"] == []
    report.status = ReportStatus.PUBLISHED
    report.save()
    assert [r["text"] for r in client.get(REPORTS).json()["results"]] == ["Rozkopaný chodník"]


def test_a_report_about_a_place_needs_no_position(client, place):
    response = client.post(
        REPORTS,
        {"kind": "correction", "place": place.pk, "text": "Rampa je nová."},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert Report.objects.get().place == place


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "barrier", "text": "Kde?"}, "place"),
        ({"kind": "barrier", "text": "x", "latitude": 49.3}, "latitude"),
        ({"kind": "barrier", "text": "x", "latitude": 95, "longitude": 14}, "latitude"),
        ({"kind": "photo", "text": "Špatná fotka"}, "reported_photo"),
        ({"kind": "teleport", "text": "x", "latitude": 49.3, "longitude": 14.1}, "kind"),
    ],
)
def test_an_incomplete_report_is_a_400_naming_the_field(client, place, payload, field):
    response = client.post(REPORTS, payload, content_type="application/json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["fields"]
    assert body["error"] == body["message"] == body["message_cs"]
    assert body["fields"][field][0] in body["error"]
    assert body["message_en"]
    assert field in body  # for one release the fields also stay where the API gave them before
    assert not Report.objects.exists()


def test_a_filled_honeypot_is_refused(client, place):
    response = client.post(
        REPORTS,
        {"kind": "correction", "place": place.pk, "text": "spam", "website": "http://spam"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_a_report_about_an_unpublished_place_is_refused(client):
    hidden = make_place("Koncept")
    make_assessment(hidden, status="submitted")
    response = client.post(
        REPORTS,
        {"kind": "correction", "place": hidden.pk, "text": "x"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "place" in response.json()


def test_reports_are_rate_limited_with_a_message_and_retry_after(client, place, settings):
    settings.REPORTS_PER_HOUR = 3
    answers = [
        client.post(
            REPORTS,
            {"kind": "correction", "place": place.pk, "text": f"Hlášení {n}"},
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="cs",
        )
        for n in range(5)
    ]
    assert [answer.status_code for answer in answers] == [201, 201, 201, 429, 429]
    assert Report.objects.count() == 3
    refused = answers[-1]
    assert 0 < int(refused["Retry-After"]) <= 3600
    czech = "Z této adresy přišlo příliš mnoho hlášení (nejvýše 3 za hodinu). Další můžete "
    czech += "poslat za 60 min."
    english = "Too many reports from this address (at most 3 an hour). You can send the next "
    english += "one in 60 min."
    assert refused.json() == {
        "error": czech,
        "code": "throttled",
        "message": czech,
        "message_cs": czech,
        "message_en": english,
    }


def test_a_photo_sent_to_the_report_api_is_neither_decoded_nor_stored(client, place, settings):
    """The API takes no photo (the web form does, within the public's limits): a 49-megapixel
    PNG sent with a report costs no decoding and leaves no file."""
    photo = SimpleUploadedFile("bomb.png", png_of_49_megapixels(), content_type="image/png")
    started = time.monotonic()
    response = client.post(
        REPORTS, {"kind": "correction", "place": place.pk, "text": "Nová rampa", "photo": photo}
    )
    assert time.monotonic() - started < 1.0
    assert response.status_code == 201
    assert not Photo.objects.exists()
    assert stored_media_files(settings) == []


def test_the_sender_gets_the_reference_and_the_follow_up_page(client):
    response = client.post(
        REPORTS,
        {"kind": "barrier", "latitude": 49.309, "longitude": 14.147, "text": "Výkop"},
        content_type="application/json",
    )
    body = response.json()
    report = Report.objects.get()
    assert body["reference"] == report.reference
    assert body["status_url"] == f"http://testserver/nahlasit/stav/{report.reference}/"
    assert client.get(body["status_url"]).status_code == 200


def test_the_public_list_gives_the_position_and_the_dates_but_no_reference(client, place):
    Report.objects.create(
        kind="barrier",
        location="SRID=4326;POINT(14.147 49.309)",
        text="Uzavírka",
        valid_from="2099-07-01",
        valid_until="2099-08-31",
        contact="jana@example.org",
        status=ReportStatus.PUBLISHED,
    )
    Report.objects.create(kind="correction", place=place, text="Nová rampa", status="published")
    results = client.get(REPORTS).json()["results"]
    by_text = {r["text"]: r for r in results}
    barrier = by_text["Uzavírka"]
    assert (barrier["latitude"], barrier["longitude"]) == (49.309, 14.147)
    assert (barrier["valid_from"], barrier["valid_until"]) == ("2099-07-01", "2099-08-31")
    about_place = by_text["Nová rampa"]
    assert (about_place["latitude"], about_place["longitude"]) == (
        place.location.y,
        place.location.x,
    )
    assert about_place["valid_from"] is None
    for result in results:
        assert not {"reference", "status_url", "contact"} & result.keys()


def test_the_api_takes_the_dates_of_a_temporary_barrier(client):
    response = client.post(
        REPORTS,
        {
            "kind": "barrier",
            "latitude": 49.309,
            "longitude": 14.147,
            "text": "Výkop",
            "valid_from": "2099-01-01",
            "valid_until": "2099-01-31",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    report = Report.objects.get()
    assert (str(report.valid_from), str(report.valid_until)) == ("2099-01-01", "2099-01-31")


def test_a_report_past_its_last_day_leaves_the_list_even_before_the_job_resolves_it(client):
    yesterday = timezone.localdate() - timedelta(days=1)
    Report.objects.create(
        kind="barrier",
        location="SRID=4326;POINT(14.147 49.309)",
        text="Prošlá uzavírka",
        valid_until=yesterday,
        status=ReportStatus.PUBLISHED,
    )
    assert client.get(REPORTS).json()["results"] == []
