"""Distances come back in metres, computed by PostGIS on the spheroid, never in degrees."""

import math

import pytest
from django.contrib.gis.geos import Point

from mapping.models import Place
from tests.factories import make_place

pytestmark = pytest.mark.django_db


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance on a sphere of the mean Earth radius: an independent estimate."""
    r = 6_371_008.8
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    ("target_lon", "target_lat"),
    [(14.1474, 49.3189), (14.1574, 49.3089), (14.3, 49.5)],
    ids=["1.1 km north", "730 m east", "24 km north-east"],
)
def test_the_distance_from_a_place_is_in_metres(target_lon, target_lat):
    place = make_place(lon=14.1474, lat=49.3089)
    target = Point(target_lon, target_lat, srid=4326)
    expected = haversine_m(14.1474, 49.3089, target_lon, target_lat)

    annotated = Place.objects.with_distance_to(target).get(pk=place.pk).distance_m
    direct = place.distance_to(target)

    # The spheroid and the sphere differ by well under 0.5 %; degrees would be off by 10^5.
    assert annotated == pytest.approx(expected, rel=0.005)
    assert direct == pytest.approx(annotated)


def test_places_within_a_radius_in_metres_are_found_and_others_are_not():
    centre = Point(14.1474, 49.3089, srid=4326)
    near = make_place("Blízko", lon=14.1474, lat=49.3089 + 0.0040)  # about 445 m north
    make_place("Daleko", lon=14.1474, lat=49.3089 + 0.0060)  # about 667 m north
    found = list(Place.objects.within_metres(centre, 500))
    assert found == [near]
