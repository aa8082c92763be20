"""The blur tool's preview: the display copy with the given areas blurred, made by the code that
makes the public copies and stored nowhere; for coordinators only, a bad area a clear 400."""

import io
import json

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo
from tests.personas import client_for
from tests.survey.conftest import GPS_PHOTO

pytestmark = pytest.mark.usefixtures("media_storage")


@pytest.fixture
def photo(alice):
    assessment = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    return checked_photo(assessment, GPS_PHOTO.read_bytes(), alt_text="Vstup", subject="entrance")


def preview_url(photo, areas) -> str:
    return reverse("review:photo_preview", args=[photo.pk]) + "?areas=" + json.dumps(areas)


def test_the_preview_is_what_saving_the_areas_publishes(photo, charlie):
    client = client_for(charlie)
    answer = client.get(preview_url(photo, [[10, 20, 100, 80]]))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "image/jpeg"
    assert answer["Cache-Control"] == "private, no-store"
    preview = answer.content
    with Image.open(io.BytesIO(preview)) as image:
        assert not image.getexif()  # no metadata, like the public copies
    # Nothing was stored or changed by looking.
    photo.refresh_from_db()
    assert photo.blur_areas == []
    client.post(reverse("review:photo_blur", args=[photo.pk]), {"areas": "10 20 100 80"})
    photo.refresh_from_db()
    with default_storage.open(photo.image.name) as stored:
        assert stored.read() == preview


def test_without_areas_the_preview_is_the_photo_unblurred_for_drawing(photo, charlie):
    answer = client_for(charlie).get(reverse("review:photo_preview", args=[photo.pk]))
    assert answer.status_code == 200
    with Image.open(io.BytesIO(answer.content)) as image:
        assert image.size[0] / image.size[1] == pytest.approx(photo.width / photo.height, 0.01)


def test_only_coordinators_see_a_preview(photo, alice):
    assert client_for(alice).get(preview_url(photo, [])).status_code == 403
    assert client_for(None).get(preview_url(photo, [])).status_code == 302


@pytest.mark.parametrize("areas", ["[[600, 400, 500, 500]]", "[[1, 2]]", "not json[", "[1e309]"])
def test_a_bad_area_is_a_clear_400_naming_the_photos_size(photo, charlie, areas):
    answer = client_for(charlie).get(
        reverse("review:photo_preview", args=[photo.pk]), {"areas": areas}
    )
    assert answer.status_code == 400
    assert "640 × 480" in answer.content.decode()


def test_without_javascript_the_page_keeps_the_typed_areas(photo, charlie):
    """The drawing tool is hidden until its script shows it; the form sends the typed areas."""
    page = client_for(charlie).get(reverse("review:photo", args=[photo.pk])).content.decode()
    assert '<div id="blur-editor" class="blur-editor" hidden>' in page
    assert '<textarea id="areas" name="areas"' in page
    assert 'id="blur-config"' in page and "js/review/blur.js" in page
