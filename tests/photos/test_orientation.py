"""The EXIF orientation is applied, all eight of them, so the public copy stands upright."""

import io

import numpy as np
import pytest
from PIL import Image

from mapping.photos import process_photo
from mapping.photos.exif import ORIENTATION_TRANSPOSE
from tests.photos.conftest import LIMITS, fixture_bytes, jpeg_bytes

# What a camera stores for each orientation, given the upright scene: the inverse of the
# transpose that a viewer applies.
STORED_FROM_UPRIGHT = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def upright_pattern() -> Image.Image:
    """120 x 80, four quadrants of different colours: no symmetry survives a wrong turn."""
    image = Image.new("RGB", (120, 80))
    image.paste((220, 30, 30), (0, 0, 60, 40))
    image.paste((30, 200, 30), (60, 0, 120, 40))
    image.paste((30, 30, 220), (0, 40, 60, 80))
    image.paste((240, 240, 240), (60, 40, 120, 80))
    return image


def quadrant_colours(image: Image.Image) -> list[tuple[int, ...]]:
    width, height = image.size
    points = [(width // 4, height // 4), (3 * width // 4, height // 4)]
    points += [(width // 4, 3 * height // 4), (3 * width // 4, 3 * height // 4)]
    return [image.getpixel(point) for point in points]


@pytest.mark.parametrize("orientation", range(1, 9))
def test_it_applies_each_exif_orientation(orientation):
    upright = upright_pattern()
    transpose = STORED_FROM_UPRIGHT[orientation]
    stored = upright.transpose(transpose) if transpose is not None else upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    result = process_photo(jpeg_bytes(stored, exif=exif.tobytes()), **LIMITS)
    public = Image.open(io.BytesIO(result.display)).convert("RGB")
    assert public.size == (120, 80)
    assert (result.width, result.height) == (120, 80)
    for got, expected in zip(quadrant_colours(public), quadrant_colours(upright), strict=True):
        assert max(abs(a - b) for a, b in zip(got, expected, strict=True)) < 30


def test_the_stored_transposes_are_the_inverse_of_the_pipelines():
    upright = upright_pattern()
    for orientation, transpose in ORIENTATION_TRANSPOSE.items():
        stored = upright.transpose(STORED_FROM_UPRIGHT[orientation])
        assert stored.transpose(transpose).tobytes() == upright.tobytes()


@pytest.mark.parametrize("name", ["landscape_3.jpg", "landscape_6.jpg", "landscape_8.jpg"])
def test_real_camera_files_come_out_like_the_upright_one(name):
    reference = process_photo(fixture_bytes("landscape_1.jpg"), **LIMITS)
    result = process_photo(fixture_bytes(name), **LIMITS)
    assert result.display_size == reference.display_size
    expected = np.asarray(Image.open(io.BytesIO(reference.display)).convert("L"), dtype=float)
    got = np.asarray(Image.open(io.BytesIO(result.display)).convert("L"), dtype=float)
    assert np.abs(got - expected).mean() < 8
