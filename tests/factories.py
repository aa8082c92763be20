"""The factories of every test: explicit SRIDs (WGS 84), sensible defaults, nothing hidden.

`make_place` makes a bare place and `make_assessment` an assessment of it; `make_assessed_place`
makes both at once, a place of the public map in Tábor (published unless told otherwise)."""

import itertools
from datetime import date

from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from mapping.models import (
    Assessment,
    Entrance,
    Municipality,
    Place,
    Provider,
    ReviewStatus,
    Role,
    Service,
    User,
)

_counter = itertools.count(1)
_codes = itertools.count(550001)

# Velké náměstí, Písek.
TOWN_CENTRE = (14.1474, 49.3089)
TABOR = (14.6575, 49.4144)  # lon, lat of Žižkovo náměstí


def make_place(
    name: str | None = None, lon: float = TOWN_CENTRE[0], lat: float = TOWN_CENTRE[1], **fields
) -> Place:
    return Place.objects.create(
        name=name or f"Místo {next(_counter)}",
        location=Point(lon, lat, srid=4326),
        **fields,
    )


def make_assessment(place: Place, status: str = ReviewStatus.APPROVED, **fields) -> Assessment:
    defaults = {
        "survey_date": date(2026, 5, 1),
        "methodology_version": "test",
        "wheelchair": "accessible",
        "seniors": "accessible",
        "pram": "accessible",
    }
    defaults.update(fields)
    return Assessment.objects.create(place=place, status=status, **defaults)


def make_user(
    username: str, role: str = Role.VOLUNTEER, password: str = "correct horse 42", **fields
) -> User:
    user = User.objects.create_user(username=username, password=password, role=role, **fields)
    return user


def make_assessed_place(
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
    """A place with one assessment (approved, so on the public map, unless `status` says
    otherwise)."""
    place = make_place(name, lon, lat, **place_fields)
    make_assessment(
        place,
        status,
        survey_date=date(2026, 5, 4),
        methodology_version="mkpo-2026",
        answers=answers or {},
        result=result or {},
        wheelchair=wheelchair,
        seniors=seniors,
        pram=pram,
        has_accessible_toilet=toilet,
    )
    return place


def make_municipality(name: str = "Tábor", **fields) -> Municipality:
    lon, lat = TABOR
    square = Polygon.from_bbox((lon - 0.1, lat - 0.1, lon + 0.1, lat + 0.1))
    square.srid = 4326
    return Municipality.objects.create(
        name=name, code=fields.pop("code", str(next(_codes))), geom=MultiPolygon(square, srid=4326)
    )


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
