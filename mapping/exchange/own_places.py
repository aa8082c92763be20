"""This map's own places coming back in a Mapy bez bariér file.

The export writes a place surveyed here with its id as `objectId` and MAPYBEZBARIER_SOURCE_ID as
`sourceId` (mapping/exchange/places.py). When such a file is imported into the same map, those
objects are its own places, not new ones: one whose object equals what the map would export now
is unchanged, any other is an update of that place. An object is taken for one of ours only when
all of these hold, so that a file of another map that left the source id at its default cannot
overwrite our places: the source id is ours, a place with that id exists, it has no Mapy bez
bariér id of its own (then it would be exported under that id instead), and the object lies within
OWN_PLACE_RADIUS_M of it.
"""

from typing import Any

from django.conf import settings
from django.contrib.gis.geos import Point

from mapping.exchange.places import exchange_object
from mapping.models import Assessment, Place

# A pin moved by more than this in the other system makes the object a stranger (imported as new):
# a duplicate a coordinator can merge is safer than another place overwritten.
OWN_PLACE_RADIUS_M = 100


def own_place(data: dict[str, Any]) -> Place | None:
    """The place of this map that `data` was exported from, or None."""
    object_id = data.get("objectId")
    if data.get("sourceId") != settings.MAPYBEZBARIER_SOURCE_ID or not isinstance(object_id, int):
        return None
    if not isinstance(data.get("longitude"), int | float) or not isinstance(
        data.get("latitude"), int | float
    ):
        return None
    position = Point(data["longitude"], data["latitude"], srid=4326)
    place: Place | None = (
        Place.objects.within_metres(position, OWN_PLACE_RADIUS_M).filter(pk=object_id).first()
    )
    if place is None:
        return None
    published = published_assessment(place)
    if published is not None and (published.answers or {}).get("objectId") is not None:
        return None
    return place


def published_assessment(place: Place) -> Assessment | None:
    return Assessment.objects.published().filter(place=place).first()


def exports_as(place: Place, data: dict[str, Any]) -> bool:
    """Whether `data` is exactly what this map exports for `place` now."""
    published = published_assessment(place)
    return published is not None and exchange_object(place, published) == data
