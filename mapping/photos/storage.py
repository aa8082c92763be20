"""The Django side of photos: run the pipeline, write the files, create the row, clean up.

Public copies (display size and thumbnail, anonymised) go to the default storage; the original
upload, with its metadata, goes to the private storage (``storages["private"]``) that only
coordinators can reach through a view. Nothing is left behind: if anything fails, every file
written so far is deleted and no row exists; deleting a Photo deletes its files once the deletion
is committed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import BinaryIO

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage, storages
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext

from mapping.models import Assessment, Photo, PhotoSubject, Report
from mapping.photos.errors import (
    AltTextTooLong,
    MissingAltText,
    PhotoError,
    UnknownPhotoSubject,
)
from mapping.photos.pipeline import ProcessedPhoto, process_photo

logger = logging.getLogger(__name__)

ALT_TEXT_MAX_LENGTH = 500


def photo_error_message(error: PhotoError) -> str:
    """The error's message in the active language (gettext, with the pure module's Czech)."""
    template = gettext(error.template_en)
    return template % error.params if error.params else template


def save_photo(
    owner: Assessment | Report,
    upload: bytes | BinaryIO,
    *,
    alt_text: str,
    subject: str = PhotoSubject.OTHER,
    position: int = 0,
    blur_rects: Iterable[Sequence[int]] | None = None,
) -> Photo:
    """Check, anonymise and store one uploaded photo of an assessment or a report.

    Raises a PhotoError (with its HTTP status) for a bad upload or a missing text alternative;
    then no file and no row are left.
    """
    alt_text = validate_alt_text(alt_text)
    if subject not in PhotoSubject.values:
        raise UnknownPhotoSubject()
    processed = process_photo(
        upload,
        max_bytes=settings.PHOTO_MAX_BYTES,
        max_pixels=settings.PHOTO_MAX_PIXELS,
        blur_rects=blur_rects,
    )
    photo = Photo(
        alt_text=alt_text,
        subject=subject,
        position=position,
        width=processed.width,
        height=processed.height,
        blur_areas=[area.as_list() for area in processed.blurred],
        exif_direction=processed.metadata.direction,
        taken_at=_aware(processed.metadata.taken_at),
    )
    if isinstance(owner, Assessment):
        photo.assessment = owner
    elif isinstance(owner, Report):
        photo.report = owner
    else:
        raise TypeError(f"A photo belongs to an assessment or a report, not {owner!r}.")
    if processed.metadata.has_position:
        photo.exif_location = Point(
            processed.metadata.longitude, processed.metadata.latitude, srid=4326
        )
    written: list[tuple[Storage, str]] = []
    try:
        with transaction.atomic():
            _write_files(photo, processed, written)
            photo.save()
    except BaseException:
        _delete_files(written)
        raise
    return photo


def reblur_photo(photo: Photo, blur_areas: Iterable[Sequence[int]]) -> Photo:
    """Make the public copies again from the private original with a coordinator's areas.

    ``blur_areas`` is the complete list (in the original's pixels): detected areas the coordinator
    kept plus those they added. The old public files are deleted once the change is committed.
    """
    private = storages["private"]
    with private.open(photo.original.name, "rb") as original:
        processed = process_photo(
            original,
            max_bytes=max(settings.PHOTO_MAX_BYTES, private.size(photo.original.name)),
            max_pixels=settings.PHOTO_MAX_PIXELS,
            blur_rects=[list(area) for area in blur_areas],
            detect=False,
        )
    old = [(default_storage, photo.image.name), (default_storage, photo.thumbnail.name)]
    written: list[tuple[Storage, str]] = []
    try:
        with transaction.atomic():
            _write_public_files(photo, processed, written)
            photo.blur_areas = [area.as_list() for area in processed.blurred]
            photo.save(update_fields=["image", "thumbnail", "blur_areas"])
            transaction.on_commit(lambda: _delete_files(old))
    except BaseException:
        _delete_files(written)
        raise
    return photo


def validate_alt_text(alt_text: str | None) -> str:
    text = " ".join((alt_text or "").split())
    if not text:
        raise MissingAltText()
    if len(text) > ALT_TEXT_MAX_LENGTH:
        raise AltTextTooLong(length=len(text), limit=ALT_TEXT_MAX_LENGTH)
    return text


def delete_photo(photo: Photo) -> None:
    """Delete a photo; its files go when the deletion is committed (see the signal below)."""
    photo.delete()


@receiver(post_delete, sender=Photo, dispatch_uid="mapping.photos.delete_files")
def _delete_files_of_deleted_photo(sender: type[Photo], instance: Photo, **kwargs: object) -> None:
    # Also runs for photos deleted by a cascade (an assessment or a report deleted). After the
    # commit only: a rolled-back deletion must still find its files.
    files = [
        (default_storage, instance.image.name),
        (default_storage, instance.thumbnail.name),
        (storages["private"], instance.original.name),
    ]
    transaction.on_commit(lambda: _delete_files(files))


def _write_files(photo: Photo, processed: ProcessedPhoto, written: list) -> None:
    stem = uuid.uuid4().hex
    private = storages["private"]
    name = private.save(
        f"photos/original/{stem}.{processed.original_extension}",
        ContentFile(processed.original),
    )
    written.append((private, name))
    photo.original.name = name
    _write_public_files(photo, processed, written, stem)


def _write_public_files(
    photo: Photo, processed: ProcessedPhoto, written: list, stem: str | None = None
) -> None:
    # A new random name for every version: public URLs of anonymised copies are not guessable
    # from the original's, and a browser never shows a cached copy with an area not yet blurred.
    stem = uuid.uuid4().hex if stem is None else stem
    for field, folder, content in (
        ("image", "photos/display", processed.display),
        ("thumbnail", "photos/thumb", processed.thumbnail),
    ):
        name = default_storage.save(f"{folder}/{stem}.jpg", ContentFile(content))
        written.append((default_storage, name))
        getattr(photo, field).name = name


def _delete_files(files: Iterable[tuple[Storage, str]]) -> None:
    for storage, name in files:
        if not name:
            continue
        try:
            storage.delete(name)
        except OSError:
            # A file we cannot delete must not hide the error that brought us here.
            logger.exception("Could not delete the photo file %s", name)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or timezone.is_aware(moment):
        return moment
    # EXIF without an offset is the phone's local time: the deployment's time zone.
    return timezone.make_aware(moment, timezone.get_default_timezone())
