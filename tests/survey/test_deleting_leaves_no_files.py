"""A volunteer deleting a draft or one of its photos on the phone leaves no file behind, also
while the photo's privacy check still waits in the queue."""

from pathlib import Path

import pytest
from django.urls import reverse

from mapping.models import Assessment, Photo, ReviewStatus
from mapping.photo_storage import photo_files, save_photo
from tests.factories import make_assessment, make_place
from tests.jobs import PRIVACY_CHECK, queued, run_privacy_checks
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS, GPS_PHOTO, small_jpeg

# Each test runs with photos in folders and in the buckets of an S3 server (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("media_storage")


def draft_with_photos(alice):
    draft = make_assessment(
        make_place(), ReviewStatus.DRAFT, surveyor=alice, answers=BUILDING_ANSWERS
    )
    first = save_photo(draft, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    second = save_photo(draft, small_jpeg(), alt_text="Dveře", subject="door", position=1)
    return draft, first, second


def test_deleting_a_draft_deletes_the_files_of_its_photos(
    alice, stored_files, django_capture_on_commit_callbacks
):
    draft, _, _ = draft_with_photos(alice)
    # The original and the two copies awaiting the privacy check, of each photo.
    assert len(stored_files()) == 6
    with django_capture_on_commit_callbacks(execute=True):
        answer = client_for(alice).post(reverse("survey:delete_draft", args=[draft.pk]))
    assert answer.status_code == 200
    assert not Assessment.objects.filter(pk=draft.pk).exists()
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_deleting_a_photo_of_a_draft_deletes_its_files_only(
    alice, stored_files, django_capture_on_commit_callbacks
):
    draft, first, second = draft_with_photos(alice)
    kept = {Path(name).name for _storage, name in photo_files(first) if name}
    with django_capture_on_commit_callbacks(execute=True):
        answer = client_for(alice).post(reverse("survey:delete_photo", args=[second.pk]))
    assert answer.status_code == 200
    assert list(draft.photos.all()) == [first]
    assert {path.name for path in stored_files()} == kept


def test_a_refused_deletion_keeps_the_files(alice, bob, stored_files):
    draft, _, _ = draft_with_photos(alice)
    before = sorted(stored_files())
    assert client_for(bob).post(reverse("survey:delete_draft", args=[draft.pk])).status_code == 404
    assert sorted(stored_files()) == before


def test_deleting_a_photo_while_its_privacy_check_waits_leaves_no_file(
    alice, stored_files, django_capture_on_commit_callbacks
):
    draft, first, second = draft_with_photos(alice)
    assert len(queued(PRIVACY_CHECK)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(reverse("survey:delete_photo", args=[first.pk]))
        client_for(alice).post(reverse("survey:delete_photo", args=[second.pk]))
    assert stored_files() == []
    # The worker takes the waiting jobs later: the photos are gone, and nothing is written.
    assert run_privacy_checks() == ["gone", "gone"]
    assert stored_files() == []
