"""Background jobs of the photos: the privacy check of every upload, and the nightly sweep of
files that no photo names.

The privacy check (faces found and blurred in the public copies, mapping.photo_privacy) runs on
its own queue (PHOTOS), deferred by save_photo in the upload's transaction: the upload's request
answers without waiting for it, and the photo stays private until it has succeeded.
"""

import logging

from django.db import transaction
from procrastinate.contrib.django import app

from mapping.models import Photo, PrivacyStatus
from mapping.photo_privacy import check_photo_privacy
from mapping.photo_storage import PRIVACY_CHECK_TASK, delete_orphaned_photo_files
from mapping.worker.periodic import periodic_job
from mapping.worker.queues import PHOTOS, PHOTOS_RETRY

logger = logging.getLogger(__name__)


@app.task(name=PRIVACY_CHECK_TASK, queue=PHOTOS, retry=PHOTOS_RETRY)
def check_photo_privacy_job(photo_id: int) -> str:
    """Deferred by save_photo (and by a coordinator's retry) in their own transaction."""
    return check_photo_privacy(photo_id)


def retry_privacy_check(photo: Photo) -> None:
    """Queue the check of ``photo`` again: a coordinator's retry after it failed."""
    with transaction.atomic():
        Photo.objects.filter(pk=photo.pk).exclude(privacy_status=PrivacyStatus.DONE).update(
            privacy_status=PrivacyStatus.PENDING, privacy_error=""
        )
        check_photo_privacy_job.defer(photo_id=photo.pk)


# Nightly at 02:30 UTC, when nobody uploads.
@periodic_job("sweep_orphaned_photo_files", cron="30 2 * * *", periodic_id="nightly")
def sweep_orphaned_photo_files(timestamp: int) -> int:
    """Delete photo files older than an hour that no Photo row names; returns how many."""
    deleted = delete_orphaned_photo_files()
    for name in deleted:
        logger.info("Deleted the orphaned photo file %s", name)
    return len(deleted)
