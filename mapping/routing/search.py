"""Where a route starts and ends: coordinates, a published place, or an address.

Places come from the public search (mapping/public/search.py: published places by name or
address, diacritics and case ignored); addresses from the OpenStreetMap extract the network was
imported from (mapping_networkaddress) and from RÚIAN's official address points
(mapping_addresspoint), searched the same way. A RÚIAN address that OSM has too, at the same spot,
is shown once. A place is reached at the entrance
its approved assessment says the visitor can use (destinations.py), not at its centroid.
"""

import math
import re
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy

from mapping.addresses import address_keys
from mapping.ids import parse_id
from mapping.json_errors import lazy_message
from mapping.models import Place
from mapping.public.search import MIN_QUERY_LENGTH, search_places
from mapping.route_profiles import Profile, RouteInputError
from mapping.routing.coordinates import Position, parse_position
from mapping.routing.destinations import destination_for
from mapping.ruian.formatting import AddressParts

MAX_QUERY_LENGTH = 200
# Text made of numbers only is meant as coordinates, not searched for.
NUMBERS = re.compile(r"[\d\s.,;:+-]+")

# Must match the expression of the index networkaddress_search_trgm character for character.
ADDRESS_DOCUMENT_SQL = (
    "bf_unaccent(lower(a.street || ' ' || a.house_number || ' ' || a.city || ' ' || a.name))"
)
ADDRESS_SQL = f"""
SELECT * FROM (
    SELECT a.id, a.street, a.house_number, a.postcode, a.city, a.name,
           ST_X(a.geom) AS lon, ST_Y(a.geom) AS lat,
           word_similarity(bf_unaccent(lower(%s)), {ADDRESS_DOCUMENT_SQL}) AS score,
           ST_Distance(a.geom::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography)
               AS distance_m
    FROM mapping_networkaddress a
    WHERE bf_unaccent(lower(%s)) <%% {ADDRESS_DOCUMENT_SQL}
) AS hits
ORDER BY round(score::numeric, 1) DESC, distance_m, street, house_number, id
LIMIT %s
"""

# Must match the expression of the index addresspoint_search_trgm character for character.
ADDRESS_POINT_DOCUMENT_SQL = "bf_unaccent(lower(p.label || ' ' || p.part_name))"
ADDRESS_POINT_SQL = f"""
SELECT * FROM (
    SELECT p.code, p.label, p.municipality_name, p.district_name, p.part_name, p.street,
           p.building_number_type, p.house_number, p.orientation_number, p.orientation_letter,
           p.postcode, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat,
           word_similarity(bf_unaccent(lower(%s)), {ADDRESS_POINT_DOCUMENT_SQL}) AS score,
           ST_Distance(p.geom::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography)
               AS distance_m
    FROM mapping_addresspoint p
    WHERE bf_unaccent(lower(%s)) <%% {ADDRESS_POINT_DOCUMENT_SQL}
) AS hits
ORDER BY round(score::numeric, 1) DESC, distance_m, label, code
LIMIT %s
"""
# OSM puts an address on its building's outline or centre, RÚIAN on the address point by the
# building: one address, a few metres apart. Two addresses that fold alike this close are one.
SAME_ADDRESS_METRES = 20.0


@dataclass
class Hit:
    """One search result: a place (with its id) or an address."""

    kind: str  # "place" or "address"
    label: str
    detail: str
    lon: float
    lat: float
    score: float
    id: int | None = None
    # An address's keys (mapping/addresses.py), to tell OSM and RÚIAN duplicates.
    keys: frozenset = frozenset()


def _address_label(street: str, number: str, city: str) -> str:
    return ", ".join(part for part in (f"{street} {number}".strip(), city) if part)


def _metres(a: Hit, b: Hit) -> float:
    """Distance of two nearby hits (equirectangular: exact enough within a town)."""
    mean_lat = math.radians((a.lat + b.lat) / 2)
    dx = math.radians(b.lon - a.lon) * math.cos(mean_lat)
    dy = math.radians(b.lat - a.lat)
    return 6_371_000 * math.hypot(dx, dy)


def search_osm_addresses(query: str, limit: int = 8) -> list[Hit]:
    lat, lon = settings.MAP_CENTER
    with connection.cursor() as cursor:
        cursor.execute(ADDRESS_SQL, [query, lon, lat, query, limit])
        rows = cursor.fetchall()
    return [
        Hit(
            "address",
            _address_label(street, number, city),
            name or postcode,
            x,
            y,
            float(score),
            keys=frozenset(address_keys(street, number, city)),
        )
        for _id, street, number, postcode, city, name, x, y, score, _distance in rows
    ]


def search_address_points(query: str, limit: int = 8) -> list[Hit]:
    lat, lon = settings.MAP_CENTER
    with connection.cursor() as cursor:
        cursor.execute(ADDRESS_POINT_SQL, [query, lon, lat, query, limit])
        rows = cursor.fetchall()
    hits = []
    for row in rows:
        # The SELECT lists the parts in AddressParts' order, after the code and the label.
        label, parts = row[1], AddressParts(*row[2:10])
        part, keys = parts.part_name, parts.keys()
        postcode, x, y, score, _distance = row[10:]
        detail = " ".join(p for p in (postcode, part if part not in label else "") if p)
        hits.append(Hit("address", label, detail, x, y, float(score), keys=frozenset(keys)))
    return hits


def search_addresses(query: str, limit: int = 8) -> list[Hit]:
    """OSM and RÚIAN addresses, a RÚIAN one left out when OSM has it at the same spot."""
    osm = search_osm_addresses(query, limit)
    official = [
        hit
        for hit in search_address_points(query, limit)
        if not any(
            hit.keys & other.keys and _metres(hit, other) <= SAME_ADDRESS_METRES for other in osm
        )
    ]
    return osm + official


def search(query: str, limit: int = 8) -> list[Hit]:
    """Places and addresses matching `query`, best first (places first among equals)."""
    query = " ".join(query.split())
    if len(query) < MIN_QUERY_LENGTH:
        return []
    if len(query) > MAX_QUERY_LENGTH:
        raise RouteInputError(
            lazy_message(
                gettext_lazy("Search for at most %(count)s characters."), count=MAX_QUERY_LENGTH
            )
        )
    places = [
        Hit("place", row.name, row.address, row.lon, row.lat, float(row.score or 0), row.id)
        for row in search_places(query, settings.MAP_CENTER, limit=limit)
    ]
    hits = places + search_addresses(query, limit)
    hits.sort(key=lambda hit: (-round(hit.score, 1), hit.kind != "place"))
    return hits[:limit]


def hit_dict(hit: Hit) -> dict:
    data = asdict(hit)
    del data["keys"]
    data["score"] = round(hit.score, 3)
    return data


@dataclass
class End:
    """One end of a route as the visitor gave it, resolved to a point."""

    point: tuple[float, float]
    kind: str  # "point", "place" or "address"
    label: str = ""
    place: dict | None = None  # the chosen entrance of a place (destinations.Destination)
    order: str = ""  # for a position: how its two numbers were read (coordinates.py)

    def as_dict(self) -> dict:
        answer = {"kind": self.kind, "label": self.label, "point": list(self.point)}
        if self.order:
            answer["order"] = self.order
        return answer


def published_place(raw: str) -> Place:
    place_id = parse_id(raw)
    if place_id is None:
        raise RouteInputError(gettext_lazy("A place must be given by its number."))
    place = Place.objects.published().filter(pk=place_id).first()
    if place is None:
        raise PlaceNotFound(gettext_lazy("No such published place."))
    return place


class PlaceNotFound(LookupError):
    """A place number that is no published place (HTTP 404)."""


def position_label(position: Position) -> str:
    """49.30885° N, 14.14728° E: the hemisphere letters say which number is which."""
    lat = f"{abs(position.lat):.6f}° {'N' if position.lat >= 0 else 'S'}"
    lon = f"{abs(position.lon):.6f}° {'E' if position.lon >= 0 else 'W'}"
    return f"{lat}, {lon}"


def place_end(place: Place, profile: Profile) -> End:
    destination = destination_for(place, profile)
    return End(destination.point, "place", place.name, asdict(destination))


def resolve_end(text: str, place_id: str, profile: Profile, name: str) -> End:
    """An end from the request: a place number, else a position (either order, see
    coordinates.py), else the best place or address matching the text. `name` is the parameter
    (from/to) for the messages."""
    if place_id:
        return place_end(published_place(place_id), profile)
    text = " ".join((text or "").split())
    if not text:
        raise RouteInputError(
            lazy_message(
                gettext_lazy("Give %(name)s as a place, an address or a latitude and longitude."),
                name=name,
            )
        )
    position = parse_position(text, settings.MAP_CENTER)
    if position is not None:
        return End(position.point, "point", position_label(position), order=position.order)
    if NUMBERS.fullmatch(text):
        raise RouteInputError(
            lazy_message(
                gettext_lazy(
                    "%(name)s must be a position: latitude and longitude (e.g. 49.3088, 14.1475)."
                ),
                name=name,
            )
        )
    hits = search(text, limit=1)
    if not hits:
        raise RouteInputError(
            lazy_message(
                gettext_lazy(
                    "No place or address matches “%(text)s”. Try another spelling, or choose the "
                    "point on the map."
                ),
                text=text,
            )
        )
    hit = hits[0]
    if hit.kind == "place":
        place = Place.objects.get(pk=hit.id)
        return place_end(place, profile)
    return End((hit.lon, hit.lat), "address", hit.label)
