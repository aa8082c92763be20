"""The route planner finds RÚIAN's official addresses, and shows an address OSM has too once."""

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse

from mapping.models import NetworkAddress
from mapping.route_profiles import get_profile
from mapping.routing.search import resolve_end, search

pytestmark = pytest.mark.django_db


def _addresses(query: str) -> list[str]:
    return [hit.label for hit in search(query) if hit.kind == "address"]


def test_the_planner_finds_a_ruian_address_the_czech_way(ruian_points):
    assert _addresses("U elektrárny 9")[0] == "U elektrárny 9/10, Praha 7"
    assert _addresses("u elektrarny 9/10 praha")[0] == "U elektrárny 9/10, Praha 7"
    assert _addresses("Trojanovice 2")[0] == "Trojanovice č.p. 2"
    assert "Zahrádky č.p. 17, Lhotka nad Otavou" in _addresses("Zahrádky 17")


def test_the_search_endpoint_answers_with_ruian_addresses_and_their_position(client, ruian_points):
    answer = client.get(reverse("routing:search"), {"q": "Nádražní 702"}).json()
    first = answer["results"][0]
    assert first["kind"] == "address"
    assert first["label"] == "Nádražní 702/3, Lhotka nad Otavou"
    assert (round(first["lon"], 4), round(first["lat"], 4)) == (14.1432, 49.3021)
    assert "keys" not in first


def test_an_address_osm_has_at_the_same_spot_is_listed_once(ruian_points):
    NetworkAddress.objects.create(
        street="Komenského",
        house_number="230",
        city="Lhotka nad Otavou",
        geom=Point(14.14758, 49.30884, srid=4326),  # about 6 m from the RÚIAN point
    )
    assert _addresses("Komenského 230") == ["Komenského 230, Lhotka nad Otavou"]
    hits = [hit for hit in search("Komenského 230") if hit.kind == "address"]
    assert len(hits) == 1


def test_the_same_address_far_away_is_another_address(ruian_points):
    NetworkAddress.objects.create(
        street="Komenského",
        house_number="230",
        city="Lhotka nad Otavou",
        geom=Point(14.1600, 49.3000, srid=4326),  # over a kilometre away
    )
    assert len(_addresses("Komenského 230")) == 2


def test_a_route_can_start_at_a_ruian_address(ruian_points):
    end = resolve_end("Nádražní 702/3, Lhotka nad Otavou", "", get_profile("wheelchair"), "from")
    assert end.kind == "address"
    assert end.label == "Nádražní 702/3, Lhotka nad Otavou"
    assert (round(end.point[0], 4), round(end.point[1], 4)) == (14.1432, 49.3021)
