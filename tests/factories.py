"""Small factories for tests: explicit SRIDs, sensible defaults, nothing hidden."""

import itertools
from datetime import date

from django.contrib.gis.geos import Point

from mapping.models import Assessment, Place, ReviewStatus, Role, User

_counter = itertools.count(1)

# Velké náměstí, Písek.
TOWN_CENTRE = (14.1474, 49.3089)


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
