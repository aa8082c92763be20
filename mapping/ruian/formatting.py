"""An address point written the Czech way, and its keys for matching. Pure module (no Django).

"U elektrárny 9/10, Praha 7": street, číslo popisné / orientační (with its letter), town; a
village without streets: "Trojanovice č.p. 2", or "Hájov č.p. 12, Příbor" when the part of the
municipality is not the municipality itself. A číslo evidenční is always marked "č.ev.".
"""

from mapping.catalogue.addresses import AddressKey, address_keys

DESCRIPTIVE, REGISTRATION = "č.p.", "č.ev."


def house_number_text(building_type: str, number: int, orientation: int | None, letter: str) -> str:
    """ "1163/12a" for a číslo popisné, "ev. 12" for a číslo evidenční (as Czech post writes it)."""
    text = str(number) if building_type == DESCRIPTIVE else f"ev. {number}"
    if orientation:
        text += f"/{orientation}{letter}"
    return text


def town_name(municipality: str, district: str) -> str:
    """Praha's districts are written as the town ("Praha 7"); other districts are not."""
    return district if district and district.startswith(municipality) else municipality


def address_label(
    *,
    municipality: str,
    district: str,
    part: str,
    street: str,
    building_type: str,
    number: int,
    orientation: int | None,
    letter: str,
) -> str:
    town = town_name(municipality, district)
    if street:
        if building_type == DESCRIPTIVE:
            numbers = house_number_text(building_type, number, orientation, letter)
        else:
            numbers = f"{REGISTRATION} {number}"
            if orientation:
                numbers += f"/{orientation}{letter}"
        return f"{street} {numbers}, {town}"
    place = part or municipality
    label = f"{place} {building_type} {number}"
    return label if place == municipality else f"{label}, {town}"


def point_keys(
    *,
    municipality: str,
    district: str,
    part: str,
    street: str,
    building_type: str,
    number: int,
    orientation: int | None,
    letter: str,
) -> set[AddressKey]:
    """Every key (mapping/catalogue/addresses.py) under which this address point can be found."""
    if building_type != DESCRIPTIVE:
        # Catalogue addresses hardly ever give a číslo evidenční; never match one by a bare number.
        return set()
    street_or_part = street or part
    numbers = house_number_text(building_type, number, orientation, letter)
    keys: set[AddressKey] = set()
    for town in {municipality, town_name(municipality, district)}:
        keys |= address_keys(street_or_part, numbers, town)
        if street and orientation:
            # In a town with streets, "Husova 12" often means the orientation number alone.
            keys |= address_keys(street, f"{orientation}{letter}", town)
    return keys
