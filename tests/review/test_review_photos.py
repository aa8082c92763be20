"""During review a coordinator sees the private original and changes the blurred areas."""

from django.urls import reverse
from PIL import Image

from mapping.models import ReviewStatus
from mapping.photo_storage import save_photo
from tests.factories import make_assessment, make_place
from tests.survey.conftest import GPS_PHOTO, client_for


def test_the_original_keeps_its_exif_and_reaches_only_coordinators(alice, charlie, settings):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = save_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    # The original lives in the private storage, outside MEDIA_ROOT (never under MEDIA_URL).
    assert not photo.original.path.startswith(str(settings.MEDIA_ROOT))
    assert (
        client_for(alice).get(reverse("review:photo_original", args=[photo.pk])).status_code == 403
    )
    answer = client_for(charlie).get(reverse("review:photo_original", args=[photo.pk]))
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == GPS_PHOTO.read_bytes()
    assert answer["Cache-Control"] == "private, no-store"


def test_a_coordinator_adds_and_removes_blur_areas(alice, charlie):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = save_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    old_image = photo.image.name
    client = client_for(charlie)
    answer = client.post(reverse("review:photo_blur", args=[photo.pk]), {"areas": "10 20 100 80"})
    assert answer.status_code == 302
    photo.refresh_from_db()
    assert photo.blur_areas == [[10, 20, 100, 80]]
    assert photo.image.name != old_image
    with Image.open(photo.image.path) as image:
        assert not image.getexif()
    client.post(reverse("review:photo_blur", args=[photo.pk]), {"areas": ""})
    photo.refresh_from_db()
    assert photo.blur_areas == []


def test_an_area_outside_the_photo_is_a_clear_400(alice, charlie):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    photo = save_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")
    answer = client_for(charlie).post(
        reverse("review:photo_blur", args=[photo.pk]), {"areas": "600 400 500 500"}
    )
    assert answer.status_code == 400
    photo.refresh_from_db()
    assert photo.blur_areas == []
