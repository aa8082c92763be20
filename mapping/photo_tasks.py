"""Background jobs of the photos: the nightly sweep of files that no photo names.

The privacy detection of uploaded photos (faces and licence plates found and blurred in the
public copies) is meant to move here from the upload's request: a task on its own queue
(mapping.worker.queues, PHOTOS) deferred by save_photo in the upload's transaction, running the
pipeline's detection on the private original and calling reblur_photo. Not built yet.
"""

import logging

from mapping.photo_storage import delete_orphaned_photo_files
from mapping.worker.periodic import periodic_job

logger = logging.getLogger(__name__)


# Nightly at 02:30 UTC, when nobody uploads.
@periodic_job("sweep_orphaned_photo_files", cron="30 2 * * *", periodic_id="nightly")
def sweep_orphaned_photo_files(timestamp: int) -> int:
    """Delete photo files older than an hour that no Photo row names; returns how many."""
    deleted = delete_orphaned_photo_files()
    for name in deleted:
        logger.info("Deleted the orphaned photo file %s", name)
    return len(deleted)
