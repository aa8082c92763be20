"""The OpenStreetMap tags a place would carry, with values from the iD tagging schema."""

import json

import pytest

from mapping.exchange import osm_tags
from mapping.exchange.export import export
from tests.factories import make_assessment, make_place

pytestmark = pytest.mark.django_db


def _tags_by_name() -> dict[str, dict]:
    return {p["name"]: p for p in json.loads(export("osm-tags").content)}


def test_the_wheelchair_tag_follows_the_wheelchair_category(imported):
    places = _tags_by_name()
    assert places["Městský úřad Písek – radnice"]["tags"]["wheelchair"] == "yes"
    assert places["Knihovna U Kamenného mostu"]["tags"]["wheelchair"] == "limited"
    assert places["Vinárna Na Schodech"]["tags"]["wheelchair"] == "no"


def test_toilets_wheelchair_is_the_best_toilet_of_the_place(imported):
    places = _tags_by_name()
    assert places["Městský úřad Písek – radnice"]["tags"]["toilets:wheelchair"] == "yes"
    assert places["Knihovna U Kamenného mostu"]["tags"]["toilets:wheelchair"] == "limited"
    assert places["Vinárna Na Schodech"]["tags"]["toilets:wheelchair"] == "no"


def test_entrances_carry_steps_door_width_in_metres_ramp_and_incline(imported):
    town_hall = _tags_by_name()["Městský úřad Písek – radnice"]
    main, side = town_hall["entrances"]
    assert main["tags"] == {
        "entrance": "main",
        "wheelchair": "yes",
        "step_count": "3",
        "door:width": "0.9",
        "ramp:wheelchair": "yes",
        "incline": "4.5%",
    }
    assert side["tags"]["entrance"] == "secondary"
    assert side["tags"]["wheelchair"] == "no" and side["tags"]["ramp:wheelchair"] == "no"
    library = _tags_by_name()["Knihovna U Kamenného mostu"]
    assert library["entrances"][0]["tags"]["door:width"] == "0.75"


def test_a_public_space_gets_surface_smoothness_incline_kerb_width_and_tactile_paving():
    place = make_place("Přechod u Kamenného mostu", kind="public_space")
    answers = {
        "publicSpaceSurface": "sett",
        "publicSpaceSmoothness": "intermediate",
        "publicSpaceLongitudinalSlope": 6.5,
        "publicSpaceKerbHeight": 2,
        "publicSpaceClearWidth": 150,
        "publicSpaceStepsNumberOf": 0,
        "publicSpaceIsTactilePaving": True,
    }
    make_assessment(place, wheelchair="partly", answers=answers)
    tags = _tags_by_name()["Přechod u Kamenného mostu"]["tags"]
    assert tags == {
        "wheelchair": "limited",
        "surface": "sett",
        "smoothness": "intermediate",
        "incline": "6.5%",
        "kerb": "lowered",
        "kerb:height": "0.02",
        "width": "1.5",
        "step_count": "0",
        "tactile_paving": "yes",
    }


@pytest.mark.parametrize(("cm", "kerb"), [(0, "flush"), (3, "lowered"), (3.5, "raised")])
def test_kerb_values_follow_the_height(cm, kerb):
    assert osm_tags.kerb_for_height(cm) == kerb


def test_every_value_written_is_one_the_id_editor_offers(imported):
    allowed = {
        "wheelchair": osm_tags.WHEELCHAIR_VALUES,
        "toilets:wheelchair": osm_tags.WHEELCHAIR_VALUES,
        "entrance": osm_tags.ENTRANCE_VALUES,
        "ramp:wheelchair": ("yes", "no"),
    }
    for place in json.loads(export("osm-tags").content):
        for tags in [place["tags"], *(e["tags"] for e in place["entrances"])]:
            for key, value in tags.items():
                if key in allowed:
                    assert value in allowed[key], (key, value)
                elif key in ("step_count",):
                    assert value.isdigit()
                elif key in ("door:width", "width", "kerb:height"):
                    assert float(value) > 0
