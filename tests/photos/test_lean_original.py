"""The private original, format by format: the same pixels, the metadata that matters, nothing else
(mapping/photos/original.py through the pipeline)."""

import io
import struct
import zlib

import pytest
from PIL import Image, ImageCms

from mapping.photos import CorruptPhoto, process_photo, read_metadata
from mapping.photos.original import lean_original
from tests.photos.conftest import LIMITS
from tests.photos.junk import (
    DIRECTION,
    LATITUDE,
    ORIENTATION,
    junk_segments,
    padded_with_junk,
    phone_exif,
    phone_jpeg,
    segment,
    srgb_profile,
)


def kept_of(data: bytes) -> bytes:
    return process_photo(data, **LIMITS).original


def assert_same_photo(kept: bytes, sent: bytes) -> None:
    with Image.open(io.BytesIO(kept)) as lean, Image.open(io.BytesIO(sent)) as full:
        assert lean.format == full.format
        assert lean.tobytes() == full.tobytes()
        metadata = read_metadata(lean)
        assert metadata == read_metadata(full)
        assert metadata.latitude == pytest.approx(LATITUDE, abs=1e-5)
        assert metadata.direction == pytest.approx(DIRECTION)
        assert metadata.orientation == ORIENTATION


def png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload)
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def stuffed_png() -> tuple[bytes, bytes]:
    """A PNG as an editor writes it, and the same with text, XMP, a private chunk and a tail."""
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(
        out, "PNG", exif=phone_exif(), icc_profile=srgb_profile()
    )
    clean = out.getvalue()
    idat = clean.index(b"IDAT") - 4
    junk = (
        png_chunk(b"tEXt", b"Comment\x00" + b"x" * 50_000)
        + png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00<x:xmpmeta>" + b"y" * 50_000)
        + png_chunk(b"prVt", b"z" * 100_000)
    )
    return clean, clean[:idat] + junk + clean[idat:] + b"after the end" * 1000


def test_a_png_keeps_pixels_exif_and_profile_and_loses_text_private_chunks_and_tail():
    clean, stuffed = stuffed_png()
    kept = kept_of(stuffed)
    assert_same_photo(kept, stuffed)
    assert len(kept) < len(clean)  # the EXIF's maker note went too
    assert b"tEXt" not in kept and b"iTXt" not in kept and b"prVt" not in kept
    assert kept.endswith(png_chunk(b"IEND", b""))
    with Image.open(io.BytesIO(kept)) as lean:
        assert lean.info.get("icc_profile")


def test_a_webp_keeps_pixels_exif_and_profile_and_loses_xmp():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 60)).save(
        out,
        "WEBP",
        lossless=True,
        exif=phone_exif(),
        icc_profile=srgb_profile(),
        xmp=b"<x:xmpmeta>" + b"q" * 80_000 + b"</x:xmpmeta>",
    )
    sent = out.getvalue() + b"after the end" * 100
    kept = kept_of(sent)
    assert_same_photo(kept, sent)
    assert b"XMP " not in kept and b"xmpmeta" not in kept
    assert len(kept) < len(sent) - 80_000
    with Image.open(io.BytesIO(kept)) as lean:
        assert lean.info.get("icc_profile")


def test_the_original_is_made_once_making_it_again_changes_nothing():
    """The coordinator's blur makes the public copies again from the stored original."""
    for sent in (padded_with_junk(phone_jpeg(), 400_000), stuffed_png()[1]):
        kept = kept_of(sent)
        assert kept_of(kept) == kept


def test_stray_bytes_between_segments_are_dropped_with_the_junk():
    clean = phone_jpeg()
    tables = clean.index(b"\xff\xdb")
    sent = clean[:tables] + b"\x00\x01stray" + junk_segments(3000) + clean[tables:]
    kept = kept_of(sent)
    assert_same_photo(kept, clean)
    assert b"stray" not in kept


def test_an_icc_profile_that_is_not_one_is_dropped():
    clean = phone_jpeg()
    start = clean.index(b"ICC_PROFILE\x00") - 4
    (length,) = struct.unpack(">H", clean[start + 2 : start + 4])
    fake = segment(0xE2, b"ICC_PROFILE\x00\x01\x01" + b"not a profile" * 1000)
    sent = clean[:start] + fake + clean[start + 2 + length :]
    kept = kept_of(sent)
    assert b"ICC_PROFILE" not in kept and b"not a profile" not in kept
    with Image.open(io.BytesIO(kept)) as lean, Image.open(io.BytesIO(clean)) as full:
        assert lean.tobytes() == full.tobytes()


def test_a_cmyk_jpeg_keeps_the_adobe_segment_it_is_read_by():
    out = io.BytesIO()
    Image.new("CMYK", (24, 16), (10, 200, 30, 5)).save(out, "JPEG", quality=95)
    sent = out.getvalue()
    assert b"Adobe" in sent
    kept = kept_of(sent)
    assert b"Adobe" in kept
    with Image.open(io.BytesIO(kept)) as lean, Image.open(io.BytesIO(sent)) as full:
        assert lean.mode == "CMYK" and lean.tobytes() == full.tobytes()


def test_a_jpeg_whose_segment_runs_past_its_end_is_corrupt():
    broken = phone_jpeg()[:2] + segment(0xE4, b"x" * 100)[:50]
    with pytest.raises(CorruptPhoto):
        lean_original(broken, "jpeg", None)


def test_heif_is_kept_as_it_was_sent():
    assert lean_original(b"\x00\x00\x00\x18ftypheic....", "heif", b"Exif\x00\x00MM") == (
        b"\x00\x00\x00\x18ftypheic...."
    )


def test_the_lean_exif_is_read_as_the_phone_wrote_it():
    kept = kept_of(phone_jpeg())
    with Image.open(io.BytesIO(kept)) as lean:
        exif = lean.getexif()
        assert exif[0x010F] == "Phone maker" and exif[0x0110] == "Phone 12"
        assert 0x0131 not in exif  # the editing software
        assert 0x927C not in exif.get_ifd(0x8769)  # the maker note
        assert 27 not in exif.get_ifd(0x8825)  # GPS processing method
    assert ImageCms.getProfileDescription(
        ImageCms.ImageCmsProfile(io.BytesIO(Image.open(io.BytesIO(kept)).info["icc_profile"]))
    )
