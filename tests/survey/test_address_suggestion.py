"""A new place's address is suggested from the nearest RÚIAN address point within 30 m, and the
survey stores the address (with the point's code) on the new place."""

import json

import pytest
from django.urls import reverse

from mapping.models import Assessment, Place
from mapping.ruian.importer import import_addresses
from tests.personas import client_for
from tests.ruian.conftest import REAL_CSV, SYNTHETIC_CSV
from tests.survey.conftest import submission

NEAR_NADRAZNI = {"lat": 49.3022, "lon": 14.1432}  # about 11 m north of Nádražní 702/3


@pytest.fixture
def points(db):
    import_addresses([REAL_CSV, SYNTHETIC_CSV], commit=True)


def test_it_suggests_the_address_of_the_nearest_point_within_30_m(alice, points):
    # About 11 m north of Nádražní 702/3 (14.1432, 49.3021).
    answer = client_for(alice).get(reverse("survey:address"), NEAR_NADRAZNI)
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


def test_the_suggestion_is_never_cached_and_the_service_worker_leaves_it_to_the_network(
    alice, points
):
    answer = client_for(alice).get(reverse("survey:address"), NEAR_NADRAZNI)
    assert "no-cache" in answer["Cache-Control"] and "no-store" in answer["Cache-Control"]
    worker = client_for(alice).get(reverse("survey:service_worker")).content.decode()
    shell = json.loads(worker.split("const SHELL = ", 1)[1].split(";\n", 1)[0])
    assert reverse("survey:address") not in shell
    assert not any(url.startswith("/pruzkum/api/adresa") for url in shell)


def test_the_suggested_address_is_stored_on_the_new_place(alice, points):
    client = client_for(alice)
    suggested = client.get(reverse("survey:address"), NEAR_NADRAZNI).json()["address"]
    fields = {k: suggested[k] for k in ("street", "house_number", "postcode", "city")}
    place = {"name": "Nádraží", "kind": "building", **NEAR_NADRAZNI, **fields}
    place["ruian_address_code"] = suggested["ruian_address_code"]
    answer = client.post(reverse("survey:submit"), submission(place=place))
    assert answer.status_code == 201
    stored = Assessment.objects.get().place
    assert (stored.street, stored.house_number, stored.postcode, stored.city) == (
        "Nádražní",
        "702/3",
        "39701",
        "Lhotka nad Otavou",
    )
    assert stored.ruian_address_code == 99000101


def test_a_typed_address_without_a_code_is_stored_as_typed(alice, points):
    place = {"name": "Kůlna", "lat": 49.31, "lon": 14.15, "street": "  U  lesa ", "city": "Lhotka"}
    answer = client_for(alice).post(reverse("survey:submit"), submission(place=place))
    assert answer.status_code == 201
    stored = Place.objects.get()
    assert (stored.street, stored.house_number, stored.city) == ("U lesa", "", "Lhotka")
    assert stored.ruian_address_code is None


def test_a_code_gone_from_ruian_while_queued_keeps_the_survey_and_its_typed_address(alice, points):
    place = {"name": "Kůlna", "lat": 49.31, "lon": 14.15, "street": "Zahrádky"}
    place |= {"house_number": "17", "ruian_address_code": 12345}  # no such point any more
    answer = client_for(alice).post(reverse("survey:submit"), submission(place=place))
    assert answer.status_code == 201
    stored = Place.objects.get()
    assert (stored.street, stored.house_number, stored.ruian_address_code) == (
        "Zahrádky",
        "17",
        None,
    )


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ({"ruian_address_code": "abc"}, "place_ruian"),
        ({"ruian_address_code": -5}, "place_ruian"),
        ({"ruian_address_code": True}, "place_ruian"),
        ({"street": "x" * 201}, "place_address"),
        ({"postcode": "1" * 11}, "place_address"),
        ({"city": ["Lhotka"]}, "place_address"),
    ],
)
def test_a_wrong_address_is_a_400_in_czech_and_english_and_stores_nothing(
    alice, points, address, code
):
    place = {"name": "Kůlna", "lat": 49.31, "lon": 14.15, **address}
    answer = client_for(alice).post(reverse("survey:submit"), submission(place=place))
    assert answer.status_code == 400
    assert answer.json()["code"] == code
    assert answer.json()["message_cs"] != answer.json()["message_en"]
    assert not Place.objects.exists() and not Assessment.objects.exists()
