"""Czech names and postal addresses reduced to keys that survive spelling differences: the
catalogue's import, the RÚIAN address points and the route planner's search all compare by them.

Pure module (no Django). `fold` is the form in which names are compared. "nám. Sigmunda Freuda
33, 742 58 Příbor" and "Náměstí Sigmunda Freuda 33, Příbor" give the same key (street, house
number, town), folded and without abbreviations. A number "1163/12" (číslo popisné / orientační)
matches "1163" too.
"""

import re
import unicodedata
from dataclasses import dataclass

ABBREVIATIONS = (
    (re.compile(r"\bnam\.\s*"), "namesti "),
    (re.compile(r"\btr\.\s*"), "trida "),
    (re.compile(r"\bul\.\s*"), ""),
    (re.compile(r"\bsv\.\s*"), "svateho "),
)
POSTCODE = re.compile(r"\b\d{3}\s?\d{2}\b")
STREET_AND_NUMBER = re.compile(
    r"^(?P<street>.*?)\s*(?P<number>\d+[a-z]?(?:\s*/\s*\d+[a-z]?)?)$", re.IGNORECASE
)

AddressKey = tuple[str, str, str]


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: the form in which names are compared."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


@dataclass(frozen=True)
class ParsedAddress:
    street: str
    house_number: str
    town: str
    postcode: str = ""


def _fold_street(text: str) -> str:
    folded = fold(text)
    for pattern, replacement in ABBREVIATIONS:
        folded = pattern.sub(replacement, folded)
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def _fold_town(text: str) -> str:
    # "Ostrava - Vítkovice" and "Ostrava-Vítkovice" are parts of Ostrava: the town decides.
    # "Frýdek-Místek" (no spaces) is one town and stays whole.
    town = re.split(r"\s+-\s+", text.strip())[0]
    return " ".join(re.sub(r"[^\w\s]", " ", fold(town)).split())


def parse_address(text: str, town: str = "") -> ParsedAddress | None:
    """Split "Street 12/3, 742 58 Town" (parts in any order); None if no house number."""
    parts = [p.strip() for p in str(text or "").split(",") if p.strip()]
    street = number = ""
    others: list[str] = []
    postcode = postal_town = ""
    for part in parts:
        code = POSTCODE.search(part)
        if code:
            postcode = code.group(0).replace(" ", "")
            part = POSTCODE.sub("", part).strip()
            if not part:
                continue
            if not STREET_AND_NUMBER.match(part):
                # "742 58 Příbor": the town of the postcode beats a district named elsewhere.
                postal_town = part
                continue
        match = STREET_AND_NUMBER.match(part)
        if match and not number:
            street, number = match.group("street").strip(), match.group("number")
        else:
            others.append(part)
    if not number:
        return None
    town = town or postal_town or (others[0] if others else "")
    if not town and street:
        # A village without streets: "Kateřinice 228".
        town = street
    return ParsedAddress(street, number.replace(" ", ""), town, postcode)


def _number_variants(number: str) -> set[str]:
    folded = fold(number).replace(" ", "")
    variants = {folded}
    if "/" in folded:
        variants.add(folded.split("/")[0])
    return {v for v in variants if v}


def address_keys(street: str, house_number: str, town: str) -> set[AddressKey]:
    """Every key under which an address can be found; empty if it has no number or town."""
    town_key = _fold_town(town)
    street_key = _fold_street(street)
    numbers = _number_variants(house_number)
    if not town_key or not numbers:
        return set()
    keys = {(street_key, n, town_key) for n in numbers}
    # Villages without named streets: "Kateřinice 228" has the town where the street would be.
    if not street_key or street_key == town_key:
        keys |= {("", n, town_key) for n in numbers} | {(town_key, n, town_key) for n in numbers}
    return keys
