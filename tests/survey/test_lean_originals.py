"""The private original a volunteer's photo leaves is the photo: its image data, untouched, with
the metadata that matters (position, direction, time, orientation, colour profile), and none of
what a file can be stuffed with (XMP, IPTC, maker notes, comments, other APP segments, data after
the image). A volunteer keeps the higher limits: a 40-megapixel photo is accepted."""

import io

import numpy as np
import pytest
from django.core.files.storage import storages
from django.urls import reverse
from PIL import Image

from mapping.models import Photo
from mapping.photos import read_metadata
from tests.personas import client_for
from tests.photos.junk import (
    DIRECTION,
    LATITUDE,
    LONGITUDE,
    ORIENTATION,
    TAKEN_AT,
    padded_with_junk,
    phone_jpeg,
)
from tests.survey.conftest import submission, upload

STUFFING = (b"xmpmeta", b"Photoshop 3.0", b"MPF\x00", b"maker note", b"processing method")


def add_photo(client, content: bytes):
    created = client.post(reverse("survey:submit"), submission(action="draft"))
    pk = created.json()["assessment"]["id"]
    return client.post(
        reverse("survey:add_photo", args=[pk]),
        {"photo": upload(content, "IMG_2041.jpg"), "alt_text": "Vchod", "subject": "entrance"},
    )


def stored_original(photo: Photo) -> bytes:
    with storages["private"].open(photo.original.name) as original:
        return original.read()


@pytest.mark.parametrize("progressive", [False, True])
def test_a_photo_stuffed_with_19_mb_of_metadata_leaves_an_original_of_the_image_alone(
    alice, progressive
):
    clean = phone_jpeg(progressive=progressive)
    stuffed = padded_with_junk(clean, 19_700_000)
    answer = add_photo(client_for(alice), stuffed)
    assert answer.status_code == 201, answer.content
    kept = stored_original(Photo.objects.get())

    assert len(kept) < len(clean), (len(kept), len(clean))  # less than the phone's own file
    assert not any(stuffing in kept for stuffing in STUFFING)
    assert not kept.endswith(b"video ")
    with Image.open(io.BytesIO(kept)) as original, Image.open(io.BytesIO(clean)) as phone:
        metadata = read_metadata(original)
        assert original.info["icc_profile"] == phone.info["icc_profile"]
        # Lossless: the same image data, the same pixels.
        assert np.array_equal(np.asarray(original), np.asarray(phone))
    assert metadata.latitude == pytest.approx(LATITUDE, abs=1e-5)
    assert metadata.longitude == pytest.approx(LONGITUDE, abs=1e-5)
    assert metadata.direction == pytest.approx(DIRECTION)
    assert metadata.direction_ref == "T"
    assert metadata.taken_at.replace(tzinfo=None) == TAKEN_AT
    assert metadata.taken_at.utcoffset().total_seconds() == 7200
    assert metadata.orientation == ORIENTATION


def test_the_photo_keeps_its_position_direction_and_time_on_the_record(alice):
    answer = add_photo(client_for(alice), padded_with_junk(phone_jpeg(), 3_000_000))
    assert answer.status_code == 201
    photo = Photo.objects.get()
    assert (photo.exif_location.y, photo.exif_location.x) == pytest.approx(
        (LATITUDE, LONGITUDE), abs=1e-5
    )
    assert photo.exif_direction == pytest.approx(DIRECTION)
    # Orientation 6: the stored 640 x 480 picture stands upright as 480 x 640.
    assert (photo.width, photo.height) == (480, 640)


def test_a_volunteer_may_still_send_a_40_megapixel_photo(alice, settings):
    assert settings.PHOTO_MAX_PIXELS >= 40_000_000 > settings.PUBLIC_PHOTO_MAX_PIXELS
    out = io.BytesIO()
    Image.new("RGB", (7300, 5480), (120, 130, 140)).save(out, "JPEG", quality=85)
    answer = add_photo(client_for(alice), out.getvalue())
    assert answer.status_code == 201, answer.content
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (7300, 5480)
    with Image.open(io.BytesIO(stored_original(photo))) as original:
        assert original.size == (7300, 5480)
