"""A public report with a photo (through the one photo pipeline), and a report about a
published photo. Bad photos get a clear 4xx and leave no report, no photo row and no file."""

import io
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from mapping.models import Photo, Report, ReportKind, ReviewStatus
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo, run_privacy_checks
from tests.media import stored_media_files as stored_files

# Each test runs with photos in folders and in the buckets of an S3 server (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_storage")]

FORM = "/nahlasit/"
PHOTOS = Path(__file__).resolve().parents[1] / "fixtures" / "photos"


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


def upload(name: str = "DSCN0010.jpg", content: bytes | None = None) -> SimpleUploadedFile:
    data = (PHOTOS / name).read_bytes() if content is None else content
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def plain_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


def test_a_report_with_a_photo_stores_it_anonymised_beside_the_report(client, settings):
    place = make_place("Radnice")
    make_assessment(place)
    response = client.post(
        FORM,
        {
            "kind": "barrier",
            "place": place.pk,
            "text": "Rozbitá rampa",
            "photo": upload(),
            "photo_alt": "Rampa s vylomeným okrajem",
        },
    )
    assert response.status_code == 302, response.content.decode()
    report = Report.objects.get()
    assert run_privacy_checks() == ["done"]
    photo = report.photos.get()
    assert (photo.alt_text, photo.assessment) == ("Rampa s vylomeným okrajem", None)
    with default_storage.open(photo.image.name) as stored, Image.open(stored) as public_copy:
        assert not public_copy.getexif()
    assert photo.exif_location is not None


def test_a_photo_that_knows_where_it_was_taken_places_the_report(client):
    response = client.post(
        FORM,
        {"kind": "barrier", "text": "Schod", "photo": upload(), "photo_alt": "Schod u vchodu"},
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.place is None
    assert (round(report.location.y, 5), round(report.location.x, 5)) == (43.46745, 11.88513)


@pytest.mark.parametrize("language", ["cs", "en"])
def test_a_photo_without_a_position_and_no_place_is_a_clear_400(client, settings, language):
    response = client.post(
        FORM,
        {
            "kind": "barrier",
            "text": "Schod",
            "photo": upload("plain.jpg", plain_jpeg()),
            "photo_alt": "Schod",
        },
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 400
    message = "neříká, kde byla pořízena" if language == "cs" else "does not say where"
    assert message in response.content.decode()
    assert not Report.objects.exists() and not Photo.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("notes.jpg", b"this is a text file, not a photo", 415),
        ("cut.jpg", (PHOTOS / "DSCN0010.jpg").read_bytes()[:5000], 422),
    ],
)
def test_a_bad_photo_leaves_no_report_no_row_and_no_file(client, settings, name, content, status):
    response = client.post(
        FORM,
        {
            "kind": "barrier",
            "text": "Schod",
            "latitude": "49.3",
            "longitude": "14.15",
            "photo": upload(name, content),
            "photo_alt": "Schod",
        },
    )
    assert response.status_code == status
    assert 'id="id_photo-error"' in response.content.decode()
    assert not Report.objects.exists() and not Photo.objects.exists()
    assert stored_files(settings) == []


def test_a_photo_needs_its_text_alternative(client):
    response = client.post(
        FORM,
        {"kind": "barrier", "text": "Schod", "latitude": "49.3", "longitude": "14.15"}
        | {"photo": upload()},
    )
    assert response.status_code == 400
    assert 'id="id_photo_alt-error"' in response.content.decode()
    assert not Report.objects.exists()


@pytest.fixture
def published_photo():
    place = make_place("Knihovna")
    assessment = make_assessment(place)
    return checked_photo(assessment, plain_jpeg(), alt_text="Vchod do knihovny")


def test_the_detail_page_offers_to_report_each_photo(client, published_photo):
    page = client.get(reverse("public:detail", args=[published_photo.assessment.place_id]))
    assert f"{FORM}?photo={published_photo.pk}" in page.content.decode()


def test_a_visitor_reports_a_published_photo_for_privacy(client, published_photo):
    page = client.get(FORM, {"photo": published_photo.pk})
    assert page.status_code == 200
    assert 'alt="Vchod do knihovny"' in page.content.decode()
    response = client.post(
        f"{FORM}?photo={published_photo.pk}",
        {"kind": "photo", "reported_photo": published_photo.pk, "photo_problem": "privacy"},
    )
    assert response.status_code == 302, response.content.decode()
    report = Report.objects.get()
    assert (report.kind, report.reported_photo, report.photo_problem) == (
        ReportKind.PHOTO,
        published_photo,
        "privacy",
    )
    assert report.place == published_photo.assessment.place


def test_a_photo_report_must_say_what_is_wrong(client, published_photo):
    response = client.post(
        f"{FORM}?photo={published_photo.pk}",
        {"kind": "photo", "reported_photo": published_photo.pk},
    )
    assert response.status_code == 400
    assert not Report.objects.exists()


@pytest.mark.parametrize("hidden", [True, False])
def test_a_hidden_or_unpublished_photo_cannot_be_reported(client, published_photo, hidden):
    if hidden:
        Photo.objects.filter(pk=published_photo.pk).update(is_hidden=True)
    else:
        published_photo.assessment.__class__.objects.filter(
            pk=published_photo.assessment_id
        ).update(status=ReviewStatus.SUBMITTED)
    assert client.get(FORM, {"photo": published_photo.pk}).status_code == 404
