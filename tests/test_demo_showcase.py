"""The demo town shows every feature: sensory features for the blind and deaf profiles, photos
with their credit, a published temporary barrier, a second municipality."""

import datetime
from pathlib import PurePath

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mapping.methodology.structure import validate
from mapping.models import Municipality, Photo, Place, Report, ReportStatus
from mapping.public.queries import sensory_features_of
from tests.test_demo_town import DEMO

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--commit")


def _all_places() -> list[dict]:
    return DEMO["places"] + [p for town in DEMO["more_municipalities"] for p in town["places"]]


def test_every_demo_answer_is_a_field_of_the_survey():
    for item in _all_places():
        errors = validate(item["assessment"]["answers"], item["kind"])
        assert [e for e in errors if e.code != "required"] == [], item["id"]


def test_the_blind_and_the_deaf_profiles_have_features_to_show(demo):
    found = {"Nevidomí a slabozrací": set(), "Neslyšící a nedoslýchaví": set()}
    for place in Place.objects.published():
        for profile, features in sensory_features_of(place.assessments.get().pk):
            found[profile].update(features)
    # Every feature either profile can show is in some demo place.
    assert len(found["Nevidomí a slabozrací"]) == 5
    assert len(found["Neslyšící a nedoslýchaví"]) == 3


def test_the_demo_photos_are_published_with_their_credit_and_their_files(
    demo, client, stored_files
):
    photos = Photo.objects.published()
    assert photos.count() == len(DEMO["photos"]) == 4
    assert all(photo.credit and photo.alt_text for photo in photos)
    names = {PurePath(path).name for path in stored_files()}
    assert {PurePath(photo.image.name).name for photo in photos} <= names
    radnice = Place.objects.get(source_id="radnice")
    page = client.get(reverse("public:detail", args=[radnice.pk])).content.decode()
    assert page.count("Kresba: projekt Bezbariérová mapa (EUPL-1.2)") == 2
    response = client.get(photos.first().thumbnail.url)
    assert response.status_code == 200
    api = client.get(f"/api/v1/places/{radnice.pk}/").json()
    credits = {photo["credit"] for photo in api["properties"]["assessment"]["photos"]}
    assert credits == {"Kresba: projekt Bezbariérová mapa (EUPL-1.2)"}


def test_a_second_load_keeps_one_set_of_photos_and_reports(
    demo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--commit")
    assert Photo.objects.count() == len(DEMO["photos"])
    assert Report.objects.count() == len(DEMO["reports"])


def test_a_published_temporary_barrier_is_current_on_the_day_of_the_load(demo, client):
    today = timezone.localdate()
    temporary = Report.objects.get(valid_until__isnull=False)
    assert temporary.status == ReportStatus.PUBLISHED
    assert temporary.valid_from < today < temporary.valid_until
    assert temporary.valid_until == today + datetime.timedelta(days=30)
    layer = client.get(reverse("reports:layer")).json()
    assert {f["id"] for f in layer["features"]} == set(Report.objects.values_list("pk", flat=True))
    status = client.get(reverse("reports:status", args=[temporary.reference]))
    assert "Zveřejněno" in status.content.decode()


def test_the_second_municipality_is_a_choice_of_the_map_filter(demo, client):
    page = client.get(reverse("public:map")).content.decode()
    assert ">Putim</option>" in page and ">Písek</option>" in page
    putim = Municipality.objects.get(code="549801")
    listed = client.get(reverse("public:list"), {"municipality": putim.pk}).content.decode()
    assert "Obecní úřad Putim" in listed
    assert "Městský úřad Písek" not in listed
