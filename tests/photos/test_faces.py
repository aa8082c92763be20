"""CenterFace finds the faces that the privacy check blurs: small ones the Haar cascades miss,
profiles, several in one photo, none on photos without people; in parallel threads and at every
input shape alike (OpenCV's DNN gives garbage when one network is reused at another size)."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from mapping.photos.cascades import detect_areas as cascades_detect
from mapping.photos.faces import FaceDetector, FaceModelMissing
from tests.photos.conftest import astronaut
from tests.photos.faces import (
    PROFILE,
    covers,
    street_with_faces,
)


@pytest.fixture(scope="module")
def detector() -> FaceDetector:
    return FaceDetector(Path(settings.PHOTO_FACE_MODEL))


def test_the_face_in_a_portrait_is_found_with_its_score(detector):
    (face,) = detector.detect(astronaut())
    assert face.kind == "face" and 0.35 <= face.score <= 1
    assert covers([face], (225, 115))  # between the astronaut's eyes and mouth


def test_a_face_of_two_percent_that_the_cascades_miss_is_found(detector):
    street, faces = street_with_faces(per_mille=20, count=3)
    assert not [face for face in faces if covers(cascades_detect(street), face)]
    found = detector.detect(street)
    assert all(covers(found, face) for face in faces)


def test_faces_in_profile_from_three_percent_are_found(detector):
    street, faces = street_with_faces(per_mille=30, count=3, kind=PROFILE)
    found = detector.detect(street)
    assert all(covers(found, face) for face in faces)


@pytest.mark.parametrize(
    "name", ["DSCN0010.jpg", "DSCN0021.jpg", "landscape_1.jpg", "landscape_6.jpg"]
)
def test_a_photo_without_people_gives_no_area(detector, name):
    photo = Image.open(Path(settings.BASE_DIR) / "tests/fixtures/photos" / name).convert("RGB")
    photo = photo.resize(
        (photo.width * 1600 // max(photo.size), photo.height * 1600 // max(photo.size))
    )
    assert detector.detect(photo) == []


def test_every_input_shape_gets_its_own_network(detector):
    landscape, _ = street_with_faces(per_mille=40, count=2)
    portrait = landscape.transpose(Image.Transpose.ROTATE_90)
    first = detector.detect(landscape)
    detector.detect(portrait)
    assert detector.detect(landscape) == first


def test_threads_find_the_same_faces(detector):
    street, _ = street_with_faces(per_mille=25, count=4)
    expected = detector.detect(street)
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(lambda _: detector.detect(street), range(3)))
    assert results == [expected] * 3


def test_a_missing_model_says_how_to_install_it(tmp_path):
    with pytest.raises(FaceModelMissing, match="scripts/face_model.py"):
        FaceDetector(tmp_path / "centerface.onnx").detect(astronaut())


def test_the_version_names_the_model_and_the_look(detector):
    assert detector.version == "09189deaaf86 768px t0.35"
