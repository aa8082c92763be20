"""A phone's HEIC photo through the survey's own upload endpoint, not just the pipeline: accepted,
its position kept, the original private as .heic, the public copies JPEG without metadata."""

from pathlib import Path

import pytest
from django.urls import reverse
from PIL import Image

from mapping.models import Photo
from tests.jobs import run_privacy_checks
from tests.personas import client_for
from tests.photos.test_heic import heic_from
from tests.survey.conftest import submission, upload


def test_a_heic_photo_added_to_a_draft_is_accepted_and_anonymised(alice, settings):
    client = client_for(alice)
    created = client.post(reverse("survey:submit"), submission(action="draft"))
    pk = created.json()["assessment"]["id"]
    answer = client.post(
        reverse("survey:add_photo", args=[pk]),
        {
            "photo": upload(heic_from("DSCN0010.jpg"), "IMG_0001.HEIC"),
            "alt_text": "Vchod s rampou",
            "subject": "entrance",
        },
    )
    assert answer.status_code == 201, answer.content
    run_privacy_checks()
    photo = Photo.objects.get()
    assert photo.original.name.endswith(".heic")
    assert photo.exif_location.y == pytest.approx(43.4674483, abs=1e-6)
    public = Path(settings.MEDIA_ROOT) / photo.image.name
    with Image.open(public) as copy:
        assert copy.format == "JPEG"
        assert len(copy.getexif()) == 0
    assert b"GPS" not in public.read_bytes()
