"""Whatever the colour mode of the upload, the public copy is an 8-bit sRGB JPEG."""

import io

import numpy as np
import pytest
from PIL import Image

from mapping.photos import process_photo
from tests.photos.conftest import LIMITS


def encoded(image: Image.Image, pillow_format: str) -> bytes:
    out = io.BytesIO()
    image.save(out, pillow_format)
    return out.getvalue()


def gradient(mode: str) -> Image.Image:
    ramp = np.tile(np.linspace(0, 255, 64, dtype=np.uint8), (48, 1))
    image = Image.fromarray(ramp, "L")
    if mode == "I;16":
        return Image.fromarray(ramp.astype(np.uint16) * 257).convert("I;16")
    return image.convert(mode)


@pytest.mark.parametrize(
    ("mode", "pillow_format"),
    [
        ("L", "JPEG"),
        ("CMYK", "JPEG"),
        ("1", "PNG"),
        ("L", "PNG"),
        ("P", "PNG"),
        ("LA", "PNG"),
        ("I;16", "PNG"),
        ("RGBA", "WEBP"),
    ],
)
def test_every_colour_mode_becomes_an_rgb_jpeg(mode, pillow_format):
    result = process_photo(encoded(gradient(mode), pillow_format), **LIMITS)
    public = Image.open(io.BytesIO(result.display))
    assert public.format == "JPEG"
    assert public.mode == "RGB"
    assert public.size == (64, 48)
    left, right = public.getpixel((2, 24)), public.getpixel((61, 24))
    if mode != "1":  # a dithered bilevel image has no ramp to keep
        assert sum(right) > sum(left) + 300, (left, right)
