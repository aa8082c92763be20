"""Compressed answers: pages, the API, downloads and both map layers, gzipped for the clients that
accept it, with ETags that give a 304 when nothing changed (mapping/compression.py)."""

import gzip
import json

import pytest
from django.urls import reverse

from tests.factories import TABOR, make_assessed_place, make_service

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}
TOWN_BBOX = f"{TABOR[0] - 0.05},{TABOR[1] - 0.05},{TABOR[0] + 0.05},{TABOR[1] + 0.05}"


@pytest.fixture
def town():
    """Enough places that the layers are worth compressing, and two services far apart."""
    places = [
        make_assessed_place(f"Místo {number}", lon=TABOR[0] + number * 0.0004)
        for number in range(40)
    ]
    far = make_assessed_place("Daleko", lon=TABOR[0] + 1.0)
    near_service = make_service("Poradna", "s37", ["seniors"], places[0])
    far_service = make_service("Klub daleko", "s62", ["youth"], far)
    return {"places": places, "near_service": near_service, "far_service": far_service}


def unpacked(response) -> bytes:
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    return gzip.decompress(response.content)


@pytest.mark.parametrize(
    "url, params",
    [
        ("public:map", {}),
        ("public:list", {}),
        ("opendata:geojson", {}),
        ("opendata:csv", {}),
        ("api:place-list", {}),
    ],
)
def test_text_answers_are_gzipped_for_a_client_that_accepts_it(client, town, url, params):
    plain = client.get(reverse(url), params)
    packed = client.get(reverse(url), params, **GZIP)
    assert plain.status_code == packed.status_code == 200
    assert "Content-Encoding" not in plain
    body = unpacked(packed)
    assert len(packed.content) < len(body)
    if url.startswith("opendata") or url == "api:place-list":
        # Data answers carry no per-request token: the same bytes whether packed or not.
        assert body == b"".join(plain.streaming_content) if plain.streaming else plain.content


def test_a_client_without_gzip_gets_the_cached_layer_unpacked(client, town):
    params = {"bbox": TOWN_BBOX, "zoom": 15}
    client.get(reverse("public:places_layer"), params, **GZIP)  # now cached, gzipped
    refused = client.get(reverse("public:places_layer"), params, HTTP_ACCEPT_ENCODING="identity")
    assert "Content-Encoding" not in refused
    assert len(json.loads(refused.content)["features"]) == 40


def test_the_places_layer_is_sent_gzipped_as_cached_and_revalidated_by_its_etag(client, town):
    params = {"bbox": TOWN_BBOX, "zoom": 15}
    plain = client.get(reverse("public:places_layer"), params)
    packed = client.get(reverse("public:places_layer"), params, **GZIP)
    assert json.loads(unpacked(packed)) == json.loads(plain.content)
    assert packed["ETag"].startswith('W/"') and packed["ETag"] == plain["ETag"]
    again = client.get(reverse("public:places_layer"), params, HTTP_IF_NONE_MATCH=packed["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_an_api_page_has_an_etag_and_answers_304_while_unchanged(client, town):
    first = client.get(reverse("api:place-list"))
    assert first["ETag"]
    again = client.get(reverse("api:place-list"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_page_carries_no_etag_of_its_own_content(client, town):
    # Its CSRF token differs every time: a hash of it would never be worth a 304.
    assert not client.get(reverse("public:map")).has_header("ETag")


def test_the_services_layer_is_bounded_by_the_view(client, town):
    everything = client.get(reverse("catalogue:layer")).json()
    in_view = client.get(reverse("catalogue:layer"), {"bbox": TOWN_BBOX}).json()
    assert {f["id"] for f in everything["features"]} == {
        town["places"][0].pk,
        town["far_service"].places.get().pk,
    }
    assert [f["id"] for f in in_view["features"]] == [town["places"][0].pk]


def test_the_services_layer_has_an_etag_that_follows_the_catalogue(client, town):
    params = {"bbox": TOWN_BBOX}
    first = client.get(reverse("catalogue:layer"), params, **GZIP)
    assert json.loads(unpacked(first))["features"][0]["properties"]["services"][0]["name"] == (
        "Poradna"
    )
    unchanged = client.get(reverse("catalogue:layer"), params, HTTP_IF_NONE_MATCH=first["ETag"])
    assert unchanged.status_code == 304
    service = town["near_service"]
    service.name = "Poradna pro seniory"
    service.save()
    changed = client.get(reverse("catalogue:layer"), params, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert changed.json()["features"][0]["properties"]["services"][0]["name"] == (
        "Poradna pro seniory"
    )


def test_a_bad_view_for_the_services_layer_is_a_400_in_both_languages(client, town):
    response = client.get(reverse("catalogue:layer"), {"bbox": "14,49,20,55"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert "bbox" in body["parameters"]
    assert body["message_cs"] and body["message_en"] and body["message_cs"] != body["message_en"]
