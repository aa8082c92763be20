"""The privacy check of one photo, run by the worker (mapping.photo_tasks): find the faces on the
upright original, store them with the photo (detector, version, score), make the public copies
with them blurred, and only then may the photo be public. A check that fails leaves the photo
private, with the reason for the coordinator; the job is retried (mapping.worker.queues).

Why in the background and why CenterFace: docs/decisions/0008-privacy-detection-in-the-worker.md.
Safe to run twice (a worker taken for dead runs its job again): a photo checked already, or
deleted while its job waited, is left alone. A photo deleted in the moment its check writes the
public copies can leave them without a row: the nightly sweep of orphaned files takes them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.core.files.storage import Storage
from django.db import transaction
from django.utils import timezone

from mapping.models import Photo, PrivacyStatus
from mapping.photo_storage import delete_files, open_original, pending_files, write_public_files
from mapping.photos.areas import Area
from mapping.photos.faces import FaceDetector
from mapping.photos.pipeline import public_copies
from mapping.worker.failures import describe

logger = logging.getLogger(__name__)


def face_detector() -> FaceDetector:
    """The detector as the settings configure it."""
    return FaceDetector(Path(settings.PHOTO_FACE_MODEL), side=settings.PHOTO_FACE_DETECTION_SIDE)


def check_photo_privacy(photo_id: int, detector: FaceDetector | None = None) -> str:
    """Check one photo; returns "done", "gone" (deleted) or "checked already". Raises when the
    check fails, after recording why on the photo."""
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return "gone"  # deleted while its job waited: its files went with it
    if photo.privacy_status == PrivacyStatus.DONE:
        return "checked already"
    try:
        return _check(photo, detector or face_detector())
    except Exception as error:
        _record_failure(photo_id, describe(error))
        raise


def _check(photo: Photo, detector: FaceDetector) -> str:
    upright = open_original(photo)
    back = 1 / upright.to_display
    found = [
        area
        for face in detector.detect(upright.picture)
        if (area := face.scaled(back).clipped(photo.width, photo.height))
    ]
    # The areas given with the upload (a person's) are blurred too.
    given = [Area(*rect) for rect in photo.blur_areas]
    copies = public_copies(upright, found + given)
    written: list[tuple[Storage, str]] = []
    try:
        with transaction.atomic():
            locked = Photo.objects.select_for_update().filter(pk=photo.pk).first()
            if locked is None:
                return "gone"
            if locked.privacy_status == PrivacyStatus.DONE:
                return "checked already"
            write_public_files(locked, copies, written)
            pending = pending_files(locked)
            _store_result(locked, detector, found, given)
            transaction.on_commit(lambda: delete_files(pending))
    except BaseException:
        delete_files(written)
        raise
    logger.info("Privacy check of photo %s: %s areas found", photo.pk, len(found))
    return "done"


def _store_result(photo: Photo, detector: FaceDetector, found: list[Area], given: list[Area]):
    photo.pending_image.name = photo.pending_thumbnail.name = ""
    photo.privacy_status = PrivacyStatus.DONE
    photo.privacy_areas = [
        {
            **dict(zip(("x", "y", "width", "height"), area.as_list(), strict=True)),
            "kind": area.kind,
            "score": area.score,
        }
        for area in found
    ]
    photo.privacy_detector = detector.name
    photo.privacy_detector_version = detector.version
    photo.privacy_checked_at = timezone.now()
    photo.privacy_error = ""
    # What the blur tool shows, pre-drawn: the coordinator moves or removes them there.
    photo.blur_areas = [area.as_list() for area in found + given]
    photo.save()


def _record_failure(photo_id: int, why: str) -> None:
    Photo.objects.filter(pk=photo_id).exclude(privacy_status=PrivacyStatus.DONE).update(
        privacy_status=PrivacyStatus.FAILED, privacy_error=why, privacy_checked_at=timezone.now()
    )
