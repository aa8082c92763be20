"""A position is read as people paste it: latitude first as Mapy.cz and Google Maps give it, with
hemisphere letters, in degrees and minutes, or longitude first as the API's old links have it;
the answer says which order was understood."""

import pytest
from django.urls import reverse

from mapping.routing.coordinates import LAT_LON, LON_LAT, MARKED, parse_position

PISEK = (49.3088, 14.1475)  # the map centre: latitude, longitude


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("49.30885, 14.14728", LAT_LON),  # Google Maps
        ("49.30885 14.14728", LAT_LON),
        ("49,30885, 14,14728", LAT_LON),  # typed with Czech decimal commas
        ("49,30885; 14,14728", LAT_LON),
        ("14.14728,49.30885", LON_LAT),  # the API's documented order
        ("49.30885N, 14.14728E", MARKED),  # Mapy.cz
        ("14.14728E 49.30885N", MARKED),
        ("N 49°18.531', E 14°8.8368'", MARKED),  # Mapy.cz, degrees and minutes
        ("49°18'31.86\"N 14°08'50.21\"E", MARKED),  # Google Maps, degrees, minutes, seconds
    ],
)
def test_a_position_in_the_town_is_read_whichever_way_it_is_written(text, order):
    position = parse_position(text, PISEK)
    assert position is not None
    assert position.order == order
    assert position.lat == pytest.approx(49.30885, abs=1e-5)
    assert position.lon == pytest.approx(14.14728, abs=1e-5)


def test_southern_and_western_hemispheres_are_negative():
    position = parse_position("33.8688 S, 151.2093 E", PISEK)
    assert (position.lat, position.lon) == (-33.8688, 151.2093)
    assert parse_position("40.7128N, 74.006W", PISEK).lon == -74.006


@pytest.mark.parametrize(
    "text", ["1,2,3", "14,1475,49,3088", "49.3N 50.1N", "N 49.3 14.1", "Karlova 12", "12", ""]
)
def test_what_is_not_two_coordinates_is_no_position(text):
    assert parse_position(text, PISEK) is None


def test_numbers_out_of_range_either_way_are_kept_for_the_range_message():
    position = parse_position("200,100", PISEK)
    assert (position.lon, position.lat) == (200, 100)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "order"), [("49.3082, 14.1445", "lat_lon"), ("14.1445,49.3082", "lon_lat")]
)
def test_the_route_answer_says_how_the_start_was_read(client, start, order):
    answer = client.get(
        reverse("routing:route"), {"from": start, "to": "49.3089, 14.1474", "lang": "en"}
    ).json()
    assert answer["start"] == {
        "kind": "point",
        "label": "49.308200° N, 14.144500° E",
        "point": [14.1445, 49.3082],
        "order": order,
    }
    assert answer["end"]["order"] == "lat_lon"
