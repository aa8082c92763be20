"""The public copies carry nothing but pixels: no EXIF, no GPS, no XMP, no ICC profile."""

import io

import pytest
from PIL import Image, ImageCms

from mapping.photos import process_photo, read_metadata
from tests.photos.conftest import LIMITS, fixture_bytes, jpeg_bytes

XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="50,5.25N"/></rdf:RDF></x:xmpmeta>'
)


def assert_no_metadata(jpeg: bytes) -> None:
    image = Image.open(io.BytesIO(jpeg))
    assert image.format == "JPEG"
    assert len(image.getexif()) == 0
    assert "exif" not in image.info
    assert "icc_profile" not in image.info
    assert "xmp" not in image.info
    assert "comment" not in image.info
    for marker in (b"Exif", b"GPS", b"xmpmeta", b"ICC_PROFILE", b"NIKON", b"http://ns.adobe"):
        assert marker not in jpeg


def rich_jpeg() -> bytes:
    """A camera photo with its EXIF (and GPS), plus an ICC profile, XMP and a comment."""
    source = Image.open(io.BytesIO(fixture_bytes("DSCN0010.jpg")))
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return jpeg_bytes(
        source.convert("RGB"),
        exif=source.getexif().tobytes(),
        icc_profile=icc,
        xmp=XMP,
        comment=b"taken by Jana at Namesti 1",
    )


@pytest.mark.parametrize("name", ["DSCN0010.jpg", "67-0_length_string.jpg", "Kodak_CX7530.jpg"])
def test_the_public_copy_and_thumbnail_of_a_camera_photo_have_no_exif(name):
    data = fixture_bytes(name)
    assert b"Exif" in data
    result = process_photo(data, **LIMITS)
    assert result.metadata.has_position
    assert_no_metadata(result.display)
    assert_no_metadata(result.thumbnail)


def test_xmp_icc_and_comments_are_dropped_too():
    data = rich_jpeg()
    assert b"xmpmeta" in data and b"ICC_PROFILE" in data
    result = process_photo(data, **LIMITS)
    assert_no_metadata(result.display)
    assert_no_metadata(result.thumbnail)


def test_a_photo_in_another_colour_space_is_converted_to_srgb():
    lab_to_rgb_is_not_srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("LAB"))
    # An RGB image tagged with a non-sRGB profile: the pipeline converts and drops the tag.
    image = Image.new("RGB", (32, 32), (120, 60, 200))
    try:
        data = jpeg_bytes(image, icc_profile=lab_to_rgb_is_not_srgb.tobytes())
    except OSError:
        pytest.skip("this Pillow cannot embed a LAB profile")
    result = process_photo(data, **LIMITS)
    assert_no_metadata(result.display)


def test_the_original_keeps_its_image_data_and_metadata_for_coordinators():
    data = fixture_bytes("DSCN0010.jpg")
    result = process_photo(data, **LIMITS)
    with Image.open(io.BytesIO(result.original)) as kept, Image.open(io.BytesIO(data)) as sent:
        assert read_metadata(kept) == read_metadata(sent)
        assert read_metadata(kept).has_position and read_metadata(kept).taken_at
        assert kept.tobytes() == sent.tobytes()
    # Without the camera's thumbnail, maker notes and the rest of its EXIF.
    assert len(result.original) < len(data) - 4000
    assert result.original_mime_type == "image/jpeg"


def test_the_public_copies_are_limited_in_size():
    big = Image.open(io.BytesIO(fixture_bytes("67-0_length_string.jpg")))  # 4032 x 2012
    result = process_photo(jpeg_bytes(big.convert("RGB")), **LIMITS)
    assert result.display_size == (1600, 798)
    assert max(result.thumbnail_size) == 320
    assert (result.width, result.height) == (4032, 2012)
