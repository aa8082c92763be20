"""Recognise an upload by its bytes (never by its name or declared type) and open it safely.

Only the header is parsed here: the pixel limit is checked on the dimensions the header declares,
before a single pixel is decoded, so a decompression bomb costs nothing.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
from typing import IO

import pillow_heif
from PIL import Image, UnidentifiedImageError

from mapping.photos.errors import (
    CorruptPhoto,
    EmptyPhoto,
    PhotoTooLarge,
    PhotoTooManyPixels,
    UnsupportedPhotoType,
)

# Register once, at import: phones send HEIC (iPhone) and HEIF.
pillow_heif.register_heif_opener()

# Brands of the ISO base media "ftyp" box that are still images libheif decodes as HEVC.
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}

# Our name for the format -> (Pillow's format name, MIME type of the original).
FORMATS: dict[str, tuple[str, str]] = {
    "jpeg": ("JPEG", "image/jpeg"),
    "png": ("PNG", "image/png"),
    "webp": ("WEBP", "image/webp"),
    "heif": ("HEIF", "image/heif"),
}


def sniff_format(head: bytes) -> str:
    """The format of a file from its first bytes; UnsupportedPhotoType for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brands = {head[8:12]}
        box_size = int.from_bytes(head[:4], "big")
        # Compatible brands follow the major brand and the minor version.
        for start in range(16, min(box_size, len(head)) - 3, 4):
            brands.add(head[start : start + 4])
        # AVIF shares the "mif1" brand with HEIF but needs another decoder than libheif's HEVC.
        if brands & _HEIF_BRANDS and not brands & {b"avif", b"avis"}:
            return "heif"
    raise UnsupportedPhotoType()


def read_limited(upload: bytes | IO[bytes], max_bytes: int) -> bytes:
    """The upload's bytes, refusing to read more than ``max_bytes`` (+1 to know it was more)."""
    if isinstance(upload, bytes | bytearray | memoryview):
        data = bytes(upload)
    else:
        if hasattr(upload, "seek"):
            upload.seek(0)
        data = upload.read(max_bytes + 1)
    if not data:
        raise EmptyPhoto()
    if len(data) > max_bytes:
        size = getattr(upload, "size", None) or len(data)
        raise PhotoTooLarge(size_mb=_mb(size), limit_mb=_mb(max_bytes))
    return data


def open_checked(data: bytes, kind: str, max_pixels: int) -> Image.Image:
    """Open (header only) and check the declared size against ``max_pixels``."""
    pillow_format = FORMATS[kind][0]
    try:
        with warnings.catch_warnings():
            # We enforce our own, stricter limit below; Pillow's warning would only be noise
            # (and an error under pytest's warnings-as-errors).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            # Opening a JPEG reads its EXIF for the DPI; broken tags are skipped with a warning.
            warnings.simplefilter("ignore", UserWarning)
            image = Image.open(io.BytesIO(data), formats=[pillow_format])
    except Image.DecompressionBombError as exc:
        # Pillow refuses far beyond its own limit before we see the size; its message has it.
        declared = re.search(r"\((\d+) pixels\)", str(exc))
        raise PhotoTooManyPixels(
            megapixels=_mp(int(declared.group(1))) if declared else "?",
            limit_megapixels=_mp(max_pixels),
        ) from None
    except UnidentifiedImageError:
        # The magic bytes looked right but the header is not an image of that kind.
        raise CorruptPhoto() from None
    except (OSError, SyntaxError, ValueError, EOFError, struct.error):
        raise CorruptPhoto() from None
    width, height = image.size
    if width <= 0 or height <= 0:
        raise CorruptPhoto()
    if width * height > max_pixels:
        image.close()
        raise PhotoTooManyPixels(megapixels=_mp(width * height), limit_megapixels=_mp(max_pixels))
    return image


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".rstrip("0").rstrip(".")


def _mp(pixels: int) -> str:
    return f"{pixels / 1_000_000:.1f}".rstrip("0").rstrip(".")
