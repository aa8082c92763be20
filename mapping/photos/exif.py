"""Read what the volunteer's phone knew (position, direction, time, orientation) from EXIF.

EXIF written by cameras, phones and editors is often broken: zero denominators, missing refs,
strings with NUL bytes, IFD offsets pointing nowhere. Every reader here returns None rather than
raise, because a photo with broken metadata is still a good photo.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, SupportsFloat, SupportsIndex

from PIL import Image

TAG_ORIENTATION = 0x0112
TAG_DATETIME = 0x0132
TAG_MAKE, TAG_MODEL = 0x010F, 0x0110
IFD_EXIF = 0x8769
IFD_GPS = 0x8825
TAG_DATETIME_ORIGINAL = 0x9003
TAG_DATETIME_DIGITIZED = 0x9004
TAG_OFFSET_TIME_ORIGINAL = 0x9011
TAG_SUBSEC_TIME_ORIGINAL = 0x9291
GPS_LATITUDE_REF, GPS_LATITUDE = 1, 2
GPS_LONGITUDE_REF, GPS_LONGITUDE = 3, 4
GPS_IMG_DIRECTION_REF, GPS_IMG_DIRECTION = 16, 17

# EXIF orientation -> the Pillow transpose that makes the image upright (as ImageOps does).
ORIENTATION_TRANSPOSE: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class PhotoMetadata:
    """What EXIF said, read before the metadata is thrown away."""

    latitude: float | None = None
    longitude: float | None = None
    direction: float | None = None  # degrees clockwise from north (true or magnetic, see ref)
    direction_ref: str | None = None  # "T" true north, "M" magnetic north
    taken_at: datetime | None = None  # aware when EXIF gives the offset, else naive local time
    orientation: int = 1
    make: str | None = None
    model: str | None = None

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None


def read_metadata(image: Image.Image) -> PhotoMetadata:
    """Position, direction, time and orientation of an opened (not yet decoded) image."""
    with warnings.catch_warnings():
        # Pillow warns about every broken tag it skips; a skipped tag is simply not there.
        warnings.simplefilter("ignore", UserWarning)
        return _read_metadata(image)


def _read_metadata(image: Image.Image) -> PhotoMetadata:
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - any parser failure means "no EXIF", never a lost photo
        return PhotoMetadata()
    gps = _sub_ifd(exif, IFD_GPS)
    exif_ifd = _sub_ifd(exif, IFD_EXIF)
    latitude = _coordinate(gps.get(GPS_LATITUDE), gps.get(GPS_LATITUDE_REF), "S", 90)
    longitude = _coordinate(gps.get(GPS_LONGITUDE), gps.get(GPS_LONGITUDE_REF), "W", 180)
    if latitude is None or longitude is None or (latitude == 0 and longitude == 0):
        # A lone coordinate is useless, and 0,0 is what broken GPS modules write.
        latitude = longitude = None
    direction = _number(gps.get(GPS_IMG_DIRECTION))
    if direction is not None and not 0 <= direction <= 360:
        direction = None
    return PhotoMetadata(
        latitude=latitude,
        longitude=longitude,
        direction=None if direction is None else direction % 360,
        direction_ref=_text(gps.get(GPS_IMG_DIRECTION_REF)) if direction is not None else None,
        taken_at=_taken_at(exif, exif_ifd),
        orientation=_orientation(exif),
        make=_text(exif.get(TAG_MAKE)),
        model=_text(exif.get(TAG_MODEL)),
    )


def _sub_ifd(exif: Image.Exif, tag: int) -> dict[int, Any]:
    try:
        return dict(exif.get_ifd(tag))
    except Exception:  # noqa: BLE001 - a dangling IFD offset is common in edited files
        return {}


def _orientation(exif: Image.Exif) -> int:
    try:
        value = int(exif.get(TAG_ORIENTATION, 1))
    except (TypeError, ValueError):
        return 1
    return value if 1 <= value <= 8 else 1


def _number(value: object) -> float | None:
    if not isinstance(value, SupportsFloat | SupportsIndex | str | bytes):
        return None
    try:
        number = float(value)  # IFDRational, int, float; nan for a zero denominator
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return number if math.isfinite(number) else None


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "ignore")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value or None


def _coordinate(dms: object, ref: object, negative_ref: str, limit: float) -> float | None:
    if not isinstance(dms, tuple | list) or not dms:
        return None
    parts: list[float] = []
    for part in dms[:3]:
        number = _number(part)
        if number is None or number < 0:
            return None
        parts.append(number)
    while len(parts) < 3:
        parts.append(0.0)
    degrees, minutes, seconds = parts
    value = degrees + minutes / 60 + seconds / 3600
    if value > limit:
        return None
    # A missing ref is read as north/east, as most readers do.
    if (_text(ref) or "").upper().startswith(negative_ref):
        value = -value
    return round(value, 7)


def _taken_at(exif: Image.Exif, exif_ifd: dict[int, Any]) -> datetime | None:
    for raw in (
        exif_ifd.get(TAG_DATETIME_ORIGINAL),
        exif_ifd.get(TAG_DATETIME_DIGITIZED),
        exif.get(TAG_DATETIME),
    ):
        moment = _parse_datetime(_text(raw))
        if moment is not None:
            offset = _parse_offset(_text(exif_ifd.get(TAG_OFFSET_TIME_ORIGINAL)))
            return moment.replace(tzinfo=offset) if offset is not None else moment
    return None


def _parse_datetime(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    # Cameras never set reset their clock to 1970 or the far future on purpose.
    return moment if 1990 <= moment.year <= 2100 else None


def _parse_offset(text: str | None) -> timezone | None:
    if not text or len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if text[0] == "-" else delta)


# What the private original keeps of EXIF: what says where, when, which way and how upright the
# photo was taken, and by which camera. Maker notes, thumbnails, software and editing history,
# user comments and the rest go.
KEPT_TAGS = (TAG_ORIENTATION, TAG_DATETIME, TAG_MAKE, TAG_MODEL)
KEPT_EXIF_TAGS = (
    TAG_DATETIME_ORIGINAL,
    TAG_DATETIME_DIGITIZED,
    TAG_OFFSET_TIME_ORIGINAL,
    TAG_SUBSEC_TIME_ORIGINAL,
)
# The GPS IFD's tags 0 (version) to 31 (horizontal error): position, altitude, time, direction,
# speed, datum. Not 27 (processing method) and 28 (area information): text of any length.
KEPT_GPS_TAGS = tuple(tag for tag in range(32) if tag not in (27, 28))
_LONGEST_TEXT = 64
_MOST_NUMBERS = 4


def lean_exif(image: Image.Image) -> bytes | None:
    """A new EXIF block ("Exif\\0\\0" and its TIFF structure) with only the tags above, from an
    opened image; None when it has none of them (or no readable EXIF)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            exif = image.getexif()
            lean = Image.Exif()
            _copy(exif, lean, KEPT_TAGS)
            for ifd, tags in ((IFD_EXIF, KEPT_EXIF_TAGS), (IFD_GPS, KEPT_GPS_TAGS)):
                kept: dict[int, Any] = {}
                _copy(_sub_ifd(exif, ifd), kept, tags)
                if kept:
                    lean[ifd] = kept
            return lean.tobytes() if len(lean) else None
        except Exception:  # noqa: BLE001 - EXIF we cannot rewrite is EXIF we do not keep
            return None


def _copy(
    source: Mapping[int, Any], target: MutableMapping[int, Any], tags: tuple[int, ...]
) -> None:
    for tag in tags:
        value = source.get(tag)
        if _small(value):
            target[tag] = value


def _small(value: object) -> bool:
    """A value a kept tag may have: a number, a short text, or a few numbers."""
    if isinstance(value, str | bytes):
        return 0 < len(value) <= _LONGEST_TEXT
    if isinstance(value, tuple | list):
        return 0 < len(value) <= _MOST_NUMBERS and all(_number(part) is not None for part in value)
    return _number(value) is not None
