"""The list "near me": places within a radius, closest first, in metres through geography."""

from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.personas import client_for

HERE = {"lat": 49.3089, "lon": 14.1474}


def test_it_lists_places_within_the_radius_closest_first(alice):
    far = make_place("Nádraží", lon=14.1474, lat=49.3089 + 0.0036)  # about 400 m north
    near = make_place("Radnice", lon=14.1474, lat=49.3089 + 0.0009)  # about 100 m north
    make_assessment(near, ReviewStatus.APPROVED)
    answer = client_for(alice).get(reverse("survey:near"), {**HERE, "radius": 1000})
    places = answer.json()["places"]
    assert [p["id"] for p in places] == [near.pk, far.pk]
    assert 95 <= places[0]["distance_m"] <= 105
    assert places[0]["wheelchair"] == "accessible" and places[1]["wheelchair"] == ""
    within = client_for(alice).get(reverse("survey:near"), {**HERE, "radius": 200}).json()
    assert [p["id"] for p in within["places"]] == [near.pk]


def test_a_bad_position_is_a_400_with_a_message(alice):
    answer = client_for(alice).get(reverse("survey:near"), {"lat": "north", "lon": 14})
    assert answer.status_code == 400
    assert answer.json()["message_en"]
    assert client_for(alice).get(reverse("survey:near"), {"lat": 95, "lon": 14}).status_code == 400


def test_the_list_needs_a_signed_in_volunteer(db):
    assert client_for(None).get(reverse("survey:near"), HERE).status_code == 401


def test_a_position_outside_every_municipality_of_the_map_is_flagged(alice):
    from tests.factories import TABOR, make_municipality

    make_municipality("Tábor")
    in_town = {"lat": TABOR[1], "lon": TABOR[0]}
    inside = client_for(alice).get(reverse("survey:near"), in_town).json()
    assert inside["outside"] is False
    italy = client_for(alice).get(reverse("survey:near"), {"lat": 43.4682, "lon": 11.8817}).json()
    assert italy["outside"] is True  # the holiday photo's position


def test_without_municipalities_no_position_is_flagged(alice):
    answer = client_for(alice).get(reverse("survey:near"), {"lat": 43.4682, "lon": 11.8817})
    assert answer.json()["outside"] is False
