"""A reporter gets a reference and a page where they follow what happened to their report:
its status and dates, never its contact, photo or the coordinators' notes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mapping.models import Report, ReportStatus
from mapping.models.reports import REFERENCE_ALPHABET, new_reference, normalise_reference
from tests.factories import make_assessment, make_place

pytestmark = pytest.mark.django_db

FORM = "/nahlasit/"


def send(client, **fields):
    data = {"kind": "barrier", "text": "Rozkopaný chodník", "latitude": "49.309"}
    data |= {"longitude": "14.147", "contact": "jana@example.org", **fields}
    return client.post(FORM, data, HTTP_ACCEPT_LANGUAGE="cs")


def test_the_reporter_is_shown_the_reference_and_the_way_to_follow_it(client):
    response = send(client)
    report = Report.objects.get()
    assert response["Location"] == reverse("reports:thanks", args=[report.reference])
    page = client.get(response["Location"]).content.decode()
    assert report.reference in page
    assert reverse("reports:status", args=[report.reference]) in page


def test_references_are_random_codes_of_letters_that_cannot_be_misread():
    references = {new_reference() for _ in range(200)}
    assert len(references) == 200
    for reference in references:
        assert reference[4] == "-" and len(reference) == 9
        assert set(reference.replace("-", "")) <= set(REFERENCE_ALPHABET)
    assert not set("01IO") & set(REFERENCE_ALPHABET)


@pytest.mark.parametrize("typed", ["k7qm-4xpa", "K7QM4XPA", " k7qm 4xpa "])
def test_a_reference_is_read_however_it_is_typed(typed):
    assert normalise_reference(typed) == "K7QM-4XPA"


@pytest.mark.parametrize("typed", ["", "K7QM-4XP", "K7QM-4XPA1", "K0QM-4XPA", "<script>"])
def test_what_cannot_be_a_reference_is_not_read(typed):
    assert normalise_reference(typed) is None


def test_a_new_report_shows_its_status_but_not_its_text_nor_contact(client):
    send(client, text="Výkop před domem č. 12, volejte 777 123 456")
    report = Report.objects.get()
    page = client.get(reverse("reports:status", args=[report.reference])).content.decode()
    assert "Čeká na schválení" in page
    assert "koordinátor ho zatím nečetl" in page
    assert "777 123 456" not in page and "jana@example.org" not in page


def test_a_published_report_shows_its_decision_dates_text_and_place(client):
    place = make_place("Radnice")
    make_assessment(place)
    report = Report.objects.create(
        kind="barrier",
        place=place,
        text="Schod u vchodu",
        contact="jana@example.org",
        valid_from="2099-05-01",
        valid_until="2099-06-30",
        status=ReportStatus.PUBLISHED,
        moderated_at=timezone.now(),
        moderator_note="Ověřeno telefonem s paní Novou",
    )
    page = client.get(
        reverse("reports:status", args=[report.reference]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Published" in page and "shown on the map" in page
    assert "Valid from May 1, 2099 to June 30, 2099" in page
    assert "Schod u vchodu" in page
    assert reverse("public:detail", args=[place.pk]) in page
    assert "paní Novou" not in page and "jana@example.org" not in page


def test_a_rejected_report_says_so_without_its_text(client):
    report = Report.objects.create(
        kind="correction",
        location="SRID=4326;POINT(14.147 49.309)",
        text="Osobní údaje",
        status=ReportStatus.REJECTED,
        moderated_at=timezone.now(),
    )
    page = client.get(reverse("reports:status", args=[report.reference])).content.decode()
    assert "koordinátor se rozhodl ho nezveřejnit" in page
    assert "Osobní údaje" not in page


def test_the_lookup_form_finds_a_report_by_its_reference_typed_loosely(client):
    send(client)
    report = Report.objects.get()
    typed = report.reference.lower().replace("-", " ")
    response = client.get(reverse("reports:track"), {"reference": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:status", args=[report.reference])


def test_an_unknown_reference_is_a_404_that_says_what_to_check(client):
    response = client.get(
        reverse("reports:track"), {"reference": "AAAA-BBBB"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 404
    assert "No report has the reference “AAAA-BBBB”. Check it and try again." in (
        response.content.decode()
    )
    assert client.get(reverse("reports:status", args=["AAAA-BBBB"])).status_code == 404
