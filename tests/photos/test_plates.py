"""Licence plates. No photo of a real car with a licence that allows it is in the repository, so
the plates here are drawn: one in the format OpenCV's plate cascade was trained on
(haarcascade_russian_plate_number: six characters and a region box), and one in the Czech format
(the blue EU band, seven characters), each mounted on a dark car body in a street photo.

What this shows: the cascade finds the format it knows; a Czech plate it found at 2 of 8 widths
(240 and 320 px of 1600; none at 120-200, 280, 400 or 480), and on a real photo it took a logo
for a plate. So the privacy check does not run it, and pre-draws no plate area rather than claim
to find plates (no plate detector that knows Czech plates ships inside a package with a licence
that allows it; docs/decisions/0008). A coordinator blurs plates during review. The Czech test
is a strict xfail: it documents the gap and turns red the day a detector that knows Czech plates
is added.
"""

import io
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from mapping.photos.cascades import detect_areas as cascades_detect
from mapping.photos.faces import FaceDetector
from tests.photos.conftest import fixture_bytes

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
WHERE = (760, 820)  # top left of the plate in the 1600 x 1200 street photo


def font(path: str, size: int):
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        pytest.skip("DejaVu fonts are not installed (Debian fonts-dejavu-core)")


def russian_format() -> Image.Image:
    plate = Image.new("RGB", (520, 112), (235, 235, 235))
    draw = ImageDraw.Draw(plate)
    draw.rectangle([3, 3, 516, 108], outline="black", width=5)
    draw.line([(400, 3), (400, 108)], fill="black", width=4)
    draw.text((20, 8), "A123BC", fill="black", font=font(MONO, 86))
    draw.text((415, 5), "77", fill="black", font=font(MONO, 56))
    draw.text((420, 68), "RUS", fill="black", font=font(SANS, 28))
    return plate


def czech_format() -> Image.Image:
    plate = Image.new("RGB", (520, 110), (240, 240, 240))
    draw = ImageDraw.Draw(plate)
    draw.rectangle([0, 0, 45, 110], fill=(0, 51, 153))
    draw.text((8, 70), "CZ", fill="white", font=font(SANS, 22))
    draw.rectangle([2, 2, 517, 107], outline="black", width=4)
    draw.text((60, 8), "1A2 3456", fill="black", font=font(MONO, 86))
    return plate


def street_with(plate: Image.Image, width: int) -> tuple[Image.Image, tuple[int, int, int, int]]:
    street = Image.open(io.BytesIO(fixture_bytes("DSCN0010.jpg"))).convert("RGB")
    street = street.resize((1600, 1200))
    ImageDraw.Draw(street).rectangle([600, 700, 1100, 1000], fill=(40, 40, 60))  # the car
    height = round(width * plate.height / plate.width)
    small = plate.resize((width, height), Image.Resampling.LANCZOS)
    street.paste(small.filter(ImageFilter.GaussianBlur(0.6)), WHERE)
    return street, (WHERE[0], WHERE[1], WHERE[0] + width, WHERE[1] + height)


def plates_found(areas, box) -> list:
    left, top, right, bottom = box
    return [
        area
        for area in areas
        if left <= area.x + area.width / 2 <= right and top <= area.y + area.height / 2 <= bottom
    ]


def privacy_check_areas(image: Image.Image) -> list:
    return FaceDetector(Path(settings.PHOTO_FACE_MODEL)).detect(image)


@pytest.mark.parametrize("width", [160, 240])
def test_the_plate_cascade_finds_the_format_it_was_trained_on(width):
    street, box = street_with(russian_format(), width)
    found = plates_found(cascades_detect(street), box)
    assert [area.kind for area in found] == ["plate"]


def test_the_privacy_check_pre_draws_no_plate_area():
    street, box = street_with(russian_format(), 240)
    assert plates_found(privacy_check_areas(street), box) == []


@pytest.mark.xfail(
    strict=True,
    reason="no plate detector for Czech plates ships with a licence that allows it (issue 15)",
)
def test_a_czech_plate_is_found():
    street, box = street_with(czech_format(), 200)
    assert plates_found(privacy_check_areas(street), box)
