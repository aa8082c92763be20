"""The Django side of photos: run the pipeline, write the files, create the row, clean up. It is
the one bridge from the pure pipeline (mapping.photos, which imports no Django) to the models.

The upload writes to the private storage (``storages["private"]``) that only coordinators can
reach through a view: the original with its metadata, and copies at display size and as a
thumbnail, without metadata but not yet anonymised. It queues the privacy check
(mapping.photo_privacy, in the worker), which writes the public copies (faces blurred) to the
default storage; until then the photo has none. Nothing is left behind: if anything fails, every
file written so far is deleted and no row exists; deleting a Photo deletes its files once the
deletion is committed. If the caller's own transaction rolls back after save_photo returned, the
files it wrote have no row any more: delete_orphaned_photo_files() sweeps them (a periodic job).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import IO

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.gis.geos import Point
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage, storages
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import get_language
from procrastinate.contrib.django import app

from mapping.models import Assessment, Photo, PhotoSubject, PrivacyStatus, Report, User
from mapping.photos.areas import Area
from mapping.photos.errors import (
    AltTextTooLong,
    InvalidBlurArea,
    MissingAltText,
    MissingOriginal,
    PhotoError,
    PrivacyCheckNotDone,
    UnknownPhotoSubject,
)
from mapping.photos.pipeline import (
    ProcessedPhoto,
    PublicCopies,
    UprightPhoto,
    open_photo,
    process_photo,
    public_copies,
)

logger = logging.getLogger(__name__)

PRIVACY_CHECK_TASK = "check_photo_privacy"

ALT_TEXT_MAX_LENGTH = 500


def photo_error_message(error: PhotoError) -> str:
    """The error's message in the active language.

    The pure module keeps both languages itself, so the message does not depend on the compiled
    catalogue being in step; locale/parts/photos.cs.po holds the same Czech for makemessages.
    """
    return error.message_for(get_language())


@dataclass(frozen=True)
class UploadLimits:
    """The largest photo (bytes) and the most pixels its header may declare; both are checked
    before a pixel is decoded."""

    max_bytes: int
    max_pixels: int


def volunteer_limits() -> UploadLimits:
    return UploadLimits(settings.PHOTO_MAX_BYTES, settings.PHOTO_MAX_PIXELS)


def limits_for(user: User | AnonymousUser) -> UploadLimits:
    """The volunteers' limits for an approved volunteer or a coordinator; the public's (lower)
    for anyone else, who may send a photo only through a report."""
    if isinstance(user, User) and (user.is_approved or user.is_coordinator):
        return volunteer_limits()
    return UploadLimits(
        min(settings.PUBLIC_PHOTO_MAX_BYTES, settings.PHOTO_MAX_BYTES),
        min(settings.PUBLIC_PHOTO_MAX_PIXELS, settings.PHOTO_MAX_PIXELS),
    )


def save_photo(
    owner: Assessment | Report,
    upload: bytes | IO[bytes],
    *,
    alt_text: str,
    subject: str = PhotoSubject.OTHER,
    position: int = 0,
    blur_rects: Iterable[Sequence[int]] | None = None,
    limits: UploadLimits | None = None,
) -> Photo:
    """Check and store one uploaded photo of an assessment or a report, within ``limits`` (the
    volunteers' by default), and queue its privacy check in the same transaction. The photo has
    no public copy until that check has made one.

    Raises a PhotoError (with its HTTP status) for a bad upload or a missing text alternative;
    then no file and no row are left.
    """

    if not isinstance(owner, Assessment | Report):
        raise TypeError(f"A photo belongs to an assessment or a report, not {owner!r}.")
    alt_text = validate_alt_text(alt_text)
    if subject not in PhotoSubject.values:
        raise UnknownPhotoSubject()
    limits = limits or volunteer_limits()
    processed = process_photo(
        upload,
        max_bytes=limits.max_bytes,
        max_pixels=limits.max_pixels,
        blur_rects=blur_rects,
        # Private copies for the review until the privacy check makes the public ones.
        preview=True,
    )
    photo = Photo(
        alt_text=alt_text,
        subject=subject,
        position=position,
        width=processed.width,
        height=processed.height,
        blur_areas=[area.as_list() for area in processed.blurred],
        privacy_status=PrivacyStatus.PENDING,
        exif_direction=processed.metadata.direction,
        taken_at=_aware(processed.metadata.taken_at),
    )
    if isinstance(owner, Assessment):
        photo.assessment = owner
    else:
        photo.report = owner
    if processed.metadata.has_position:
        photo.exif_location = Point(
            processed.metadata.longitude, processed.metadata.latitude, srid=4326
        )
    written: list[tuple[Storage, str]] = []
    try:
        with transaction.atomic():
            _write_private_files(photo, processed, written)
            photo.save()
            defer_privacy_check(photo.pk)
    except BaseException:
        delete_files(written)
        raise
    return photo


def defer_privacy_check(photo_id: int) -> None:
    """Queue the privacy check of a photo (mapping.photo_tasks) in the caller's transaction."""
    # By the task's name: its module imports this one.
    app.configure_task(name=PRIVACY_CHECK_TASK, allow_unknown=False).defer(photo_id=photo_id)


def reblur_photo(photo: Photo, blur_areas: Iterable[Sequence[int]]) -> Photo:
    """Make the public copies again from the private original with a coordinator's areas.

    ``blur_areas`` is the complete list (in the original's pixels): detected areas the coordinator
    kept plus those they added. The old public files are deleted once the change is committed.
    Only a photo whose privacy check has succeeded has public copies to make again.
    """
    if photo.privacy_status != PrivacyStatus.DONE:
        raise PrivacyCheckNotDone()
    blur_areas = validate_blur_areas(blur_areas, photo.width, photo.height)
    copies = public_copies(open_original(photo), [Area(*area) for area in blur_areas])
    old = [(default_storage, photo.image.name), (default_storage, photo.thumbnail.name)]
    written: list[tuple[Storage, str]] = []
    try:
        with transaction.atomic():
            write_public_files(photo, copies, written)
            photo.blur_areas = blur_areas
            photo.save(update_fields=["image", "thumbnail", "blur_areas"])
            transaction.on_commit(lambda: delete_files(old))
    except BaseException:
        delete_files(written)
        raise
    return photo


def open_original(photo: Photo) -> UprightPhoto:
    """The photo's private original, decoded and upright at display size."""
    private = storages["private"]
    name = photo.original.name
    if not name or not private.exists(name):
        raise MissingOriginal()
    with private.open(name, "rb") as original:
        return open_photo(
            original,
            # The limits of the day of the upload, whatever they are now.
            max_bytes=max(settings.PHOTO_MAX_BYTES, private.size(name)),
            max_pixels=max(settings.PHOTO_MAX_PIXELS, photo.width * photo.height),
        )


def validate_alt_text(alt_text: str | None) -> str:
    text = " ".join((alt_text or "").split())
    if not text:
        raise MissingAltText()
    if len(text) > ALT_TEXT_MAX_LENGTH:
        raise AltTextTooLong(length=len(text), limit=ALT_TEXT_MAX_LENGTH)
    return text


def validate_blur_areas(areas: object, width: int, height: int) -> list[list[int]]:
    """Rectangles [x, y, width, height] inside a ``width`` x ``height`` photo, as sent by a form."""
    if not isinstance(areas, list | tuple):
        raise InvalidBlurArea()
    checked = []
    for area in areas:
        if not isinstance(area, list | tuple) or len(area) != 4:
            raise InvalidBlurArea()
        try:
            x, y, w, h = (int(value) for value in area)
        except (TypeError, ValueError):
            raise InvalidBlurArea() from None
        if x < 0 or y < 0 or w < 1 or h < 1 or x + w > width or y + h > height:
            raise InvalidBlurArea()
        checked.append([x, y, w, h])
    return checked


def delete_photo(photo: Photo) -> None:
    """Delete a photo; its files go when the deletion is committed (see the signal below)."""
    photo.delete()


@receiver(post_delete, sender=Photo, dispatch_uid="mapping.photos.delete_files")
def _delete_files_of_deleted_photo(sender: type[Photo], instance: Photo, **kwargs: object) -> None:
    # Also runs for photos deleted by a cascade (an assessment or a report deleted). After the
    # commit only: a rolled-back deletion must still find its files.
    files = photo_files(instance)
    transaction.on_commit(lambda: delete_files(files))


def photo_files(photo: Photo) -> list[tuple[Storage, str | None]]:
    """Every file of ``photo`` (public copies, private original, copies awaiting the privacy
    check), each with its storage."""
    private = storages["private"]
    return [
        (default_storage, photo.image.name),
        (default_storage, photo.thumbnail.name),
        (private, photo.original.name),
        (private, photo.pending_image.name),
        (private, photo.pending_thumbnail.name),
    ]


def pending_files(photo: Photo) -> list[tuple[Storage, str | None]]:
    """The copies of ``photo`` that await its privacy check (private)."""
    private = storages["private"]
    return [(private, photo.pending_image.name), (private, photo.pending_thumbnail.name)]


def _write_private_files(
    photo: Photo, processed: ProcessedPhoto, written: list[tuple[Storage, str]]
) -> None:
    stem = uuid.uuid4().hex
    private = storages["private"]
    for field, name, content in (
        ("original", f"photos/original/{stem}.{processed.original_extension}", processed.original),
        ("pending_image", f"photos/pending/{stem}.jpg", processed.display),
        ("pending_thumbnail", f"photos/pending/{stem}-thumb.jpg", processed.thumbnail),
    ):
        saved = private.save(name, ContentFile(content))
        written.append((private, saved))
        getattr(photo, field).name = saved


def write_public_files(
    photo: Photo, copies: PublicCopies | ProcessedPhoto, written: list[tuple[Storage, str]]
) -> None:
    """Write anonymised copies as ``photo``'s public image and thumbnail (not saved yet)."""
    # A new random name for every version: public URLs of anonymised copies are not guessable
    # from the original's, and a browser never shows a cached copy with an area not yet blurred.
    stem = uuid.uuid4().hex
    for field, folder, content in (
        ("image", "photos/display", copies.display),
        ("thumbnail", "photos/thumb", copies.thumbnail),
    ):
        name = default_storage.save(f"{folder}/{stem}.jpg", ContentFile(content))
        written.append((default_storage, name))
        getattr(photo, field).name = name


def delete_files(files: Iterable[tuple[Storage, str | None]]) -> None:
    """Delete each (storage, name); a file that cannot be deleted is logged, not raised."""
    for storage, name in files:
        if not name:
            continue
        try:
            storage.delete(name)
        except Exception:  # OSError from a folder, botocore's errors from object storage
            # A file we cannot delete must not hide the error that brought us here; the sweep
            # below takes it later.
            logger.exception("Could not delete the photo file %s", name)


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or timezone.is_aware(moment):
        return moment
    # EXIF without an offset is the phone's local time: the deployment's time zone.
    return timezone.make_aware(moment, timezone.get_default_timezone())


def delete_orphaned_photo_files(older_than: timedelta = timedelta(hours=1)) -> list[str]:
    """Delete photo files that no Photo row names (a caller's transaction rolled back after
    save_photo wrote them, or a crash between writing and committing). Returns their names.

    Only files older than ``older_than`` go, so that a save in progress is never disturbed.
    Meant for a periodic job; Django has no "on rollback" hook that could do it at once. Works
    through the Storage API alone, so a folder and a bucket (MEDIA_STORAGE=s3) are swept alike.
    """
    referenced: set[str] = set()
    for names in Photo.objects.values_list(
        "image", "thumbnail", "original", "pending_image", "pending_thumbnail"
    ):
        referenced.update(names)
    cutoff = timezone.now() - older_than
    deleted: list[str] = []
    for storage, folders in (
        (default_storage, ("photos/display", "photos/thumb")),
        (storages["private"], ("photos/original", "photos/pending")),
    ):
        for folder in folders:
            for name in _files_in(storage, folder):
                path = f"{folder}/{name}"
                if path not in referenced and storage.get_modified_time(path) < cutoff:
                    storage.delete(path)
                    deleted.append(path)
    return deleted


def _files_in(storage: Storage, folder: str) -> list[str]:
    # Not storage.exists(folder): a bucket has no folders, only keys under a prefix, so a
    # "folder" never exists there; listing a prefix nobody wrote to gives nothing.
    try:
        return storage.listdir(folder)[1]
    except FileNotFoundError:  # a folder not made yet
        return []
