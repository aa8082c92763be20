"""HEIC/HEIF from phones is accepted, with its EXIF read and nothing of it in the public copy."""

import io

import pillow_heif
import pytest
from PIL import Image

from mapping.photos import process_photo
from tests.photos.conftest import FIXTURES, LIMITS

pillow_heif.register_heif_opener()


def heic_from(name: str) -> bytes:
    source = Image.open(FIXTURES / name)
    out = io.BytesIO()
    source.convert("RGB").save(out, "HEIF", quality=70, exif=source.getexif().tobytes())
    return out.getvalue()


def test_it_accepts_a_heic_photo_and_reads_its_gps():
    data = heic_from("DSCN0010.jpg")
    assert data[4:12] == b"ftypheic"
    result = process_photo(data, **LIMITS)
    assert result.original_format == "heif"
    assert result.original_extension == "heic"
    assert result.metadata.latitude == pytest.approx(43.4674483, abs=1e-6)
    assert result.metadata.longitude == pytest.approx(11.8851267, abs=1e-6)
    public = Image.open(io.BytesIO(result.display))
    assert public.format == "JPEG"
    assert public.size == (640, 480)
    assert len(public.getexif()) == 0
    assert b"GPS" not in result.display


def test_a_rotated_heic_comes_out_upright():
    result = process_photo(heic_from("landscape_6.jpg"), **LIMITS)
    assert result.display_size == (600, 450)


def test_a_truncated_heic_is_refused_as_corrupt():
    from mapping.photos import CorruptPhoto

    data = heic_from("DSCN0010.jpg")
    with pytest.raises(CorruptPhoto):
        process_photo(data[: len(data) // 2], **LIMITS)
