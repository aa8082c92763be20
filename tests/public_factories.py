"""Small factories for the public map's tests: published places in Tábor, WGS 84 (SRID 4326)."""

import datetime
import itertools

from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from mapping.models import (
    Assessment,
    Entrance,
    Municipality,
    Place,
    Provider,
    ReviewStatus,
    Service,
)

TABOR = (14.6575, 49.4144)  # lon, lat of Žižkovo náměstí
_codes = itertools.count(550001)


def make_municipality(name: str = "Tábor", **fields) -> Municipality:
    lon, lat = TABOR
    square = Polygon.from_bbox((lon - 0.1, lat - 0.1, lon + 0.1, lat + 0.1))
    square.srid = 4326
    return Municipality.objects.create(
        name=name, code=fields.pop("code", str(next(_codes))), geom=MultiPolygon(square, srid=4326)
    )


def make_place(
    name: str = "Radnice",
    lon: float = TABOR[0],
    lat: float = TABOR[1],
    *,
    wheelchair: str = "accessible",
    seniors: str = "accessible",
    pram: str = "accessible",
    toilet: bool = False,
    answers: dict | None = None,
    result: dict | None = None,
    status: str = ReviewStatus.APPROVED,
    **place_fields,
) -> Place:
    """A place with one assessment (approved unless `status` says otherwise)."""
    place = Place.objects.create(name=name, location=Point(lon, lat, srid=4326), **place_fields)
    Assessment.objects.create(
        place=place,
        survey_date=datetime.date(2026, 5, 4),
        methodology_version="mkpo-2026",
        answers=answers or {},
        result=result or {},
        wheelchair=wheelchair,
        seniors=seniors,
        pram=pram,
        has_accessible_toilet=toilet,
        status=status,
    )
    return place


def make_entrance(place: Place, number: int = 1, dlon: float = 0.0001, **fields) -> Entrance:
    return Entrance.objects.create(
        place=place,
        number=number,
        location=Point(place.location.x + dlon, place.location.y, srid=4326),
        **fields,
    )


def make_service(name: str, service_type: str, target_groups: list[str], *places: Place) -> Service:
    """A social service of the catalogue, provided at `places` (by one provider, Charita Tábor)."""
    provider, _created = Provider.objects.get_or_create(name="Charita Tábor")
    service = Service.objects.create(
        provider=provider, name=name, service_type=service_type, target_groups=target_groups
    )
    service.places.add(*places)
    return service
