"""PURE: the photo pipeline (verify, EXIF read, orient, strip, resize, blur). No Django here.

The Django side (files, rows, clean-up) is ``mapping.photo_storage``; import it explicitly.
"""

from mapping.photos.errors import (
    AltTextTooLong,
    CorruptPhoto,
    EmptyPhoto,
    InvalidBlurArea,
    MissingAltText,
    PhotoError,
    PhotoTooLarge,
    PhotoTooManyPixels,
    UnknownPhotoSubject,
    UnsupportedPhotoType,
)
from mapping.photos.exif import PhotoMetadata, read_metadata
from mapping.photos.pipeline import (
    ProcessedPhoto,
    encode_jpeg,
    process_photo,
    read_photo_metadata,
)
from mapping.photos.privacy import Area

__all__ = [
    "AltTextTooLong",
    "Area",
    "CorruptPhoto",
    "EmptyPhoto",
    "InvalidBlurArea",
    "MissingAltText",
    "PhotoError",
    "PhotoMetadata",
    "PhotoTooLarge",
    "PhotoTooManyPixels",
    "ProcessedPhoto",
    "UnknownPhotoSubject",
    "UnsupportedPhotoType",
    "encode_jpeg",
    "process_photo",
    "read_metadata",
    "read_photo_metadata",
]
