"""Photos from the public cost little: an anonymous report's photo has lower pixel and byte limits
than a volunteer's (PUBLIC_PHOTO_MAX_PIXELS, PUBLIC_PHOTO_MAX_BYTES), checked on the header before
a pixel is decoded; over them it is a 413 with a message, and nothing is stored.

The attack: a 160 KB PNG of one colour declares 49 megapixels (under the volunteers' 50), and
decoding it costs seconds of CPU and about 450 MB of memory, per request, from anyone."""

import functools
import io
import time

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mapping.models import Photo, Report
from tests.factories import make_user
from tests.photos.junk import padded_with_junk, phone_jpeg
from tests.reports.test_report_photos import FORM, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    cache.clear()


@functools.cache
def png_of_49_megapixels() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (7000, 7000), (200, 200, 200)).save(out, "PNG")
    return out.getvalue()


def report_with(photo: bytes, name: str = "bariera.png"):
    return {
        "kind": "barrier",
        "text": "Vysoký obrubník",
        "latitude": "49.3",
        "longitude": "14.15",
        "photo": SimpleUploadedFile(name, photo, content_type="image/png"),
        "photo_alt": "Obrubník u přechodu",
    }


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("cs", "Fotografie má příliš mnoho pixelů (49 megapixelů). Limit je 16 megapixelů"),
        ("en", "The photo has too many pixels (49 megapixels). The limit is 16 megapixels"),
    ],
)
def test_an_anonymous_49_megapixel_png_is_a_quick_413_leaving_nothing(
    client, settings, language, message
):
    assert settings.PUBLIC_PHOTO_MAX_PIXELS == 16_000_000
    photo = png_of_49_megapixels()
    assert len(photo) < 200_000
    started = time.monotonic()
    response = client.post(FORM, report_with(photo), HTTP_ACCEPT_LANGUAGE=language)
    took = time.monotonic() - started
    assert response.status_code == 413
    assert message in response.content.decode()
    assert took < 1.0, f"{took:.2f} s: the photo was decoded"
    assert not Report.objects.exists() and not Photo.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("cs", "Fotografie je příliš velká (9,5 MB). Limit je 8,4 MB"),
        ("en", "The photo is too large (9.5 MB). The limit is 8.4 MB"),
    ],
)
def test_an_anonymous_photo_over_8_mib_is_a_413_leaving_nothing(
    client, settings, language, message
):
    photo = padded_with_junk(phone_jpeg(), 9_500_000)
    response = client.post(FORM, report_with(photo, "bariera.jpg"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 413
    assert message in response.content.decode()
    assert not Report.objects.exists() and not Photo.objects.exists()
    assert stored_files(settings) == []


def test_an_approved_volunteer_reporting_has_the_volunteers_limits(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(make_user("alice", is_approved=True))
    photo = padded_with_junk(phone_jpeg(), 9_500_000)
    response = client.post(FORM, report_with(photo, "bariera.jpg"))
    assert response.status_code == 302, response.content.decode()
    assert Report.objects.get().photos.count() == 1


def test_a_volunteer_waiting_for_approval_has_the_publics_limits(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(make_user("dora", is_approved=False))
    response = client.post(FORM, report_with(png_of_49_megapixels()))
    assert response.status_code == 413
    assert not Report.objects.exists()


def test_the_public_limits_come_from_the_environment():
    from tests.test_settings import PRODUCTION_ENV, manage

    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; "
        "print(settings.PUBLIC_PHOTO_MAX_PIXELS, settings.PUBLIC_PHOTO_MAX_BYTES)",
        PUBLIC_PHOTO_MAX_PIXELS="12000000",
        PUBLIC_PHOTO_MAX_BYTES="5000000",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["12000000", "5000000"]
