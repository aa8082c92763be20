"""The orphaned-photo sweep runs as a job of a real worker: a file no photo names, older than an
hour, goes; the files of a stored photo stay, and so does a young file (an upload in progress)."""

import os
import time
from pathlib import Path

from django.conf import settings

from mapping.models import ReviewStatus
from mapping.photo_tasks import sweep_orphaned_photo_files
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo
from tests.survey.conftest import GPS_PHOTO
from tests.worker.conftest import job_row


def orphan(root: Path, name: str, age_seconds: float) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8 left behind by a rolled-back upload \xff\xd9")
    moment = time.time() - age_seconds
    os.utime(path, (moment, moment))
    return path


def test_the_sweep_job_deletes_an_old_orphan_and_keeps_referenced_and_young_files(alice, workers):
    photo = checked_photo(
        make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice),
        GPS_PHOTO.read_bytes(),
        alt_text="Vstup",
    )
    public = Path(settings.MEDIA_ROOT)
    private = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    old_public = orphan(public, "photos/display/old.jpg", age_seconds=2 * 3600)
    old_private = orphan(private, "photos/original/old.jpg", age_seconds=2 * 3600)
    old_pending = orphan(private, "photos/pending/old.jpg", age_seconds=2 * 3600)
    young = orphan(public, "photos/thumb/young.jpg", age_seconds=60)
    # The field's storage was bound when the model loaded; this test's private folder is
    # the `private` storage as configured now (the one save_photo and the worker use).
    referenced = [public / photo.image.name, public / photo.thumbnail.name]
    referenced.append(private / photo.original.name)

    job = sweep_orphaned_photo_files.defer(timestamp=int(time.time()))
    worker = workers({}, "--one-shot")
    assert worker.wait(timeout=60) == 0, worker.text()

    assert job_row(job)["status"] == "succeeded"
    assert not old_public.exists() and not old_private.exists() and not old_pending.exists()
    assert young.exists()
    assert [path for path in referenced if not path.exists()] == []
