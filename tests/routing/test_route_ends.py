"""A route starts and ends at coordinates, a published place or an address. Places come from the
public search; addresses from the OpenStreetMap extract of the network. A place
is reached at the entrance the profile can use."""

import pytest
from django.urls import reverse

from mapping.models import NetworkAddress, Place, ReviewStatus
from mapping.routing.osm_reader import read_network
from mapping.routing.search import search
from tests.factories import make_assessment
from tests.routing.conftest import OSM
from tests.routing.test_destination_entrance import _place_with_two_entrances

START = "15.595,48.408"  # Krems, west of the old town


def _route(client, **params):
    return client.get(reverse("routing:route"), {"lang": "en", **params})


def test_the_import_brings_the_extracts_addresses_and_replaces_them(load_town):
    read = read_network(OSM / "krems.osm.gz").addresses
    assert len(read) > 200
    # Several buildings of one address make one address.
    expected = len({(a.street, a.house_number, a.postcode, a.city) for a in read})
    load_town("krems")
    load_town("krems")  # a re-import replaces, never duplicates
    assert NetworkAddress.objects.count() == expected
    address = NetworkAddress.objects.get(street="Hafenstraße", house_number="77")
    assert (address.city, address.postcode) == ("Krems an der Donau", "3500")


def test_an_address_is_found_whatever_the_case_and_the_accents(load_town):
    load_town("krems")
    hits = search("hafenstrasse 77")
    assert hits[0].kind == "address"
    assert hits[0].label == "Hafenstraße 77, Krems an der Donau"
    stored = NetworkAddress.objects.get(street="Hafenstraße", house_number="77").geom
    assert (hits[0].lon, hits[0].lat) == pytest.approx(stored.coords)


def test_only_published_places_are_found_and_they_come_first(load_town):
    load_town("krems")
    published = _place_with_two_entrances()
    hidden = Place.objects.create(name="Town hall annex", location=published.location)
    make_assessment(hidden, ReviewStatus.SUBMITTED)
    hits = search("town hall")
    places = [hit for hit in hits if hit.kind == "place"]
    assert [hit.id for hit in places] == [published.pk]
    assert hits[0].id == published.pk


def test_the_search_endpoint_answers_in_json_and_refuses_a_too_long_text(load_town, client):
    load_town("krems")
    url = reverse("routing:search")
    body = client.get(url, {"q": "Ringstraße", "lang": "en"}).json()
    # OpenStreetMap spells it both ways; ß and ss are one to the search.
    labels = [hit["label"].lower().replace("ß", "ss") for hit in body["results"]]
    assert len(labels) >= 3 and all(label.startswith("ringstrasse ") for label in labels[:3])
    assert {"kind", "label", "detail", "lon", "lat", "id"} <= set(body["results"][0])
    assert client.get(url, {"q": "R"}).json() == {"results": []}
    refused = client.get(url, {"q": "x" * 300, "lang": "en"})
    assert refused.status_code == 400
    assert "at most 200 characters" in refused.json()["error"]


def test_a_route_from_an_address_to_a_place_ends_at_its_accessible_entrance(load_town, client):
    load_town("krems")
    place = _place_with_two_entrances()
    side = place.entrances.get(number=2)
    response = _route(
        client, **{"from": "Hafenstraße 77", "to_place": place.pk, "profile": "wheelchair"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["found"]
    assert body["start"]["kind"] == "address"
    assert body["start"]["label"] == "Hafenstraße 77, Krems an der Donau"
    address = NetworkAddress.objects.get(street="Hafenstraße", house_number="77").geom
    assert body["start"]["point"] == pytest.approx(list(address.coords))
    assert body["destination"]["entrance_id"] == side.pk
    assert body["to"]["vertex"] == 244427674  # the vertex at the side door


def test_a_place_typed_by_name_is_a_place_reached_at_its_entrance(load_town, client):
    load_town("krems")
    place = _place_with_two_entrances()
    body = _route(client, **{"from": START, "to": "town hall", "profile": "wheelchair"}).json()
    assert body["end"] == {
        "kind": "place",
        "label": "Town hall",
        "point": list(place.entrances.get(number=2).location.coords),
    }
    assert body["destination"]["entrance_label"]
    # A pedestrian may take the main entrance with its steps.
    walking = _route(client, **{"from": START, "to": "town hall"}).json()
    assert walking["destination"]["entrance_id"] == place.entrances.get(number=1).pk


def test_a_route_may_start_at_a_place(load_town, client):
    load_town("krems")
    place = _place_with_two_entrances()
    body = _route(client, **{"from_place": place.pk, "to": START, "profile": "wheelchair"}).json()
    assert body["found"]
    assert body["origin"]["entrance_id"] == place.entrances.get(number=2).pk
    assert body["from"]["vertex"] == 244427674


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "No place or address matches “Atlantis 12”"),
        ("cs", "Žádné místo ani adresa neodpovídá „Atlantis 12“"),
    ],
)
def test_an_end_that_matches_nothing_is_a_400_with_a_message(load_town, client, language, message):
    load_town("krems")
    response = client.get(
        reverse("routing:route"), {"from": "Atlantis 12", "to": START, "lang": language}
    )
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.django_db
def test_an_unknown_place_is_a_404_and_numbers_that_are_no_position_a_400(client):
    assert _route(client, **{"from": START, "to_place": "999999"}).status_code == 404
    bad = _route(client, **{"from": "15.5;48.4;3", "to": START})
    assert bad.status_code == 400
    assert "latitude and longitude" in bad.json()["error"]
