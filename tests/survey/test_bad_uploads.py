"""Each bad upload gets a clear 4xx and leaves no file and no row behind."""

import io
import json
import struct
import uuid
import zlib

import pytest
from django.urls import reverse
from PIL import Image

from mapping.models import Assessment, Photo, Place
from tests.personas import client_for
from tests.survey.conftest import small_jpeg, submission, upload

# Each test runs with photos in folders and in the buckets of an S3 server (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("media_storage")

SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def png_declaring(width: int, height: int) -> bytes:
    """A little PNG whose header (with a correct CRC) declares a huge size: a pixel bomb."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", zlib.crc32(bytes(data[ihdr : ihdr + 17])))
    return bytes(data)


def noisy_jpeg(side: int) -> bytes:
    out = io.BytesIO()
    Image.effect_noise((side, side), 80).convert("RGB").save(out, "JPEG", quality=95)
    return out.getvalue()


BAD_UPLOADS = {
    "a text file renamed .jpg": (b"Dear coordinator, the ramp is broken.\n", 415),
    "a truncated JPEG": (small_jpeg()[:300], 422),
    "an oversized image": (noisy_jpeg(400), 413),
    "a pixel bomb": (png_declaring(60_000, 60_000), 413),
    "an SVG": (SVG, 415),
    "an empty file": (b"", 400),
}


@pytest.mark.parametrize("name", list(BAD_UPLOADS))
def test_a_bad_photo_in_a_submission_is_a_clear_4xx_leaving_nothing(
    name, alice, settings, stored_files
):
    settings.PHOTO_MAX_BYTES = 60_000
    content, status = BAD_UPLOADS[name]
    body = submission(photos=2)
    # The first photo is fine and gets stored before the second one fails: it must go too.
    body["photo_1"] = upload(content, "ramp.jpg")
    answer = client_for(alice).post(reverse("survey:submit"), body)
    assert answer.status_code == status
    message = answer.json()
    assert message["message_cs"] and message["message_en"]
    assert message["details"] == [{"photo": 1}]
    assert Assessment.objects.count() == 0
    assert Place.objects.count() == 0
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_a_photo_without_a_text_alternative_is_refused(alice, stored_files):
    body = submission(photos=1)
    payload = json.loads(body["payload"])
    payload["photos"][0]["alt_text"] = "   "
    body["payload"] = json.dumps(payload)
    answer = client_for(alice).post(reverse("survey:submit"), body)
    assert answer.status_code == 400
    assert answer.json()["code"] == "photo_alt_text_missing"
    assert Assessment.objects.count() == 0 and stored_files() == []


def test_a_photo_announced_but_not_sent_is_refused(alice, stored_files):
    body = submission(photos=1)
    del body["photo_0"]
    answer = client_for(alice).post(reverse("survey:submit"), body)
    assert answer.status_code == 400
    assert answer.json()["code"] == "photo_missing"
    assert Assessment.objects.count() == 0


def test_the_key_of_a_refused_submission_can_be_used_again_once_fixed(alice, stored_files):
    key = uuid.uuid4()
    body = submission(key, photos=1)
    body["photo_0"] = upload(SVG, "plan.svg")
    client = client_for(alice)
    assert client.post(reverse("survey:submit"), body).status_code == 415
    assert client.post(reverse("survey:submit"), submission(key, photos=1)).status_code == 201
    assert Photo.objects.count() == 1
    # The display copy, the thumbnail and the private original.
    assert len(stored_files()) == 3


def test_a_bad_photo_added_to_a_draft_leaves_the_draft_as_it_was(alice, stored_files):
    client = client_for(alice)
    created = client.post(reverse("survey:submit"), submission(action="draft"))
    pk = created.json()["assessment"]["id"]
    answer = client.post(
        reverse("survey:add_photo", args=[pk]),
        {"photo": upload(b"GIF89a not really", "x.jpg"), "alt_text": "Vstup"},
    )
    assert answer.status_code == 415
    assert Photo.objects.count() == 0 and stored_files() == []
    good = client.post(
        reverse("survey:add_photo", args=[pk]),
        {"photo": upload(small_jpeg()), "alt_text": "Vstup", "subject": "door"},
    )
    assert good.status_code == 201
    assert Photo.objects.get().subject == "door"
