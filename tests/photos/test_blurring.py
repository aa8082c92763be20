"""Faces and licence plates are blurred in the public copies; a coordinator adjusts the areas."""

import io

import pytest
from PIL import Image

from mapping.photos import process_photo
from mapping.photos.privacy import cascade_dir
from tests.photos.conftest import LIMITS, astronaut, edge_energy, fixture_bytes, jpeg_bytes

# Eyes, nose and mouth of the astronaut in skimage.data.astronaut (512 x 512), measured by eye.
FACE = (180, 70, 270, 160)


def public_image(result) -> Image.Image:
    return Image.open(io.BytesIO(result.display)).convert("RGB")


def test_the_cascades_ship_with_the_installed_opencv():
    assert (cascade_dir() / "haarcascade_frontalface_alt2.xml").is_file()
    assert (cascade_dir() / "haarcascade_russian_plate_number.xml").is_file()


def test_the_face_in_a_portrait_is_found_and_blurred():
    original = astronaut()
    result = process_photo(jpeg_bytes(original), **LIMITS)
    faces = [area for area in result.detected if area.kind == "face"]
    assert faces, "the astronaut's face was not found"
    centre_x = faces[0].x + faces[0].width / 2
    centre_y = faces[0].y + faces[0].height / 2
    assert FACE[0] < centre_x < FACE[2] and FACE[1] < centre_y < FACE[3]
    before = edge_energy(original, FACE)
    after = edge_energy(public_image(result), FACE)
    assert after < before * 0.25


def test_the_thumbnail_is_blurred_too():
    original = astronaut()
    result = process_photo(jpeg_bytes(original), **LIMITS)
    plain = process_photo(jpeg_bytes(original), detect=False, **LIMITS)
    thumb_box = tuple(round(value * 320 / 512) for value in FACE)
    blurred = Image.open(io.BytesIO(result.thumbnail))
    unblurred = Image.open(io.BytesIO(plain.thumbnail))
    assert edge_energy(blurred, thumb_box) < edge_energy(unblurred, thumb_box) * 0.4


def test_a_coordinator_can_remove_a_detected_area():
    original = astronaut()
    result = process_photo(jpeg_bytes(original), ignore_rects=[[150, 20, 130, 140]], **LIMITS)
    assert not [area for area in result.blurred if area.kind == "face"]
    assert edge_energy(public_image(result), FACE) > edge_energy(original, FACE) * 0.7


def test_explicit_blur_rectangles_are_applied_in_original_pixels():
    # 2048 px wide: the public copy is 1600, so original and public pixels differ.
    source = astronaut().resize((2048, 2048), Image.Resampling.BICUBIC)
    badge = [520, 1380, 320, 320]  # the mission patch on the suit, in original pixels
    result = process_photo(jpeg_bytes(source), blur_rects=[badge], detect=False, **LIMITS)
    plain = process_photo(jpeg_bytes(source), detect=False, **LIMITS)
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


def test_a_scene_without_people_is_left_sharp():
    result = process_photo(fixture_bytes("landscape_1.jpg"), **LIMITS)
    plain = process_photo(fixture_bytes("landscape_1.jpg"), detect=False, **LIMITS)
    full = (0, 0, *result.display_size)
    if not result.detected:
        assert result.display == plain.display
    else:  # a false positive blurs a little, never most of the photo
        assert (
            edge_energy(public_image(result), full) > edge_energy(public_image(plain), full) * 0.8
        )


def test_a_small_face_in_a_street_photo_is_found_too():
    # The astronaut at 320 px inside a 1600 x 1200 street photo: her face is about 62 px,
    # 4 % of the long side, a passer-by a few metres away.
    street = Image.open(io.BytesIO(fixture_bytes("DSCN0010.jpg"))).convert("RGB")
    street = street.resize((1600, 1200), Image.Resampling.BICUBIC)
    street.paste(astronaut().resize((320, 320)), (600, 300))
    face = tuple(
        round(offset + value * 320 / 512)
        for offset, value in zip((600, 300) * 2, FACE, strict=True)
    )
    result = process_photo(jpeg_bytes(street), **LIMITS)
    assert any(area.kind == "face" for area in result.detected)
    assert edge_energy(public_image(result), face) < edge_energy(street, face) * 0.4


def test_photos_processed_in_parallel_threads_get_the_same_areas():
    from concurrent.futures import ThreadPoolExecutor

    data = jpeg_bytes(astronaut())
    expected = process_photo(data, **LIMITS).detected
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: process_photo(data, **LIMITS).detected, range(3)))
    assert results == [expected] * 3


def test_a_face_in_profile_is_found_and_blurred():
    # skimage's cameraman, seen from the side (the frontal cascade does not find him), at 800 px
    # inside a 1600 x 1200 street photo: his face is about 140 px, a person a few metres away.
    from skimage import data

    profile_face = (185, 95, 275, 195)  # his face in the 512 x 512 original
    cameraman = Image.fromarray(data.camera()).convert("RGB")
    street = Image.open(io.BytesIO(fixture_bytes("DSCN0010.jpg"))).convert("RGB")
    street = street.resize((1600, 1200), Image.Resampling.BICUBIC)
    street.paste(cameraman.resize((800, 800)), (500, 200))
    face = tuple(
        round(offset + value * 800 / 512)
        for offset, value in zip((500, 200) * 2, profile_face, strict=True)
    )
    result = process_photo(jpeg_bytes(street), **LIMITS)
    centre = ((face[0] + face[2]) / 2, (face[1] + face[3]) / 2)
    assert any(
        area.x <= centre[0] <= area.x + area.width and area.y <= centre[1] <= area.y + area.height
        for area in result.detected
        if area.kind == "face"
    ), "the face in profile was not found"
    assert edge_energy(public_image(result), face) < edge_energy(street, face) * 0.4
