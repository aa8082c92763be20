"""During review a coordinator sees the private original and changes the blurred areas."""

import io

import pytest
from django.core.files.storage import default_storage, storages
from django.urls import reverse
from PIL import Image

from mapping.models import Photo, ReviewStatus
from mapping.photos import read_metadata
from mapping.photos.errors import MissingOriginal
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo
from tests.personas import client_for
from tests.s3 import http_get
from tests.survey.conftest import GPS_PHOTO

# Each test runs with photos in folders and in the buckets of an S3 server (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("media_storage")


def test_the_original_keeps_its_exif_and_reaches_only_coordinators(alice, charlie, media_storage):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    # The original lives in the private storage: not in MEDIA_ROOT nor in the public bucket.
    assert photo.original.storage.exists(photo.original.name)
    assert not default_storage.exists(photo.original.name)
    assert (
        client_for(alice).get(reverse("review:photo_original", args=[photo.pk])).status_code == 403
    )
    answer = client_for(charlie).get(reverse("review:photo_original", args=[photo.pk]))
    assert answer["Cache-Control"] == "private, no-store"
    if media_storage == "s3":
        # A link signed for this object, which the coordinator's browser follows.
        assert answer.status_code == 302
        status, _headers, body = http_get(answer["Location"])
        assert status == 200
    else:
        assert answer.status_code == 200
        body = b"".join(answer.streaming_content)
    with photo.original.open("rb") as stored:
        assert body == stored.read()
    # The lean original (mapping/photos/original.py): the position, direction and time kept.
    sent = Image.open(GPS_PHOTO)
    assert read_metadata(Image.open(io.BytesIO(body))) == read_metadata(sent)
    assert read_metadata(sent).has_position


def test_a_coordinator_adds_and_removes_blur_areas(alice, charlie):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    old_image = photo.image.name
    client = client_for(charlie)
    answer = client.post(reverse("review:photo_blur", args=[photo.pk]), {"areas": "10 20 100 80"})
    assert answer.status_code == 302
    photo.refresh_from_db()
    assert photo.blur_areas == [[10, 20, 100, 80]]
    assert photo.image.name != old_image
    with default_storage.open(photo.image.name) as stored, Image.open(stored) as image:
        assert not image.getexif()
    client.post(reverse("review:photo_blur", args=[photo.pk]), {"areas": ""})
    photo.refresh_from_db()
    assert photo.blur_areas == []


def test_an_area_outside_the_photo_is_a_clear_400(alice, charlie):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    answer = client_for(charlie).post(
        reverse("review:photo_blur", args=[photo.pk]), {"areas": "600 400 500 500"}
    )
    assert answer.status_code == 400
    photo.refresh_from_db()
    assert photo.blur_areas == []


@pytest.mark.parametrize("loss", ["file deleted", "no original recorded"])
def test_blurring_a_photo_without_its_original_says_so_instead_of_a_500(alice, charlie, loss):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    old_image = photo.image.name
    if loss == "file deleted":
        storages["private"].delete(photo.original.name)
    else:
        Photo.objects.filter(pk=photo.pk).update(original="")

    answer = client_for(charlie).post(
        reverse("review:photo_blur", args=[photo.pk]), {"areas": "10 20 100 80"}, follow=True
    )

    assert answer.status_code == 200
    assert MissingOriginal().message_cs in answer.content.decode()
    photo.refresh_from_db()
    assert (photo.image.name, photo.blur_areas) == (old_image, [])
