"""The privacy check of an uploaded photo runs in a real worker process: the upload only queues it
(in its own transaction); the worker finds the faces (small ones the Haar cascades miss), makes
the public copies with them blurred and marks the photo checked. A worker without the model fails
the job: the photo stays private, with the reason for the coordinator, and the job is retried."""

from pathlib import Path

from django.conf import settings
from django.urls import reverse
from PIL import Image

from mapping.models import JobError, Photo, ReviewStatus
from mapping.photo_storage import save_photo
from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.photos.conftest import edge_energy, jpeg_bytes
from tests.photos.faces import street_with_faces
from tests.worker.conftest import job_row, only_job, wait_until

TASK = "check_photo_privacy"


def uploaded_street(volunteer, status=ReviewStatus.APPROVED):
    street, faces = street_with_faces(per_mille=20, count=3)
    survey = make_assessment(make_place("Náměstí"), status, surveyor=volunteer)
    photo = save_photo(survey, jpeg_bytes(street), alt_text="Náměstí s chodci")
    return photo, street, faces


def test_a_worker_process_checks_the_photo_and_only_then_is_it_public(alice, workers):
    photo, street, faces = uploaded_street(alice)
    job = only_job(TASK)
    assert job_row(job)["status"] == "todo"
    assert not Photo.objects.published().exists()

    worker = workers({}, "--one-shot")
    assert worker.wait(timeout=120) == 0, worker.text()

    assert job_row(job)["status"] == "succeeded"
    photo.refresh_from_db()
    assert (photo.privacy_status, len(photo.privacy_areas)) == ("done", 3)
    assert list(Photo.objects.published()) == [photo]
    public = Image.open(Path(settings.MEDIA_ROOT) / photo.image.name).convert("RGB")
    for face in faces:
        box = tuple(round(value) for value in face)
        assert edge_energy(public, box) < edge_energy(street, box) * 0.4
    private = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    assert sorted(path.name for path in (private / "photos/pending").iterdir()) == []


def test_a_worker_without_the_model_keeps_the_photo_private_and_says_why(
    alice, charlie, workers, tmp_path
):
    photo, _street, _faces = uploaded_street(alice)
    job = only_job(TASK)
    worker = workers({"PHOTO_FACE_MODEL": str(tmp_path / "missing.onnx")}, "--one-shot")
    assert worker.wait(timeout=120) == 0, worker.text()

    row = wait_until(lambda: (r := job_row(job))["attempts"] == 1 and r, 10, "one attempt")
    assert row["status"] == "todo"  # a retry is scheduled (mapping.worker.queues.PHOTOS_RETRY)
    photo.refresh_from_db()
    assert photo.privacy_status == "failed"
    assert "The face detector's model is missing" in photo.privacy_error
    assert "model is missing" in JobError.objects.get(job_id=job).error
    assert not Photo.objects.published().exists()
    assert photo.image.name == ""
    page = client_for(charlie).get(reverse("review:photo", args=[photo.pk]))
    assert "missing.onnx" in page.content.decode()
