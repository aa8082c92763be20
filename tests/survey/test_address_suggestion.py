"""A new place's address is suggested from the nearest RÚIAN address point within 30 m."""

import pytest
from django.urls import reverse

from mapping.ruian.importer import import_addresses
from tests.ruian.conftest import REAL_CSV, SYNTHETIC_CSV
from tests.survey.conftest import client_for


@pytest.fixture
def points(db):
    import_addresses([REAL_CSV, SYNTHETIC_CSV], commit=True)


def test_it_suggests_the_address_of_the_nearest_point_within_30_m(alice, points):
    # About 11 m north of Nádražní 702/3 (14.1432, 49.3021).
    answer = client_for(alice).get(reverse("survey:address"), {"lat": 49.3022, "lon": 14.1432})
    assert answer.status_code == 200
    address = answer.json()["address"]
    assert address["label"] == "Nádražní 702/3, Lhotka nad Otavou"
    assert (address["street"], address["house_number"], address["city"]) == (
        "Nádražní",
        "702/3",
        "Lhotka nad Otavou",
    )
    assert address["postcode"] == "39701"
    assert address["ruian_address_code"] == 99000101
    assert 5 < address["distance_m"] < 20


def test_it_suggests_nothing_further_than_30_m(alice, points):
    answer = client_for(alice).get(reverse("survey:address"), {"lat": 49.3030, "lon": 14.1432})
    assert answer.status_code == 200
    assert answer.json() == {"address": None}


def test_a_bad_position_is_a_400_in_czech_and_english(alice, points):
    answer = client_for(alice).get(reverse("survey:address"), {"lat": "sever", "lon": 14})
    assert answer.status_code == 400
    assert answer.json()["message_en"] == "Send a position as lat and lon in degrees."
    assert answer.json()["message"] != answer.json()["message_en"]


def test_it_needs_a_signed_in_volunteer(points):
    answer = client_for(None).get(reverse("survey:address"), {"lat": 49.3022, "lon": 14.1432})
    assert answer.status_code == 401
