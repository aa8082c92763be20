"""The map in tiles: every published place represented at every zoom, as clusters with counts per
symbol below a town's zoom and as places from it on; the layer's filters; bad tiles refused."""

import gzip
import json
import math
import random

import pytest
from django.urls import reverse

from mapping.models import MapGridCell, ReviewStatus
from mapping.public.grid import build_map_grid
from mapping.public.tiles import GRID_TILE_ZOOM, PLACES_MIN_ZOOM
from tests.factories import TABOR, make_assessed_place

pytestmark = pytest.mark.django_db


def tile_of(lon: float, lat: float, z: int) -> tuple[int, int, int]:
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return z, x, y


def get_tile(client, z, x, y, **params):
    return client.get(reverse("public:places_tile", args=[z, x, y]), params)


def body(response) -> dict:
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def counted(collection: dict) -> int:
    """The places a tile represents: its clusters' counts, or its places."""
    return sum(
        f["properties"]["count"] if f["properties"].get("cluster") else 1
        for f in collection["features"]
    )


def shares(collection: dict) -> dict[str, int]:
    """The places of a tile's clusters by symbol."""
    total: dict[str, int] = {}
    for feature in collection["features"]:
        for symbol, count in feature["properties"]["categories"].items():
            total[symbol] = total.get(symbol, 0) + count
    return total


def scatter(count: int, seed: int = 7, spread: float = 0.03) -> list:
    rng = random.Random(seed)
    categories = ["accessible", "partly", "inaccessible", ""]
    return [
        make_assessed_place(
            f"Místo {i}",
            lon=TABOR[0] + rng.uniform(-spread, spread),
            lat=TABOR[1] + rng.uniform(-spread, spread),
            wheelchair=categories[i % 4],
            pram=categories[(i + 1) % 4],
        )
        for i in range(count)
    ]


def test_a_tile_at_a_town_zoom_holds_its_places_as_the_layer_draws_them(client):
    place = make_assessed_place("Radnice", wheelchair="partly", toilet=True)
    make_assessed_place("Knihovna", status=ReviewStatus.SUBMITTED)
    collection = body(get_tile(client, *tile_of(*TABOR, PLACES_MIN_ZOOM)))
    (feature,) = collection["features"]
    assert collection["count"] == 1
    assert feature["id"] == place.id
    assert feature["geometry"]["coordinates"] == list(TABOR)
    assert feature["properties"]["name"] == "Radnice"
    assert feature["properties"]["wheelchair"] == "partly"
    assert feature["properties"]["toilet"] is True


@pytest.mark.parametrize("z", [5, 8, 11, 13])
def test_the_clusters_of_a_tile_count_every_place_in_it_by_category(client, z):
    places = scatter(40, spread=0.002)
    collection = body(get_tile(client, *tile_of(*TABOR, z)))
    assert collection["count"] == counted(collection) == len(places)
    assert all(f["properties"]["cluster"] for f in collection["features"])
    for feature in collection["features"]:
        categories = feature["properties"]["categories"]
        assert sum(categories.values()) == feature["properties"]["count"]
    assert shares(collection) == {"accessible": 10, "partly": 10, "inaccessible": 10, "unknown": 10}


def test_four_tiles_add_up_to_the_tile_above_them_and_no_place_is_counted_twice(client):
    scatter(60, seed=3, spread=0.05)
    for z in (11, 12, 13, 14):
        z0, x0, y0 = tile_of(*TABOR, z)
        above = body(get_tile(client, z0, x0, y0))["count"]
        below = sum(
            body(get_tile(client, z0 + 1, 2 * x0 + dx, 2 * y0 + dy))["count"]
            for dx in (0, 1)
            for dy in (0, 1)
        )
        assert above == below
    # Every place in exactly one town tile: the tiles around Tábor hold all 60 once.
    z, x, y = tile_of(*TABOR, 12)
    around = [
        body(get_tile(client, z, x + dx, y + dy))["count"] for dx in (-1, 0, 1) for dy in (-1, 0, 1)
    ]
    assert sum(around) == 60


def test_a_tile_honours_the_profile_and_the_filters_of_the_layer(client):
    scatter(20, spread=0.002)
    tile = tile_of(*TABOR, 12)
    pram = body(get_tile(client, *tile, profile="pram"))
    assert shares(pram) == {
        "accessible": 5,
        "partly": 5,
        "inaccessible": 5,
        "unknown": 5,
    }
    only = body(get_tile(client, *tile, category="accessible"))
    assert only["count"] == 5
    assert body(get_tile(client, *tile, toilet="1"))["count"] == 0
    sensory = body(get_tile(client, *tile, profile="blind"))
    assert shares(sensory) == {"nofeatures": 20}
    places = body(get_tile(client, *tile_of(*TABOR, 19), category="partly"))
    assert {f["properties"]["wheelchair"] for f in places["features"]} <= {"partly"}


def test_the_grid_counts_the_country_as_the_places_themselves(client):
    scatter(30, seed=5, spread=0.2)
    make_assessed_place("Brno", lon=16.6068, lat=49.1951, wheelchair="inaccessible")
    make_assessed_place("Nepublikované", status=ReviewStatus.SUBMITTED)
    live = {
        z: body(get_tile(client, *tile_of(*TABOR, z), profile="pram"))
        for z in range(3, GRID_TILE_ZOOM + 1)
    }
    build = build_map_grid()
    assert build.cells == MapGridCell.objects.count() > 0
    for z, expected in live.items():
        from_grid = body(get_tile(client, *tile_of(*TABOR, z), profile="pram"))
        assert from_grid["count"] == expected["count"]
        assert [f["properties"] for f in from_grid["features"]] == [
            f["properties"] for f in expected["features"]
        ]
    country = body(get_tile(client, *tile_of(*TABOR, 5)))
    assert country["count"] == 31
    filtered = body(get_tile(client, *tile_of(*TABOR, 5), category="inaccessible"))
    assert filtered["count"] == 1 + sum(1 for i in range(30) if i % 4 == 2)


def test_a_new_publication_changes_the_tile_and_its_etag(client):
    make_assessed_place("Radnice")
    tile = tile_of(*TABOR, 12)
    first = get_tile(client, *tile)
    assert body(first)["count"] == 1
    again = client.get(reverse("public:places_tile", args=tile), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    make_assessed_place("Knihovna", lon=TABOR[0] + 0.001)
    changed = client.get(reverse("public:places_tile", args=tile), HTTP_IF_NONE_MATCH=first["ETag"])
    assert body(changed)["count"] == 2
    assert changed["ETag"] != first["ETag"]


def test_a_tile_is_sent_gzipped_to_a_client_that_accepts_it(client):
    scatter(10)
    response = client.get(
        reverse("public:places_tile", args=tile_of(*TABOR, 16)), HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    assert response["Content-Type"] == "application/geo+json"
    assert json.loads(gzip.decompress(response.content))["type"] == "FeatureCollection"


@pytest.mark.parametrize(
    "z, x, y",
    [
        ("23", "0", "0"),
        ("-1", "0", "0"),
        ("3", "8", "0"),
        ("3", "0", "-1"),
        ("a", "0", "0"),
        ("3", "1.5", "2"),
        ("99999999999999999999", "0", "0"),
    ],
)
def test_a_bad_tile_is_a_400_that_says_why_in_czech_and_english(client, z, x, y):
    response = client.get(f"/places/{z}/{x}/{y}.geojson")
    assert response.status_code == 400
    error = json.loads(response.content)
    assert error["code"] == "invalid"
    assert error["message_en"] and error["message_cs"]
    assert any(word in error["message_en"] for word in ("z", "x and y"))


def test_a_bad_filter_on_a_tile_is_a_400_and_an_unknown_address_a_404(client):
    assert get_tile(client, 12, 2213, 1395, profile="nobody").status_code == 400
    assert get_tile(client, 12, 2213, 1395, max_kerb_cm="-3").status_code == 400
    assert client.get("/places/12/2213/1395.json").status_code == 404
    assert client.get("/places/12/2213.geojson").status_code == 404
