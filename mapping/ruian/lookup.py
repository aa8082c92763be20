"""Finding RÚIAN address points: by code or postal address (the catalogue), by position (the
survey), and making a place of one."""

import re

from django.contrib.gis.geos import Point
from django.db.models import CharField, Func, Q, Value
from django.db.models.functions import Lower

from mapping.addresses import address_keys, fold
from mapping.models import AddressPoint, Municipality, Place, PlaceKind
from mapping.models.geo import GeographyDistance
from mapping.ruian.formatting import AddressParts, house_number_text, town_name

SOURCE = "ruian"
# Candidates read for one address: one street's numbers in one town are far fewer.
MAX_CANDIDATES = 500


def _town_names(town: str) -> set[str]:
    """Municipalities a postal town may name: "Praha 7" is Praha, "Ostrava - Vítkovice" Ostrava."""
    names = {fold(town), fold(re.split(r"\s+-\s+", town.strip())[0])}
    names |= {re.sub(r"\s+\d+$", "", name) for name in names}
    return {name for name in names if name}


def matching_points(
    *,
    code: int | None = None,
    street: str = "",
    house_number: str = "",
    town: str = "",
    municipality_code: str = "",
) -> list[AddressPoint]:
    """The address points with this code, else with this postal address (several if ambiguous)."""
    if code:
        point = AddressPoint.objects.filter(code=code).first()
        if point is not None:
            return [point]
    wanted = address_keys(street, house_number, town)
    numbers = {int(n) for n in re.findall(r"\d+", house_number or "")}
    if not wanted or not numbers:
        return []
    candidates = AddressPoint.objects.filter(
        Q(house_number__in=numbers) | Q(orientation_number__in=numbers)
    )
    if municipality_code:
        candidates = candidates.filter(municipality_code=municipality_code)
    else:
        folded = Func(Lower("municipality_name"), function="bf_unaccent", output_field=CharField())
        names = [
            Func(Value(name), function="bf_unaccent", output_field=CharField())
            for name in _town_names(town)
        ]
        candidates = candidates.alias(town=folded).filter(town__in=names)
    return [
        point for point in candidates[:MAX_CANDIDATES] if AddressParts.of(point).keys() & wanted
    ]


def nearest_point(point: Point, metres: float) -> AddressPoint | None:
    """The address point nearest to `point` (WGS 84) within `metres`, or None."""
    return (
        AddressPoint.objects.annotate(distance_m=GeographyDistance("geom", point))
        .filter(distance_m__lte=metres)
        .order_by("distance_m", "code")
        .first()
    )


def place_fields(point: AddressPoint) -> dict:
    """A place's address fields filled from an address point."""
    street = point.street
    if not street and point.part_name != point.municipality_name:
        street = point.part_name  # "Hájov 12, Příbor": the part stands where the street would
    return {
        "street": street,
        "house_number": house_number_text(
            point.building_number_type,
            point.house_number,
            point.orientation_number,
            point.orientation_letter,
        ),
        "city": town_name(point.municipality_name, point.district_name),
        "postcode": point.postcode,
        "ruian_address_code": point.code,
    }


def municipality_of(point: AddressPoint) -> Municipality | None:
    return Municipality.objects.filter(code=point.municipality_code).first() or Municipality.at(
        point.geom
    )


def place_from_point(
    point: AddressPoint, purposes: list[str], name: str = ""
) -> tuple[Place, bool]:
    """The place made from this address point: the one made before, else a new building, called
    `name` (the facility's) or, without one, by its address."""
    place = Place.objects.filter(source=SOURCE, source_id=str(point.code)).first()
    if place is not None:
        return place, False
    place = Place(
        name=(name or point.label)[:300],
        kind=PlaceKind.BUILDING,
        purposes=purposes,
        municipality=municipality_of(point),
        location=point.geom,
        source=SOURCE,
        source_id=str(point.code),
        **place_fields(point),
    )
    place.full_clean()
    place.save()
    return place, True
