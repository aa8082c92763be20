"""A destination place is reached at the entrance its approved assessment says the visitor can
use: a wheelchair goes to the level side entrance, not to the main one with five steps."""

import datetime

from django.contrib.gis.geos import Point

from mapping.models import Assessment, Entrance, NetworkNode, Place, ReviewStatus
from mapping.route_profiles import PROFILES
from mapping.routing.destinations import entrance_within_limits
from mapping.routing.routes import plan_route_to_place

START = (15.595, 48.408)  # Krems, west of the old town


def _place_with_two_entrances(status=ReviewStatus.APPROVED) -> Place:
    # Two real vertices of the Krems network about a street apart.
    main_node = NetworkNode.objects.get(pk=270186068)
    side_node = NetworkNode.objects.get(pk=244427674)
    place = Place.objects.create(name="Town hall", location=Point(15.6, 48.41, srid=4326))
    Entrance.objects.create(place=place, number=1, is_main=True, location=main_node.geom)
    Entrance.objects.create(place=place, number=2, label="Side door", location=side_node.geom)
    Assessment.objects.create(
        place=place,
        survey_date=datetime.date(2026, 5, 1),
        methodology_version="test",
        status=status,
        answers={
            "entrance1Accessibility": "MoreStepsEntranceAccessibility",
            "entrance1Steps1NumberOf": 5,
            "entrance1Steps1Height": 16,
            "entrance2Accessibility": "NoelevationEntranceAccessibility",
        },
    )
    return place


def test_a_wheelchair_route_ends_at_the_accessible_side_entrance(load_town):
    load_town("krems")
    place = _place_with_two_entrances()
    side = place.entrances.get(number=2)
    wheelchair = plan_route_to_place(START, place, "wheelchair")
    assert wheelchair["destination"]["entrance_id"] == side.pk
    assert wheelchair["destination"]["within_limits"] is True
    assert wheelchair["found"]
    assert wheelchair["to"]["vertex"] == 244427674
    pedestrian = plan_route_to_place(START, place, "pedestrian")
    assert pedestrian["destination"]["entrance_id"] == place.entrances.get(number=1).pk
    assert pedestrian["to"]["vertex"] == 270186068


def test_without_an_approved_assessment_the_main_entrance_is_the_destination(load_town):
    load_town("krems")
    place = _place_with_two_entrances(status=ReviewStatus.SUBMITTED)
    answer = plan_route_to_place(START, place, "wheelchair")
    assert answer["destination"]["entrance_id"] == place.entrances.get(number=1).pk
    assert answer["destination"]["within_limits"] is None


def test_which_entrances_a_profile_can_use():
    answers = {
        "entrance1Accessibility": "OneStepEntranceAccessibility",
        "entrance1Steps1Height": 2,
        "entrance2Accessibility": "MoreStepsEntranceAccessibility",
        "entrance2Steps1NumberOf": 2,
    }
    wheelchair, walker = PROFILES["wheelchair"], PROFILES["walker"]
    assert entrance_within_limits(answers, 1, wheelchair) is True  # a 2 cm step is a kerb
    assert entrance_within_limits(answers, 2, wheelchair) is False
    assert entrance_within_limits(answers, 2, walker) is True  # at most two steps
    assert entrance_within_limits({}, 1, wheelchair) is None
