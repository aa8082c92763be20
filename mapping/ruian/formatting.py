"""An address point written the Czech way, and its keys for matching. Pure module (no Django).

"U elektrárny 9/10, Praha 7": street, číslo popisné / orientační (with its letter), town; a
village without streets: "Trojanovice č.p. 2", or "Hájov č.p. 12, Příbor" when the part of the
municipality is not the municipality itself. A číslo evidenční is always marked "č.ev.".
"""

from dataclasses import dataclass, fields

from mapping.addresses import AddressKey, address_keys

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


@dataclass(frozen=True)
class AddressParts:
    """The parts of an address point that its label and keys are made of, named (and ordered)
    as the model's fields: AddressParts.of(point) for a model instance or a parsed CSV row."""

    municipality_name: str
    district_name: str
    part_name: str
    street: str
    building_number_type: str
    house_number: int
    orientation_number: int | None
    orientation_letter: str

    @classmethod
    def of(cls, point) -> "AddressParts":
        return cls(*(getattr(point, part.name) for part in fields(cls)))

    def label(self) -> str:
        town = town_name(self.municipality_name, self.district_name)
        number = self.house_number
        if self.street:
            if self.building_number_type == DESCRIPTIVE:
                numbers = self._numbers()
            else:
                numbers = f"{REGISTRATION} {number}"
                if self.orientation_number:
                    numbers += f"/{self.orientation_number}{self.orientation_letter}"
            return f"{self.street} {numbers}, {town}"
        place = self.part_name or self.municipality_name
        label = f"{place} {self.building_number_type} {number}"
        return label if place == self.municipality_name else f"{label}, {town}"

    def keys(self) -> set[AddressKey]:
        """Every key (mapping/addresses.py) under which this address point is found."""
        if self.building_number_type != DESCRIPTIVE:
            # Catalogue addresses hardly ever give a číslo evidenční; never match one by a bare
            # number.
            return set()
        street, orientation, letter = (
            self.street,
            self.orientation_number,
            self.orientation_letter,
        )
        municipality = self.municipality_name
        keys: set[AddressKey] = set()
        for town in {municipality, town_name(municipality, self.district_name)}:
            keys |= address_keys(street or self.part_name, self._numbers(), town)
            if street and orientation:
                # In a town with streets, "Husova 12" often means the orientation number alone.
                keys |= address_keys(street, f"{orientation}{letter}", town)
        return keys

    def _numbers(self) -> str:
        return house_number_text(
            self.building_number_type,
            self.house_number,
            self.orientation_number,
            self.orientation_letter,
        )
