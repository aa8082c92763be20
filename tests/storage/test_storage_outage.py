"""While the object storage of the photos (MEDIA_STORAGE=s3) cannot be reached, a form or a survey
with a photo is a 503 with Retry-After and a message that says so in Czech and English, leaving no
record; not a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from barrierfree.media import S3Media
from mapping.models import Assessment, Photo, Place, Report
from tests.s3 import ACCESS_KEY_ID, REGION, SECRET_ACCESS_KEY, use_object_storage
from tests.servers import free_port
from tests.survey.conftest import GPS_PHOTO, submission, upload

pytestmark = pytest.mark.django_db

MESSAGE_CS = "Úložiště fotek mapy teď není dostupné."
MESSAGE_EN = "The storage of the map's photos cannot be reached just now."


@pytest.fixture(autouse=True)
def storage_down(settings):
    """Buckets at an address where nothing answers (a provider's outage, a cut network)."""
    media = S3Media(
        public_bucket="mapa-foto",
        private_bucket="mapa-originaly",
        endpoint_url=f"http://127.0.0.1:{free_port()}",
        region=REGION,
        access_key_id=ACCESS_KEY_ID,
        secret_access_key=SECRET_ACCESS_KEY,
    )
    use_object_storage(settings, media)


def browser(user=None) -> Client:
    """A client that gets the site's error answer instead of the exception."""
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def test_a_survey_with_a_photo_is_a_503_in_both_languages_leaving_nothing(alice):
    answer = browser(alice).post(reverse("survey:submit"), submission(photos=1))
    assert answer.status_code == 503
    assert answer["Retry-After"] == "30"
    body = answer.json()
    assert body["code"] == "unavailable" and body["error"] == body["message_cs"]
    assert MESSAGE_CS in body["message_cs"] and MESSAGE_EN in body["message_en"]
    assert not Assessment.objects.exists() and not Place.objects.exists()
    assert not Photo.objects.exists()


def test_a_report_with_a_photo_is_a_503_page_leaving_no_report():
    answer = browser().post(
        "/nahlasit/",
        {
            "kind": "barrier",
            "text": "Schod",
            "photo": upload(GPS_PHOTO.read_bytes(), "schod.jpg"),
            "photo_alt": "Schod u vchodu",
        },
    )
    assert answer.status_code == 503
    assert answer["Retry-After"] == "30"
    assert MESSAGE_CS in answer.content.decode()
    assert not Report.objects.exists() and not Photo.objects.exists()


def test_a_coordinators_original_is_a_503_not_a_broken_link(charlie):
    report = Report.objects.create(kind="barrier", text="Schod", location="POINT(14.15 49.31)")
    photo = Photo.objects.create(
        report=report,
        alt_text="Schod",
        image="photos/display/a.jpg",
        thumbnail="photos/thumb/a.jpg",
        original="photos/original/a.jpg",
        privacy_status="done",
    )
    answer = browser(charlie).get(reverse("review:photo_original", args=[photo.pk]))
    assert answer.status_code == 503
    assert MESSAGE_CS in answer.content.decode()
