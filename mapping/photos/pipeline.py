"""The one photo pipeline: check, read EXIF, decode once, orient, strip, resize, blur, re-encode.

The upload path (process_photo) makes the private original and copies without metadata; the
privacy check (the worker, mapping/photo_privacy.py) decodes the original again with open_photo,
finds faces on the upright picture (faces.py) and makes the public copies with public_copies.

Coordinates of blur areas are always in pixels of the upright original (``width`` x ``height`` of
the result), whatever size the public copies have, so a coordinator's rectangles survive a change
of the display size.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import IO

import numpy as np
from PIL import Image, ImageCms

from mapping.photos.areas import Area, blur_areas
from mapping.photos.errors import CorruptPhoto
from mapping.photos.exif import ORIENTATION_TRANSPOSE, PhotoMetadata, lean_exif, read_metadata
from mapping.photos.formats import FORMATS, open_checked, read_limited, sniff_format
from mapping.photos.original import lean_original

DISPLAY_SIDE = 1600
THUMBNAIL_SIDE = 320
JPEG_QUALITY = 85

_SRGB = ImageCms.createProfile("sRGB")


@dataclass
class UprightPhoto:
    """A decoded upload: the upright picture at display size (not blurred), and what the upload
    said about itself. ``original`` is private to coordinators: the upload's image data with
    only the metadata that matters (see original.py)."""

    picture: Image.Image  # RGB, upright, the long side at most the display side
    width: int  # of the upright original
    height: int
    original: bytes
    original_format: str  # "jpeg", "png", "webp" or "heif"
    metadata: PhotoMetadata

    @property
    def to_display(self) -> float:
        """The factor from the original's pixels to the picture's."""
        return self.picture.width / self.width


@dataclass
class PublicCopies:
    display: bytes  # JPEG, no metadata, blurred
    display_size: tuple[int, int]
    thumbnail: bytes  # JPEG, no metadata, blurred
    thumbnail_size: tuple[int, int]


@dataclass
class ProcessedPhoto:
    """Everything the upload path made from one upload: the private original and the copies at
    display size and as a thumbnail, with ``blurred`` (a person's areas) blurred. Faces are not
    looked for here: the privacy check does that in the background (docs/decisions/0008)."""

    original: bytes
    original_format: str
    width: int  # of the upright original
    height: int
    metadata: PhotoMetadata
    display: bytes
    display_size: tuple[int, int]
    thumbnail: bytes
    thumbnail_size: tuple[int, int]
    blurred: list[Area] = field(default_factory=list)

    @property
    def original_mime_type(self) -> str:
        return FORMATS[self.original_format][1]

    @property
    def original_extension(self) -> str:
        return {"jpeg": "jpg", "heif": "heic"}.get(self.original_format, self.original_format)


def process_photo(
    upload: bytes | IO[bytes],
    *,
    max_bytes: int,
    max_pixels: int,
    blur_rects: Iterable[Sequence[int]] | None = None,
    display_side: int = DISPLAY_SIDE,
    thumbnail_side: int = THUMBNAIL_SIDE,
    preview: bool = False,
) -> ProcessedPhoto:
    """The upload path: turn an upload into a private original and copies without metadata.

    ``blur_rects`` are areas [x, y, width, height] in the original's pixels to blur; with
    ``preview`` the display copy may be smaller (see open_photo). Raises a PhotoError subclass
    for anything that is not an acceptable photo.
    """
    upright = open_photo(
        upload,
        max_bytes=max_bytes,
        max_pixels=max_pixels,
        display_side=display_side,
        preview=preview,
    )
    blurred = [_area(rect) for rect in blur_rects or ()]
    copies = public_copies(upright, blurred, thumbnail_side=thumbnail_side)
    return ProcessedPhoto(
        original=upright.original,
        original_format=upright.original_format,
        width=upright.width,
        height=upright.height,
        metadata=upright.metadata,
        display=copies.display,
        display_size=copies.display_size,
        thumbnail=copies.thumbnail,
        thumbnail_size=copies.thumbnail_size,
        blurred=blurred,
    )


def open_photo(
    upload: bytes | IO[bytes],
    *,
    max_bytes: int,
    max_pixels: int,
    display_side: int = DISPLAY_SIDE,
    preview: bool = False,
) -> UprightPhoto:
    """Check, read EXIF, decode once (at a reduced scale where the display copy allows) and turn
    upright. Raises a PhotoError subclass for anything that is not an acceptable photo.

    With ``preview`` the picture's long side may be less than ``display_side``, down to half of
    it: a JPEG is then decoded at the first of libjpeg's scales (1/2, 1/4, 1/8) that fits, with
    no resize after it. The upload's private copies are made so (the privacy check makes the
    public ones at the display size): it halves what a volunteer waits for on a 12 MP photo.
    """
    data = read_limited(upload, max_bytes)
    kind = sniff_format(data[:64])
    image = open_checked(data, kind, max_pixels)
    metadata = read_metadata(image)
    original = lean_original(data, kind, lean_exif(image))
    orientation = _effective_orientation(image, metadata)
    stored_w, stored_h = image.size
    upright_w, upright_h = (stored_h, stored_w) if orientation >= 5 else (stored_w, stored_h)

    if kind == "jpeg":
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale straight away when the copy is that much
        # smaller: the biggest single saving on a 12-megapixel photo.
        scale = display_side / max(stored_w, stored_h)
        if preview and scale < 1:
            scale = 0.5 ** min(3, math.ceil(math.log2(1 / scale)))
        if scale <= 0.5:
            image.draft("RGB", (math.ceil(stored_w * scale), math.ceil(stored_h * scale)))
    try:
        _load_strictly(image)
        picture = _to_srgb_rgb(image)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise CorruptPhoto() from exc
    if max(picture.size) > display_side:
        # Resize before turning upright: fewer pixels to move. After the draft only a 1-2x step
        # is left, where Pillow's area-averaging box filter looks like bicubic at half the cost.
        factor = display_side / max(picture.size)
        picture = picture.resize(
            (max(1, round(picture.width * factor)), max(1, round(picture.height * factor))),
            Image.Resampling.BOX,
        )
    if orientation in ORIENTATION_TRANSPOSE:
        picture = picture.transpose(ORIENTATION_TRANSPOSE[orientation])
    return UprightPhoto(picture, upright_w, upright_h, original, kind, metadata)


def public_copies(
    upright: UprightPhoto, areas: Iterable[Area], *, thumbnail_side: int = THUMBNAIL_SIDE
) -> PublicCopies:
    """The display copy and the thumbnail with ``areas`` (in the original's pixels) blurred.

    Blurs ``upright.picture`` in place: call it once per decoded photo.
    """
    picture = upright.picture
    blur_areas(picture, [area.scaled(upright.to_display) for area in areas])
    thumb_factor = min(1.0, thumbnail_side / max(picture.size))
    thumb = picture.resize(
        (max(1, round(picture.width * thumb_factor)), max(1, round(picture.height * thumb_factor))),
        Image.Resampling.BICUBIC,
        reducing_gap=2.0,
    )
    return PublicCopies(encode_jpeg(picture), picture.size, encode_jpeg(thumb), thumb.size)


def read_photo_metadata(
    upload: bytes | IO[bytes], *, max_bytes: int, max_pixels: int
) -> tuple[bytes, PhotoMetadata]:
    """The upload's EXIF (position, direction, time) from its header alone: no decode.

    Refuses what ``process_photo`` would refuse before decoding (size, type, pixel count), so a
    caller can place a record by the photo's position before storing anything.
    """
    data = read_limited(upload, max_bytes)
    image = open_checked(data, sniff_format(data[:64]), max_pixels)
    return data, read_metadata(image)


def encode_jpeg(picture: Image.Image) -> bytes:
    """A baseline JPEG with no EXIF, XMP, ICC or comment: nothing but pixels."""
    picture.info = {}
    out = io.BytesIO()
    # No optimize=True: measured on a 1600 px photo, it doubles the encoding time to save 1 %.
    picture.save(out, "JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def _effective_orientation(image: Image.Image, metadata: PhotoMetadata) -> int:
    # libheif already applies the HEIF rotation/mirror boxes when decoding, and pillow-heif then
    # reports the EXIF orientation as 1; honour EXIF only for the other formats.
    if image.format == "HEIF":
        return 1
    return metadata.orientation


def _to_srgb_rgb(image: Image.Image) -> Image.Image:
    """8-bit RGB in sRGB, transparent parts on white, whatever the source mode and profile."""
    icc = image.info.get("icc_profile")
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        wide = np.asarray(image).astype(np.uint32)
        image = Image.fromarray((wide >> 8 if wide.max() > 255 else wide).astype(np.uint8), "L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        converted = _profile_to_srgb(image, icc)
        if converted is not None:
            return converted
    return image.convert("RGB") if image.mode != "RGB" else image


def _profile_to_srgb(image: Image.Image, icc: bytes) -> Image.Image | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        if image.mode == "RGB" and "srgb" in ImageCms.getProfileDescription(source).lower():
            return None  # already sRGB: the conversion would change nothing
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken profile: the pixels are still the best guess we have.
        return None


def _area(rect: Sequence[int]) -> Area:
    x, y, width, height = (int(value) for value in rect)
    return Area(x, y, max(1, width), max(1, height), "manual")


def _load_strictly(image: Image.Image) -> None:
    """Decode the whole image, refusing a truncated file.

    Pillow's switch for truncated files is process-wide, and WeasyPrint turns it on when it is
    imported (weasyprint/images.py): force it off for this decode, whoever imported what.
    """
    from PIL import ImageFile

    previous = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        image.load()
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = previous
