"""The database itself refuses geometries and records that would corrupt the map."""

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from mapping.models import Assessment, Municipality, Photo, Place, ReviewStatus
from tests.factories import make_assessment, make_place

pytestmark = pytest.mark.django_db

BOWTIE = Polygon(((14.0, 49.0), (14.1, 49.1), (14.1, 49.0), (14.0, 49.1), (14.0, 49.0)), srid=4326)


def test_it_rejects_a_self_crossing_municipality_boundary_with_a_clear_message():
    town = Municipality(name="Motýlek", code="999999", geom=MultiPolygon(BOWTIE, srid=4326))
    with pytest.raises(ValidationError) as caught, translation.override("en"):
        town.full_clean()
    assert "not a valid polygon" in str(caught.value)
    with pytest.raises(IntegrityError, match="municipality_geom_valid"), transaction.atomic():
        town.save()
    assert not Municipality.objects.exists()


def test_it_rejects_a_self_crossing_place_footprint():
    place = Place(name="Dům", location=Point(14.05, 49.05, srid=4326), footprint=BOWTIE)
    with pytest.raises(ValidationError) as caught:
        place.full_clean()
    assert "Půdorys není platný polygon" in str(caught.value)
    with pytest.raises(IntegrityError, match="place_footprint_valid"), transaction.atomic():
        place.save()


@pytest.mark.parametrize(("lon", "lat"), [(200.0, 49.0), (14.0, 95.0), (-180.5, 0.0)])
def test_it_rejects_a_point_outside_the_valid_coordinate_range(lon, lat):
    place = Place(name="Mimo svět", location=Point(lon, lat, srid=4326))
    with pytest.raises(ValidationError) as caught, translation.override("en"):
        place.full_clean()
    assert "outside the valid range" in str(caught.value)
    with pytest.raises(IntegrityError, match="place_location_in_range"), transaction.atomic():
        place.save()
    assert not Place.objects.exists()


def test_it_accepts_a_point_on_the_edge_of_the_valid_range():
    place = Place(name="Datová hranice", location=Point(180.0, -90.0, srid=4326))
    place.full_clean()
    place.save()
    assert Place.objects.count() == 1


def test_a_place_has_at_most_one_approved_assessment():
    place = make_place()
    make_assessment(place, status=ReviewStatus.APPROVED)
    make_assessment(place, status=ReviewStatus.SUPERSEDED)
    duplicate = pytest.raises(IntegrityError, match="assessment_one_approved_per_place")
    with duplicate, transaction.atomic():
        make_assessment(place, status=ReviewStatus.APPROVED)
    assert Assessment.objects.filter(place=place).count() == 2


def test_a_photo_without_alt_text_is_refused():
    assessment = make_assessment(make_place())
    photo = Photo(
        assessment=assessment,
        image="x.jpg",
        thumbnail="x-t.jpg",
        alt_text="   ",
        privacy_status="done",
    )
    with pytest.raises(ValidationError) as caught:
        photo.full_clean(exclude=["image", "thumbnail"])
    assert "Popište, co fotografie ukazuje" in str(caught.value)
    with pytest.raises(IntegrityError, match="photo_alt_text_required"), transaction.atomic():
        photo.save()


def test_a_photo_has_public_copies_only_once_its_privacy_check_made_them():
    assessment = make_assessment(make_place())
    for status in ("pending", "failed"):
        photo = Photo(assessment=assessment, image="x.jpg", thumbnail="x-t.jpg", alt_text="Vchod")
        photo.privacy_status = status
        refused = pytest.raises(IntegrityError, match="photo_public_only_after_privacy_check")
        with refused, transaction.atomic():
            photo.save()
    Photo.objects.create(assessment=assessment, alt_text="Vchod", privacy_status="pending")
    assert Photo.objects.count() == 1
