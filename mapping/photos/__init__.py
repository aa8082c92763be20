"""PURE: the photo pipeline (verify, EXIF read, orient, strip, resize, blur). No Django here.

The Django side (files, rows, clean-up) is ``mapping.photo_storage``; import it explicitly.
"""

from mapping.photos.areas import Area
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
    PublicCopies,
    UprightPhoto,
    encode_jpeg,
    open_photo,
    process_photo,
    public_copies,
    read_photo_metadata,
)

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
    "PublicCopies",
    "UnknownPhotoSubject",
    "UnsupportedPhotoType",
    "UprightPhoto",
    "encode_jpeg",
    "open_photo",
    "process_photo",
    "public_copies",
    "read_metadata",
    "read_photo_metadata",
]
