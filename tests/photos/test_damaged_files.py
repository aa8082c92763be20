"""Damaged files of every accepted format end in a PhotoError (a 4xx), never in a crash (a 500)."""

import io
import random
import warnings

import pytest
from PIL import Image

from mapping.photos import PhotoError, process_photo
from tests.photos.conftest import FIXTURES, LIMITS


def sample(pillow_format: str) -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    source = Image.open(FIXTURES / "Kodak_CX7530.jpg")
    out = io.BytesIO()
    source.convert("RGB").save(out, pillow_format, exif=source.getexif().tobytes())
    return out.getvalue()


@pytest.mark.parametrize("pillow_format", ["JPEG", "PNG", "WEBP", "HEIF"])
def test_randomly_damaged_photos_are_accepted_or_refused_cleanly(pillow_format):
    data = sample(pillow_format)
    rng = random.Random(f"photos-{pillow_format}")  # the same damage on every run
    outcomes = set()
    for _ in range(60):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            damaged[rng.randrange(16, len(damaged))] = rng.randrange(256)
        if rng.random() < 0.3:
            damaged = damaged[: rng.randrange(20, len(damaged))]
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # not even a warning may escape
            try:
                process_photo(bytes(damaged), **LIMITS)
                outcomes.add("accepted")
            except PhotoError as error:
                assert 400 <= error.status < 500
                outcomes.add(type(error).__name__)
    assert outcomes - {"accepted"}, "some damage should have been refused"
