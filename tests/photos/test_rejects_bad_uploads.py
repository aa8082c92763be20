"""The pipeline refuses anything that is not an acceptable photo, in Czech and English."""

import io
import struct
import zlib

import pytest
from PIL import Image

from mapping.photos import (
    CorruptPhoto,
    EmptyPhoto,
    PhotoTooLarge,
    PhotoTooManyPixels,
    UnsupportedPhotoType,
    process_photo,
)
from tests.photos.conftest import LIMITS, fixture_bytes, jpeg_bytes

SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'


def png_declaring(width: int, height: int) -> bytes:
    """A valid little PNG whose header (with a correct CRC) declares another size."""
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = data.index(b"IHDR")
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 17]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def jpeg_declaring(width: int, height: int) -> bytes:
    data = bytearray(jpeg_bytes(Image.new("RGB", (16, 16), "white")))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def other_format(pillow_format: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(out, pillow_format)
    return out.getvalue()


def test_it_rejects_a_text_file_renamed_to_jpg_as_unsupported():
    upload = io.BytesIO(b"Dear coordinator, here is the ramp.\n")
    upload.name = "ramp.jpg"
    with pytest.raises(UnsupportedPhotoType) as error:
        process_photo(upload, **LIMITS)
    assert error.value.status == 415
    assert "JPEG, PNG, WebP" in error.value.message_en
    assert "JPEG, PNG, WebP" in error.value.message_cs


def test_it_rejects_an_svg_as_unsupported():
    with pytest.raises(UnsupportedPhotoType):
        process_photo(SVG, **LIMITS)


def test_it_rejects_avif_which_looks_like_heif():
    ftyp = struct.pack(">I", 32) + b"ftypavif" + b"\0\0\0\0" + b"avifmif1miafMA1B"
    with pytest.raises(UnsupportedPhotoType):
        process_photo(ftyp + b"\0" * 64, **LIMITS)


@pytest.mark.parametrize("pillow_format", ["GIF", "BMP", "TIFF"])
def test_it_rejects_formats_phones_do_not_send(pillow_format):
    with pytest.raises(UnsupportedPhotoType):
        process_photo(other_format(pillow_format), **LIMITS)


def test_it_rejects_a_truncated_jpeg_as_corrupt():
    data = fixture_bytes("DSCN0010.jpg")
    with pytest.raises(CorruptPhoto) as error:
        process_photo(data[: len(data) // 2], **LIMITS)
    assert error.value.status == 422
    assert error.value.message_cs.startswith("Fotografie je poškozená")


def test_it_rejects_a_jpeg_cut_inside_its_header_as_corrupt():
    with pytest.raises(CorruptPhoto):
        process_photo(fixture_bytes("DSCN0010.jpg")[:40], **LIMITS)


def test_it_rejects_an_empty_file():
    with pytest.raises(EmptyPhoto) as error:
        process_photo(b"", **LIMITS)
    assert error.value.status == 400


def test_it_rejects_a_file_over_the_size_limit_without_reading_all_of_it():
    data = fixture_bytes("DSCN0010.jpg")
    upload = io.BytesIO(data)
    with pytest.raises(PhotoTooLarge) as error:
        process_photo(upload, max_bytes=100_000, max_pixels=LIMITS["max_pixels"])
    assert error.value.status == 413
    assert upload.tell() == 100_001
    assert "0.1 MB" in error.value.message_en
    assert "0,1 MB" in error.value.message_cs


@pytest.mark.parametrize(
    ("width", "height", "megapixels"),
    [
        (30_000, 30_000, "900"),  # beyond what Pillow itself opens
        (10_000, 10_000, "100"),  # where Pillow only warns
    ],
)
def test_it_rejects_a_pixel_bomb_from_its_header_before_decoding(width, height, megapixels):
    bomb = png_declaring(width, height)  # a file of about 80 bytes
    with pytest.raises(PhotoTooManyPixels) as error:
        process_photo(bomb, **LIMITS)
    assert error.value.status == 413
    assert f"({megapixels} megapixels)" in error.value.message_en


def test_it_rejects_an_image_just_over_our_own_pixel_limit():
    with pytest.raises(PhotoTooManyPixels) as error:
        process_photo(jpeg_declaring(8000, 6000), max_bytes=10_000_000, max_pixels=40_000_000)
    assert "48 megapixels" in error.value.message_en
    assert "48 megapixelů" in error.value.message_cs


def test_it_accepts_png_and_webp():
    for pillow_format in ("PNG", "WEBP"):
        result = process_photo(other_format(pillow_format), **LIMITS)
        assert result.original_format == pillow_format.lower()
        assert Image.open(io.BytesIO(result.display)).format == "JPEG"


def test_a_transparent_png_gets_a_white_background():
    out = io.BytesIO()
    Image.new("RGBA", (20, 20), (0, 0, 0, 0)).save(out, "PNG")
    result = process_photo(out.getvalue(), **LIMITS)
    assert Image.open(io.BytesIO(result.display)).getpixel((10, 10)) >= (250, 250, 250)


def test_the_message_follows_the_language():
    error = UnsupportedPhotoType()
    assert error.message_for("en") == error.message_en
    assert error.message_for("cs") == error.message_cs
    assert error.message_for(None) == error.message_cs


def test_a_truncated_jpeg_is_refused_even_after_weasyprint_allowed_truncated_images(monkeypatch):
    from PIL import ImageFile

    # What `import weasyprint` does (weasyprint/images.py), whichever test imported it first.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    test_it_rejects_a_truncated_jpeg_as_corrupt()
    # ... and the switch is left as WeasyPrint wants it for its own images.
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True
