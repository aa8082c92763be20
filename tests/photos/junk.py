"""Photos as phones write them (EXIF with position, direction, time and orientation, an ICC
profile) and the same photos stuffed with metadata nobody needs, for the tests of the private
original."""

import functools
import io
import struct
from datetime import datetime

import numpy as np
from PIL import Image, ImageCms, TiffImagePlugin

# Where the photo was taken: Písek, Velké náměstí, looking east-south-east.
LATITUDE, LONGITUDE, DIRECTION = 49.3089, 14.1474, 117.5
TAKEN_AT = datetime(2026, 5, 4, 10, 31, 7)
ORIENTATION = 6  # the phone held upright: stored sideways, turned when shown
JUNK_SEGMENT = 65_000


def _dms(value: float) -> tuple:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 4)
    return (
        TiffImagePlugin.IFDRational(degrees, 1),
        TiffImagePlugin.IFDRational(minutes, 1),
        TiffImagePlugin.IFDRational(int(seconds * 10000), 10000),
    )


def phone_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Phone maker"
    exif[0x0110] = "Phone 12"
    exif[0x0112] = ORIENTATION
    exif[0x0131] = "Photo editor with a long name 1.0"
    exif[0x8769] = {
        0x9003: TAKEN_AT.strftime("%Y:%m:%d %H:%M:%S"),
        0x9011: "+02:00",
        0x927C: b"maker note " * 2000,  # a maker's private blob: 22 KB
    }
    exif[0x8825] = {
        0: b"\x02\x02\x00\x00",
        1: "N",
        2: _dms(LATITUDE),
        3: "E",
        4: _dms(LONGITUDE),
        16: "T",
        17: TiffImagePlugin.IFDRational(int(DIRECTION * 100), 100),
        27: b"ASCII\x00\x00\x00" + b"processing method " * 500,
    }
    return exif


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


@functools.cache
def phone_jpeg(width: int = 640, height: int = 480, progressive: bool = False) -> bytes:
    """A noisy photo (so that its entropy-coded data is not trivial), as a phone saves it."""
    pixels = np.random.default_rng(7).integers(0, 255, (height, width, 3), dtype=np.uint8)
    out = io.BytesIO()
    Image.fromarray(pixels).save(
        out,
        "JPEG",
        quality=90,
        exif=phone_exif(),
        icc_profile=srgb_profile(),
        progressive=progressive,
    )
    return out.getvalue()


def segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def junk_segments(size: int) -> bytes:
    """About `size` bytes of APPn segments and comments of every kind phones and editors write."""
    kinds = [
        (0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>"),  # XMP
        (0xED, b"Photoshop 3.0\x00"),  # IPTC
        (0xE2, b"MPF\x00"),  # multi-picture index
        (0xEB, b"JP\x00"),  # JPEG XT / HDR gain maps
        (0xE4, b""),
        (0xEF, b""),
        (0xFE, b""),  # a comment
    ]
    parts, written, i = [], 0, 0
    while written < size:
        marker, head = kinds[i % len(kinds)]
        payload = head + bytes([i % 251]) * min(JUNK_SEGMENT - len(head), size - written)
        parts.append(segment(marker, payload))
        written += len(parts[-1])
        i += 1
    return b"".join(parts)


def padded_with_junk(data: bytes, total: int) -> bytes:
    """`data` (a JPEG) made exactly `total` bytes long: junk segments after its own metadata
    (APP0, APP1 EXIF, APP2 ICC stay first) and between the tables, and junk after its end."""
    tables = data.index(b"\xff\xdb")  # the first quantisation table, after the metadata
    trailer = b"trailing junk: a motion photo's video " * 1000
    middle = total - len(data) - len(trailer)
    if middle < 200:
        raise ValueError("too small a total for the junk")
    junk = junk_segments(middle - 200)
    junk += segment(0xFE, b"#" * (middle - len(junk) - 4))
    assert len(junk) == middle
    return data[:tables] + junk + data[tables:] + trailer
