"""Places near a volunteer: metres on the spheroid through geography (Place.with_distance_to)."""

from django.contrib.gis.geos import Point

from mapping.models import Assessment, Municipality, Place

NEAR_MAX_METRES = 5000
NEAR_MAX_RESULTS = 50


class BadPosition(ValueError):
    """A position or radius the survey cannot use (HTTP 400)."""


def parse_position(lat, lon) -> Point:
    try:
        latitude, longitude = float(lat), float(lon)
    except (TypeError, ValueError):
        raise BadPosition("not numbers") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise BadPosition("out of range")
    return Point(longitude, latitude, srid=4326)


def outside_the_area(point: Point) -> bool:
    """Whether `point` lies outside every municipality of this deployment: a photo from a
    holiday, a mistyped coordinate. Never when the deployment has no municipalities yet."""
    municipalities = Municipality.objects.all()
    return municipalities.exists() and not municipalities.filter(geom__intersects=point).exists()


def places_near(point: Point, metres: float, user, limit: int = 20) -> list[dict]:
    """The nearest places within `metres` that `user` may see, closest first, with their
    published category."""
    metres = max(1.0, min(float(metres), NEAR_MAX_METRES))
    limit = max(1, min(int(limit), NEAR_MAX_RESULTS))
    places = (
        Place.objects.visible_to(user)
        .within_metres(point, metres)
        .with_distance_to(point)
        .order_by("distance_m", "id")[:limit]
    )
    approved = dict(
        Assessment.objects.published()
        .filter(place__in=[p.pk for p in places])
        .values_list("place_id", "wheelchair")
    )
    return [
        {
            "id": place.pk,
            "name": place.name,
            "kind": place.kind,
            "kind_label": str(place.get_kind_display()),
            "address": " ".join(filter(None, [place.street, place.house_number, place.city])),
            "lat": place.location.y,
            "lon": place.location.x,
            "distance_m": round(place.distance_m),
            "wheelchair": approved.get(place.pk, ""),
        }
        for place in places
    ]
