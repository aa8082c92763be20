"""Position, direction and time come out of EXIF before stripping; broken EXIF is harmless."""

import datetime

import pytest
from PIL import Image

from mapping.photos import process_photo
from tests.photos.conftest import FIXTURES, LIMITS, fixture_bytes, jpeg_bytes


def read(name_or_bytes):
    data = fixture_bytes(name_or_bytes) if isinstance(name_or_bytes, str) else name_or_bytes
    return process_photo(data, **LIMITS).metadata


def with_gps_refs(name: str, latitude_ref: str, longitude_ref: str) -> bytes:
    """A real camera photo whose GPS refs are rewritten (same degrees, other hemisphere)."""
    image = Image.open(FIXTURES / name)
    exif = image.getexif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[3] = latitude_ref, longitude_ref
    return jpeg_bytes(image.convert("RGB"), exif=exif.tobytes())


def test_it_reads_a_north_east_position():
    metadata = read("DSCN0010.jpg")
    assert metadata.latitude == pytest.approx(43.4674483, abs=1e-6)
    assert metadata.longitude == pytest.approx(11.8851267, abs=1e-6)


def test_it_reads_a_southern_latitude_as_negative():
    metadata = read("Kodak_CX7530.jpg")
    assert metadata.latitude == pytest.approx(-0.3713, abs=1e-4)
    assert metadata.longitude == pytest.approx(36.0564167, abs=1e-6)


@pytest.mark.parametrize(
    ("latitude_ref", "longitude_ref", "sign"),
    [("N", "W", (1, -1)), ("S", "W", (-1, -1)), ("S", "E", (-1, 1))],
)
def test_it_signs_the_position_by_its_hemisphere(latitude_ref, longitude_ref, sign):
    metadata = read(with_gps_refs("DSCN0010.jpg", latitude_ref, longitude_ref))
    assert metadata.latitude == pytest.approx(sign[0] * 43.4674483, abs=1e-6)
    assert metadata.longitude == pytest.approx(sign[1] * 11.8851267, abs=1e-6)


def test_it_reads_the_direction_and_the_time_taken():
    metadata = read("67-0_length_string.jpg")
    assert metadata.latitude == pytest.approx(51.025, abs=1e-6)
    assert metadata.longitude == pytest.approx(7.5919444, abs=1e-6)
    assert metadata.direction == pytest.approx(291.39, abs=0.01)
    assert metadata.direction_ref == "M"
    assert metadata.taken_at == datetime.datetime(2016, 9, 12, 10, 5, 31)


def test_it_keeps_the_offset_of_the_time_taken_when_exif_has_one():
    image = Image.new("RGB", (32, 32), "white")
    exif = image.getexif()
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = "2026:06:01 14:30:00"
    exif_ifd[0x9011] = "+02:00"
    metadata = read(jpeg_bytes(image, exif=exif.tobytes()))
    assert metadata.taken_at == datetime.datetime(
        2026, 6, 1, 14, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
    )


@pytest.mark.parametrize("name", ["Canon_40D.jpg", "45-gps_ifd.jpg", "invalid_image01088.jpg"])
def test_broken_or_missing_gps_gives_no_position_and_no_crash(name):
    result = process_photo(fixture_bytes(name), **LIMITS)
    assert result.metadata.latitude is None
    assert result.metadata.longitude is None
    assert result.display


def test_garbage_in_the_gps_ifd_gives_no_position():
    image = Image.new("RGB", (32, 32), "white")
    exif = image.getexif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (91.0, 0.0, 0.0)  # beyond the pole
    gps[3], gps[4] = "E", (14.0, 0.0, 0.0)
    gps[17] = 720.0  # not a direction
    exif[0x0112] = 42  # not an orientation
    metadata = read(jpeg_bytes(image, exif=exif.tobytes()))
    assert (metadata.latitude, metadata.longitude, metadata.direction) == (None, None, None)
    assert metadata.orientation == 1


def test_a_photo_without_exif_has_empty_metadata():
    metadata = read(jpeg_bytes(Image.new("RGB", (32, 32), "white")))
    assert not metadata.has_position
    assert metadata.taken_at is None


@pytest.mark.parametrize("pillow_format", ["PNG", "WEBP"])
def test_it_reads_gps_from_png_and_webp_too(pillow_format):
    import io

    source = Image.open(FIXTURES / "DSCN0010.jpg")
    out = io.BytesIO()
    source.convert("RGB").save(out, pillow_format, exif=source.getexif().tobytes())
    result = process_photo(out.getvalue(), **LIMITS)
    assert result.metadata.latitude == pytest.approx(43.4674483, abs=1e-6)
    assert result.metadata.longitude == pytest.approx(11.8851267, abs=1e-6)
    assert b"GPS" not in result.display
