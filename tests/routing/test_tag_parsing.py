"""Odd tag values seen in real OpenStreetMap data (shared/data/validators/SOURCE.txt) are read
into the right numbers, or into "unknown", never into a wrong number."""

import pytest

from mapping.routing.tags import (
    kerb_height_from_tags,
    parse_incline,
    parse_length_cm,
    parse_smoothness,
    parse_step_count,
    parse_surface,
    parse_wheelchair,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10%", (10.0, 0)),
        ("-10%", (-10.0, 0)),
        ("0%", (0.0, 0)),
        ("0", (0.0, 0)),  # bare numbers are per cent (seen: incline=0, 14, -14)
        ("14", (14.0, 0)),
        ("-14", (-14.0, 0)),
        ("0,5%", (0.5, 0)),
        ("12.5 %", (12.5, 0)),
        ("1:12", (8.33, 0)),
        ("10%-15%", (15.0, 0)),
        ("up", (None, 1)),
        ("down", (None, -1)),
        ("-", (None, 0)),
        ("yes", (None, 0)),
        ("", (None, 0)),
        (None, (None, 0)),
    ],
)
def test_it_reads_incline_values_as_mappers_write_them(value, expected):
    assert parse_incline(value) == expected


def test_it_converts_an_incline_in_degrees_to_per_cent():
    value, direction = parse_incline("5°")
    assert direction == 0
    assert value == pytest.approx(8.75, abs=0.01)
    assert parse_incline("-5 deg")[0] == pytest.approx(-8.75, abs=0.01)
    assert parse_incline("80°") == (None, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2", 200.0),
        ("1,5", 150.0),  # decimal comma (seen in Heidelberg)
        ("ca. 2", 200.0),  # seen in Heidelberg
        ("2 m", 200.0),
        ("0.8", 80.0),
        ("80 cm", 80.0),
        ("30 mm", 3.0),
        ("1.5-2", 150.0),
        ("90", 90.0),  # 90 metres is not a footway: centimetres
        ("2'6\"", 76.2),
        ("narrow", None),
        ("", None),
    ],
)
def test_it_reads_widths_in_centimetres(value, expected):
    assert parse_length_cm(value) == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ({"kerb": "lowered"}, 2.0),
        ({"kerb": "flush"}, 0.0),
        ({"kerb": "rolled"}, 3.0),
        ({"kerb": "raised"}, 12.0),
        ({"kerb": "raised", "kerb:height": "0.04"}, 4.0),
        ({"kerb:height": "3 cm"}, 3.0),
        ({"kerb:height": "30mm"}, 3.0),
        ({"kerb:height": "0,02"}, 2.0),
        ({"kerb:height": "5"}, 5.0),
        ({"kerb": "yes"}, None),
        ({}, None),
    ],
)
def test_it_reads_kerb_heights_from_kerb_and_kerb_height(tags, expected):
    assert kerb_height_from_tags(tags) == expected


def test_it_reads_deprecated_and_multi_valued_surfaces_as_their_worst_part():
    assert parse_surface("cobblestone") == "sett"
    assert parse_surface("cobblestone:flattened") == "sett"
    assert parse_surface("paved;cobblestone") == "sett"
    assert parse_surface("compacted;gravel") == "gravel"
    assert parse_surface("asphalt") == "asphalt"


def test_it_treats_unknown_values_as_unknown():
    assert parse_wheelchair("unknown") == ""
    assert parse_wheelchair("designated") == "yes"
    assert parse_smoothness("r") == ""
    assert parse_smoothness("bad") == "bad"
    assert parse_step_count("12;3") == 15
    assert parse_step_count("many") is None
