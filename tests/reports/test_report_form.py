"""The public report form and its moderation by a coordinator."""

import pytest
from django.urls import reverse

from mapping.models import Photo, Report, ReportStatus, Role
from tests.factories import make_assessment, make_place, make_user

pytestmark = pytest.mark.django_db

FORM = "/nahlasit/"


@pytest.fixture
def place():
    place = make_place("Radnice")
    make_assessment(place)
    return place


def test_a_visitor_reports_a_barrier_at_a_position(client):
    response = client.post(
        FORM,
        {"kind": "barrier", "text": "Vysoký obrubník", "latitude": "49.3", "longitude": "14.15"},
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert response["Location"] == reverse("reports:thanks", args=[report.reference])
    assert (report.status, report.location.y) == (ReportStatus.NEW, 49.3)


def test_the_form_preselects_the_place_it_came_from(client, place):
    response = client.get(FORM, {"place": place.pk})
    assert f'<option value="{place.pk}" selected>' in response.content.decode()


def test_a_report_without_a_place_or_a_position_says_what_is_missing(client):
    response = client.post(FORM, {"kind": "barrier", "text": "Někde"}, HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 400
    assert "Vyberte místo nebo zadejte polohu bariéry." in response.content.decode()
    assert not Report.objects.exists()


def test_a_bot_filling_the_honeypot_gets_nothing_stored(client, place):
    response = client.post(
        FORM, {"kind": "correction", "place": place.pk, "text": "x", "website": "spam.example"}
    )
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_the_form_is_rate_limited_per_address(client, place, settings):
    settings.REPORTS_PER_HOUR = 2
    statuses = [
        client.post(FORM, {"kind": "correction", "place": place.pk, "text": f"{n}"}).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 429, 429]
    assert Report.objects.count() == 2


def test_a_coordinator_publishes_a_report_and_hides_a_reported_photo(client, place):
    coordinator = make_user("charlie", role=Role.COORDINATOR, is_staff=True, is_superuser=True)
    client.force_login(coordinator)
    assessment = place.assessments.get()
    photo = Photo.objects.create(
        assessment=assessment,
        image="a.jpg",
        thumbnail="a-t.jpg",
        alt_text="Vchod",
        privacy_status="done",
    )
    barrier = Report.objects.create(kind="barrier", place=place, text="Schod")
    about_photo = Report.objects.create(
        kind="photo", reported_photo=photo, photo_problem="privacy", text="Je tam můj obličej"
    )
    changelist = reverse("admin:mapping_report_changelist")
    client.post(changelist, {"action": "publish", "_selected_action": [barrier.pk]})
    client.post(changelist, {"action": "hide_reported_photo", "_selected_action": [about_photo.pk]})
    barrier.refresh_from_db()
    about_photo.refresh_from_db()
    photo.refresh_from_db()
    assert barrier.status == ReportStatus.PUBLISHED
    assert barrier.moderated_by == coordinator
    assert photo.is_hidden
    assert about_photo.status == ReportStatus.RESOLVED
