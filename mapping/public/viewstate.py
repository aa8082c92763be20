"""The map view a URL asks for (centre and zoom), and whether it asks for the embed mode.

Invalid values are ignored, not refused: a shared link with a typo still opens the town's map.
"""

import math

from django.conf import settings
from django.http import QueryDict

from mapping.ids import parse_id


def _number(query: QueryDict, name: str, low: float, high: float) -> float | None:
    try:
        value = float(query.get(name, ""))
    except ValueError:
        return None
    return value if math.isfinite(value) and low <= value <= high else None


def map_view_from_query(query: QueryDict) -> tuple[tuple[float, float], int]:
    """((lat, lon), zoom) from the `lat`, `lon` and `z` parameters, else the town's default."""
    lat = _number(query, "lat", -90, 90)
    lon = _number(query, "lon", -180, 180)
    zoom = _number(query, "z", 0, 19)
    center = (lat, lon) if lat is not None and lon is not None else tuple(settings.MAP_CENTER)
    return center, int(zoom) if zoom is not None else settings.MAP_ZOOM


def is_embed(query: QueryDict) -> bool:
    return query.get("embed") == "1"


def focus_place_id(query: QueryDict) -> int | None:
    """The place a link asks the map to open (`?place=<id>`, e.g. from a catalogue service page)."""
    return parse_id(query.get("place", ""))


def services_layer_on(query: QueryDict) -> bool:
    """Whether the map shows the catalogue's social services as a layer (`?services=1`)."""
    return query.get("services") in ("1", "on", "true")
