"""save_photo stores a photo privately and queues its privacy check, or stores nothing at all; the
check makes the public copies; deleting a photo deletes its files."""

import io
from pathlib import Path

import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from mapping.models import Photo
from mapping.photo_storage import photo_error_message, reblur_photo, save_photo
from mapping.photos import (
    CorruptPhoto,
    MissingAltText,
    PhotoTooLarge,
    PhotoTooManyPixels,
    UnknownPhotoSubject,
    UnsupportedPhotoType,
    read_metadata,
)
from tests.jobs import checked_photo, queued, run_privacy_checks
from tests.photos.conftest import astronaut, edge_energy, fixture_bytes, jpeg_bytes
from tests.photos.test_rejects_bad_uploads import SVG, png_declaring

# Each test runs with photos in folders and in the buckets of an S3 server (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_storage")]


def upload(data: bytes, name: str = "photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_it_stores_private_copies_and_the_original_then_the_check_makes_public_ones(
    assessment, stored_files
):
    photo = save_photo(
        assessment,
        upload(fixture_bytes("DSCN0010.jpg")),
        alt_text="  Vchod  s rampou ",
        subject="entrance",
    )
    photo.refresh_from_db()
    assert photo.assessment == assessment
    assert photo.alt_text == "Vchod s rampou"
    assert (photo.width, photo.height) == (640, 480)
    assert photo.exif_location.y == pytest.approx(43.4674483, abs=1e-6)
    assert photo.exif_location.x == pytest.approx(11.8851267, abs=1e-6)
    assert photo.taken_at is not None and photo.taken_at.tzinfo is not None
    # Nothing public yet: the copies wait in the private storage for the privacy check.
    assert (photo.privacy_status, photo.image.name, photo.thumbnail.name) == ("pending", "", "")
    private = storages["private"]
    for name in (photo.original.name, photo.pending_image.name, photo.pending_thumbnail.name):
        assert private.exists(name)
    assert [job.args for job in queued("check_photo_privacy")] == [{"photo_id": photo.pk}]
    with private.open(photo.original.name) as original:
        kept = Image.open(io.BytesIO(original.read()))
    sent = Image.open(io.BytesIO(fixture_bytes("DSCN0010.jpg")))
    assert read_metadata(kept) == read_metadata(sent)  # position, direction, time, orientation
    assert kept.tobytes() == sent.tobytes()  # the same image data, not re-encoded
    assert len(stored_files()) == 3

    pending = {photo.pending_image.name, photo.pending_thumbnail.name}
    assert run_privacy_checks() == ["done"]
    photo.refresh_from_db()
    assert photo.privacy_status == "done"
    assert default_storage.exists(photo.image.name)
    assert default_storage.exists(photo.thumbnail.name)
    assert (photo.pending_image.name, photo.pending_thumbnail.name) == ("", "")
    assert not any(private.exists(name) for name in pending)
    assert len(stored_files()) == 3


def test_the_stored_public_files_have_no_exif_left(assessment):
    photo = checked_photo(assessment, upload(fixture_bytes("DSCN0010.jpg")), alt_text="Rampa")
    for name in (photo.image.name, photo.thumbnail.name):
        with default_storage.open(name) as stored:
            data = stored.read()
        assert len(Image.open(io.BytesIO(data)).getexif()) == 0
        assert b"Exif" not in data and b"GPS" not in data


def test_a_photo_of_a_report_is_stored_too(report):
    photo = save_photo(report, fixture_bytes("Kodak_CX7530.jpg"), alt_text="Schod")
    assert photo.report == report and photo.assessment is None
    assert photo.exif_location.y == pytest.approx(-0.3713, abs=1e-4)


BAD_UPLOADS = {
    "text renamed .jpg": (b"this is not a photo\n", UnsupportedPhotoType, 415),
    "SVG": (SVG, UnsupportedPhotoType, 415),
    "truncated JPEG": (fixture_bytes("DSCN0010.jpg")[:60_000], CorruptPhoto, 422),
    "pixel bomb": (png_declaring(40_000, 40_000), PhotoTooManyPixels, 413),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_a_bad_upload_is_refused_leaving_no_file_and_no_row(case, assessment, stored_files):
    data, error_class, status = BAD_UPLOADS[case]
    with pytest.raises(error_class) as error:
        save_photo(assessment, upload(data), alt_text="Vchod")
    assert error.value.status == status
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_an_oversized_file_is_refused_leaving_nothing(assessment, settings, stored_files):
    settings.PHOTO_MAX_BYTES = 50_000
    with pytest.raises(PhotoTooLarge) as error:
        save_photo(assessment, upload(fixture_bytes("DSCN0010.jpg")), alt_text="Vchod")
    assert error.value.status == 413
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_a_photo_without_alt_text_is_refused(assessment, stored_files):
    with pytest.raises(MissingAltText) as error:
        save_photo(assessment, upload(fixture_bytes("DSCN0010.jpg")), alt_text="   ")
    assert error.value.status == 400
    assert "textová alternativa" in error.value.message_cs
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_an_unknown_subject_is_refused(assessment):
    with pytest.raises(UnknownPhotoSubject):
        save_photo(assessment, fixture_bytes("DSCN0010.jpg"), alt_text="Vchod", subject="selfie")


def test_a_failure_after_the_files_are_written_deletes_them(stored_files):
    from mapping.models import Assessment

    unsaved = Assessment()  # saving a photo of it fails in the database step
    with pytest.raises(ValueError):
        save_photo(unsaved, fixture_bytes("DSCN0010.jpg"), alt_text="Vchod")
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_deleting_a_photo_deletes_its_files_once_committed(
    assessment, stored_files, django_capture_on_commit_callbacks
):
    photo = save_photo(assessment, fixture_bytes("DSCN0010.jpg"), alt_text="Vchod")
    assert len(stored_files()) == 3
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        photo.delete()
        assert len(stored_files()) == 3  # a rolled-back deletion must still find its files
    assert len(callbacks) == 1
    assert stored_files() == []


def test_deleting_the_assessment_deletes_the_files_of_its_photos(
    assessment, stored_files, django_capture_on_commit_callbacks
):
    save_photo(assessment, fixture_bytes("DSCN0010.jpg"), alt_text="Vchod")
    save_photo(assessment, fixture_bytes("Kodak_CX7530.jpg"), alt_text="Dveře", position=1)
    assert len(stored_files()) == 6
    with django_capture_on_commit_callbacks(execute=True):
        assessment.delete()
    assert Photo.objects.count() == 0
    assert stored_files() == []


def test_a_coordinator_can_blur_again_from_the_private_original(
    assessment, stored_files, django_capture_on_commit_callbacks
):
    photo = checked_photo(assessment, jpeg_bytes(astronaut()), alt_text="Astronautka")
    face = (180, 70, 270, 160)
    assert photo.blur_areas, "the face should have been found"
    old_names = {photo.image.name, photo.thumbnail.name}
    with django_capture_on_commit_callbacks(execute=True):
        reblur_photo(photo, [])  # the coordinator removes every area
    photo.refresh_from_db()
    assert photo.blur_areas == []
    with default_storage.open(photo.image.name) as stored:
        unblurred = Image.open(stored).convert("RGB")
    assert edge_energy(unblurred, face) > edge_energy(astronaut(), face) * 0.7
    assert not old_names & {path.name for path in stored_files()}
    assert len(stored_files()) == 3


def test_the_error_message_is_translated_by_django(settings):
    from django.utils import translation

    with translation.override("cs"):
        assert photo_error_message(UnsupportedPhotoType()) == UnsupportedPhotoType().message_cs
    with translation.override("en"):
        assert photo_error_message(UnsupportedPhotoType()) == UnsupportedPhotoType().message_en


def test_files_left_by_a_rolled_back_transaction_are_swept(assessment, stored_files):
    from datetime import timedelta

    from django.db import transaction

    from mapping.photo_storage import delete_orphaned_photo_files

    kept = save_photo(assessment, fixture_bytes("Kodak_CX7530.jpg"), alt_text="Dveře")
    waiting = Path(kept.pending_image.name).name, Path(kept.pending_thumbnail.name).name
    with pytest.raises(RuntimeError), transaction.atomic():
        save_photo(assessment, fixture_bytes("DSCN0010.jpg"), alt_text="Vchod")
        raise RuntimeError("the survey view failed after saving the photo")
    assert Photo.objects.count() == 1
    assert len(stored_files()) == 6
    assert delete_orphaned_photo_files(older_than=timedelta(hours=1)) == []  # too recent
    assert len(delete_orphaned_photo_files(older_than=timedelta(0))) == 3
    remaining = {path.name for path in stored_files()}
    assert remaining == {Path(kept.original.name).name, *waiting}


@pytest.mark.parametrize(
    "areas",
    [[[0, 0, 10]], [[-5, 0, 10, 10]], [[600, 400, 100, 100]], [["a", 0, 1, 1]], "0,0,1,1"],
)
def test_a_blur_area_outside_the_photo_is_refused(assessment, areas):
    from mapping.photos import InvalidBlurArea

    photo = checked_photo(assessment, fixture_bytes("DSCN0010.jpg"), alt_text="Vchod")
    with pytest.raises(InvalidBlurArea) as error:
        reblur_photo(photo, areas)
    assert error.value.status == 400


def test_a_photo_not_yet_checked_cannot_be_blurred_again(assessment):
    from mapping.photos.errors import PrivacyCheckNotDone

    photo = save_photo(assessment, fixture_bytes("DSCN0010.jpg"), alt_text="Vchod")
    with pytest.raises(PrivacyCheckNotDone) as error:
        reblur_photo(photo, [[0, 0, 10, 10]])
    assert error.value.status == 409
    assert photo.image.name == ""
