"""The privacy check runs in the worker, not in the upload's request: the upload answers first; a
photo is public only once the check has made its blurred copies and its survey is approved; the
check blurs faces the Haar cascades miss; a failed check keeps the photo private and tells the
coordinator why, who can run it again; the found areas come pre-drawn in the blur tool, where the
coordinator moves or removes them."""

import io
import re

import pytest
from django.core.files.storage import default_storage, storages
from django.urls import reverse
from PIL import Image

from mapping.models import Photo, PrivacyStatus, ReviewStatus
from mapping.photo_storage import save_photo
from mapping.photos.cascades import detect_areas as cascades_detect
from mapping.photos.faces import FaceDetector, FaceModelMissing
from tests.factories import make_assessment, make_place
from tests.jobs import PRIVACY_CHECK, checked_photo, queued, run_privacy_checks
from tests.personas import client_for
from tests.photos.conftest import astronaut, edge_energy, jpeg_bytes
from tests.photos.faces import covers, street_with_faces
from tests.survey.conftest import submission, upload

pytestmark = pytest.mark.django_db


def public_display(photo: Photo) -> Image.Image:
    with default_storage.open(photo.image.name) as stored:
        return Image.open(io.BytesIO(stored.read())).convert("RGB")


def test_the_upload_answers_before_any_face_is_looked_for(alice, monkeypatch):
    def no_detection_in_the_request(self, image):
        raise AssertionError("faces were looked for during the upload's request")

    monkeypatch.setattr(FaceDetector, "detect", no_detection_in_the_request)
    client = client_for(alice)
    draft = client.post(reverse("survey:submit"), submission(action="draft")).json()
    street, _faces = street_with_faces(per_mille=40, count=2)
    answer = client.post(
        reverse("survey:add_photo", args=[draft["assessment"]["id"]]),
        {"photo": upload(jpeg_bytes(street)), "alt_text": "Vchod", "subject": "entrance"},
    )
    assert answer.status_code == 201, answer.content
    photo = Photo.objects.get()
    assert answer.json()["photo"] == {"id": photo.pk, "privacy_status": "pending"}
    assert (photo.privacy_status, photo.image.name, photo.privacy_areas) == ("pending", "", [])
    assert [job.args for job in queued(PRIVACY_CHECK)] == [{"photo_id": photo.pk}]
    # The upload path was done: original, display copy and thumbnail, all private.
    private = storages["private"]
    for name in (photo.original.name, photo.pending_image.name, photo.pending_thumbnail.name):
        assert private.exists(name) and not default_storage.exists(name)

    monkeypatch.undo()
    assert run_privacy_checks() == ["done"]
    photo.refresh_from_db()
    assert photo.privacy_status == "done" and len(photo.privacy_areas) == 2


def test_a_photo_is_public_only_once_checked_and_approved(client, alice, charlie):
    place = make_place("Lékárna")
    survey = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice)
    photo = save_photo(survey, jpeg_bytes(astronaut()), alt_text="Lékárnice u pultu")

    def public_everywhere() -> list[str]:
        """Where a visitor without an account sees the photo."""
        seen = []
        if Photo.objects.published().filter(pk=photo.pk).exists():
            seen.append("published")
        if "Lékárnice u pultu" in client.get(f"/misto/{place.pk}/").content.decode():
            seen.append("place page")
        api = client.get(reverse("api:place-detail", args=[place.pk]))
        if api.status_code == 200 and (api.json()["properties"]["assessment"] or {}).get("photos"):
            seen.append("API")
        names = Photo.objects.filter(pk=photo.pk).values_list(
            "image", "thumbnail", "pending_image", "pending_thumbnail", "original"
        )
        if any(name and default_storage.exists(name) for name in names.get()):
            seen.append("a file in the public storage")
        return seen

    assert public_everywhere() == []
    client_for(charlie).post(reverse("review:approve", args=[survey.pk]), {"comment": ""})
    survey.refresh_from_db()
    assert survey.status == ReviewStatus.APPROVED
    assert public_everywhere() == []  # approved, but not checked yet

    run_privacy_checks()
    assert public_everywhere() == ["published", "place page", "API", "a file in the public storage"]


def test_a_checked_photo_of_a_survey_not_approved_is_not_public(alice):
    survey = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(survey, jpeg_bytes(astronaut()), alt_text="Lékárnice")
    assert photo.privacy_status == "done" and default_storage.exists(photo.image.name)
    assert not Photo.objects.published().filter(pk=photo.pk).exists()


def test_the_check_blurs_faces_of_two_percent_that_the_cascades_miss(alice):
    street, faces = street_with_faces(per_mille=20, count=3)
    assert not [face for face in faces if covers(cascades_detect(street), face)]
    survey = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(survey, jpeg_bytes(street), alt_text="Ulice s chodci")

    assert (photo.privacy_status, photo.privacy_detector) == ("done", "centerface")
    assert photo.privacy_detector_version.startswith("09189deaaf86 ")
    assert len(photo.privacy_areas) == 3
    assert all(0.35 <= area["score"] <= 1 for area in photo.privacy_areas)
    found = [Area(**area) for area in photo.privacy_areas]
    assert all(covers(found, face) for face in faces)
    # Pre-drawn: what the blur tool shows is what was found.
    assert photo.blur_areas == [[a.x, a.y, a.width, a.height] for a in found]
    public = public_display(photo)
    for face in faces:
        box = tuple(round(value) for value in face)
        assert edge_energy(public, box) < edge_energy(street, box) * 0.4


def test_a_failed_check_keeps_the_photo_private_and_shows_the_coordinator_why(
    alice, charlie, settings, tmp_path
):
    survey = make_assessment(make_place(), ReviewStatus.APPROVED, surveyor=alice)
    photo = save_photo(survey, jpeg_bytes(astronaut()), alt_text="Lékárnice")
    model = settings.PHOTO_FACE_MODEL
    settings.PHOTO_FACE_MODEL = str(tmp_path / "centerface.onnx")
    with pytest.raises(FaceModelMissing):
        run_privacy_checks()
    photo.refresh_from_db()
    assert photo.privacy_status == "failed"
    assert "The face detector's model is missing" in photo.privacy_error
    assert (photo.image.name, photo.thumbnail.name) == ("", "")
    assert not Photo.objects.published().filter(pk=photo.pk).exists()

    coordinator = client_for(charlie)
    page = coordinator.get(reverse("review:photo", args=[photo.pk])).content.decode()
    assert "Privacy check failed" in page
    assert "The face detector&#x27;s model is missing" in page
    assert 'name="areas"' not in page  # nothing to blur again: no public copy exists
    # The coordinator sees the photo through the private copy, the public never.
    assert coordinator.get(reverse("review:photo_pending", args=[photo.pk])).status_code == 200
    assert client_for(alice).get(reverse("review:photo_pending", args=[photo.pk])).status_code in (
        302,
        403,
    )

    # Once the model is back, the coordinator runs the check again.
    settings.PHOTO_FACE_MODEL = model
    coordinator.post(reverse("review:photo_recheck", args=[photo.pk]))
    photo.refresh_from_db()
    assert (photo.privacy_status, photo.privacy_error) == ("pending", "")
    assert "done" in run_privacy_checks()
    assert Photo.objects.published().filter(pk=photo.pk).exists()


def test_the_review_shows_where_the_check_stands(alice, charlie):
    survey = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = save_photo(survey, jpeg_bytes(astronaut()), alt_text="Lékárnice")
    coordinator = client_for(charlie)
    listing = coordinator.get(reverse("review:detail", args=[survey.pk])).content.decode()
    assert "Privacy check pending" in listing
    assert reverse("review:photo_pending_thumbnail", args=[photo.pk]) in listing
    page = coordinator.get(reverse("review:photo", args=[photo.pk])).content.decode()
    assert "Privacy check pending" in page and 'name="areas"' not in page

    run_privacy_checks()
    listing = coordinator.get(reverse("review:detail", args=[survey.pk])).content.decode()
    assert "Privacy check done, 1 area found" in listing


def test_the_found_areas_are_pre_drawn_and_the_coordinator_moves_and_removes_them(
    alice, charlie, django_capture_on_commit_callbacks
):
    survey = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(survey, jpeg_bytes(astronaut()), alt_text="Lékárnice")
    (found,) = photo.privacy_areas
    line = f"{found['x']} {found['y']} {found['width']} {found['height']}"
    coordinator = client_for(charlie)
    page = coordinator.get(reverse("review:photo", args=[photo.pk])).content.decode()
    assert "Privacy check done, 1 area found" in page
    assert re.search(r'<textarea id="areas" name="areas"[^>]*>' + line + "</textarea>", page)
    assert f"{found['score']:.2f}" in page

    # Moved 100 px to the right: the face is sharp again, the new place blurred.
    moved = [found["x"] + 100, found["y"], found["width"], found["height"]]
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(
            reverse("review:photo_blur", args=[photo.pk]), {"areas": " ".join(map(str, moved))}
        )
    photo.refresh_from_db()
    assert photo.blur_areas == [moved]
    face = (found["x"], found["y"], found["x"] + found["width"], found["y"] + found["height"])
    assert edge_energy(public_display(photo), face) > edge_energy(astronaut(), face) * 0.6
    # Removed: nothing blurred; what the check found stays on record.
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(reverse("review:photo_blur", args=[photo.pk]), {"areas": ""})
    photo.refresh_from_db()
    assert photo.blur_areas == [] and photo.privacy_areas == [found]


def test_the_check_runs_once_even_when_its_job_runs_twice(alice):
    survey = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = checked_photo(survey, jpeg_bytes(astronaut()), alt_text="Lékárnice")
    from mapping.photo_privacy import check_photo_privacy

    names = (photo.image.name, photo.thumbnail.name)
    assert check_photo_privacy(photo.pk) == "checked already"
    photo.refresh_from_db()
    assert (photo.image.name, photo.thumbnail.name) == names
    assert photo.privacy_status == PrivacyStatus.DONE


class Area:
    """An area as stored in privacy_areas, for covers()."""

    def __init__(self, x, y, width, height, kind, score):
        self.x, self.y, self.width, self.height = x, y, width, height
