"""The public copies blur the areas they are given (found by the privacy check or drawn by a
coordinator), in the display copy and the thumbnail, and nothing else."""

import io

import pytest
from PIL import Image

from mapping.photos import Area, open_photo, process_photo, public_copies
from mapping.photos.cascades import cascade_dir
from tests.photos.conftest import LIMITS, astronaut, edge_energy, fixture_bytes, jpeg_bytes

# Eyes, nose and mouth of the astronaut in skimage.data.astronaut (512 x 512), measured by eye.
FACE = (180, 70, 270, 160)
FACE_AREA = Area(FACE[0], FACE[1], FACE[2] - FACE[0], FACE[3] - FACE[1], "face", 0.9)


def public_image(copies) -> Image.Image:
    return Image.open(io.BytesIO(copies.display)).convert("RGB")


def test_the_cascades_ship_with_the_installed_opencv():
    # The baseline that the bench and tests/photos/test_faces.py hold CenterFace to.
    assert (cascade_dir() / "haarcascade_frontalface_alt2.xml").is_file()
    assert (cascade_dir() / "haarcascade_russian_plate_number.xml").is_file()


def test_a_face_area_is_blurred_in_the_display_copy():
    original = astronaut()
    copies = public_copies(open_photo(jpeg_bytes(original), **LIMITS), [FACE_AREA])
    assert edge_energy(public_image(copies), FACE) < edge_energy(original, FACE) * 0.25


def test_the_thumbnail_is_blurred_too():
    original = astronaut()
    blurred = public_copies(open_photo(jpeg_bytes(original), **LIMITS), [FACE_AREA])
    plain = process_photo(jpeg_bytes(original), **LIMITS)
    thumb_box = tuple(round(value * 320 / 512) for value in FACE)
    after = Image.open(io.BytesIO(blurred.thumbnail))
    before = Image.open(io.BytesIO(plain.thumbnail))
    assert edge_energy(after, thumb_box) < edge_energy(before, thumb_box) * 0.4


def test_the_upload_path_blurs_nothing_it_was_not_given():
    original = astronaut()
    result = process_photo(jpeg_bytes(original), **LIMITS)
    assert result.blurred == []
    assert edge_energy(public_image(result), FACE) > edge_energy(original, FACE) * 0.7


def test_explicit_blur_rectangles_are_applied_in_original_pixels():
    # 2048 px wide: the public copy is 1600, so original and public pixels differ.
    source = astronaut().resize((2048, 2048), Image.Resampling.BICUBIC)
    badge = [520, 1380, 320, 320]  # the mission patch on the suit, in original pixels
    result = process_photo(jpeg_bytes(source), blur_rects=[badge], **LIMITS)
    plain = process_photo(jpeg_bytes(source), **LIMITS)
    scale = 1600 / 2048
    x, y, w, h = (round(value * scale) for value in badge)
    inside = (x, y, x + w, y + h)
    outside = (1000, 1300, 1500, 1600)  # the helmet and the suit beside it
    assert (
        edge_energy(public_image(result), inside) < edge_energy(public_image(plain), inside) * 0.3
    )
    assert edge_energy(public_image(result), outside) == pytest.approx(
        edge_energy(public_image(plain), outside), rel=0.02
    )
    assert [area.as_list() for area in result.blurred] == [badge]


def test_no_areas_leave_the_copies_as_the_upload_made_them():
    upload = fixture_bytes("landscape_1.jpg")
    assert public_copies(open_photo(upload, **LIMITS), []).display == (
        process_photo(upload, **LIMITS).display
    )
