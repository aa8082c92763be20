"""An exchange object <-> our Place and Assessment columns.

What goes where (the round trip MbB -> us -> MbB keeps every field):
- Assessment.answers holds the WHOLE exchange object as imported, every field of the standard
  (place-level ones too: title, position, address, objectType, dates, ids, licence, ...), so the
  export starts from it and loses nothing.
- A copy of the place-level fields fills Place's columns (name, kind, purposes, description,
  street, house number, town, postcode, RÚIAN code, location) and Assessment.survey_date, where
  people search, filter and edit them. On export a column overrides the answer only if it no
  longer equals what the import derived from that answer, i.e. when someone edited the place.
- An object without a Mapy bez bariér id of its own (a place surveyed here) is written with this
  map's place id as `objectId` and MAPYBEZBARIER_SOURCE_ID as `sourceId`.
- The declared categories (accessibility, accessibilitySeniors, accessibilityPram and each toilet's
  wcAccessibility) go to Assessment.declared; the computed ones come from the engine.
"""

import copy
import re
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.gis.geos import Point

from mapping.exchange.mbb_schema import (
    ARRAYS,
    CATEGORY_FROM_EXCHANGE,
    OBJECT_CATEGORIES,
    PROFILE_KEYS,
    WC_CATEGORIES,
    field_types,
)
from mapping.exchange.object_types import kind_and_purposes, object_type_for
from mapping.models import Assessment, Place

_HOUSE_NUMBER = re.compile(r"^(\d+)?(?:/(\d+))?(\D*)$")


def house_number(obj: dict[str, Any]) -> str:
    """Czech style: "114/3a" (číslo popisné / orientační + písmeno), "ev. 12" for evidenční."""
    desc, orient = obj.get("streetDescNo"), obj.get("streetOrientNo")
    symbol = obj.get("streetOrientSymbol") or ""
    text = str(desc) if desc is not None else ""
    if obj.get("streetNoIsAlternative") and text:
        text = f"ev. {text}"
    if orient is not None:
        text = f"{text}/{orient}{symbol}" if text else f"{orient}{symbol}"
    return text[:20]


def parse_house_number(text: str) -> dict[str, Any]:
    """The inverse of house_number() for a number typed by hand: "114/3a", "114", "3a"."""
    text = text.replace(" ", "")
    alternative = text.startswith("ev.")
    match = _HOUSE_NUMBER.match(text.removeprefix("ev."))
    if not match:
        return {}
    desc, orient, symbol = match.groups()
    out: dict[str, Any] = {}
    if desc and orient is None and symbol:
        return {"streetOrientNo": int(desc), "streetOrientSymbol": symbol}
    if desc:
        out["streetDescNo"] = int(desc)
    if orient:
        out["streetOrientNo"] = int(orient)
    if symbol:
        out["streetOrientSymbol"] = symbol
    if alternative:
        out["streetNoIsAlternative"] = True
    return out


def place_fields(obj: dict[str, Any]) -> dict[str, Any]:
    """Place columns derived from an exchange object (which has a position)."""
    kind, purposes = kind_and_purposes(obj.get("objectType", ""))
    return {
        "name": obj.get("title", "")[:300],
        "kind": kind,
        "purposes": purposes,
        "description": obj.get("description", ""),
        "street": (obj.get("street") or "")[:200],
        "house_number": house_number(obj),
        "city": (obj.get("city") or "")[:200],
        "postcode": (obj.get("zipcode") or "")[:10],
        "ruian_address_code": obj.get("ruianAddress"),
        "location": Point(obj["longitude"], obj["latitude"], srid=4326),
    }


def survey_date(obj: dict[str, Any]) -> date:
    return date.fromisoformat(obj["mappingDate"][:10])


def declared_categories(obj: dict[str, Any]) -> dict[str, Any]:
    """The categories as the source declares them: {"wheelchair": "accessible", ...,
    "wc": ["partly", None]} (None for a toilet without a declared category)."""
    declared: dict[str, Any] = {
        profile: CATEGORY_FROM_EXCHANGE[obj[key]]
        for profile, key in PROFILE_KEYS.items()
        if obj.get(key) in CATEGORY_FROM_EXCHANGE
    }
    wcs = [CATEGORY_FROM_EXCHANGE.get(t.get("wcAccessibility", "")) for t in obj.get("wc", [])]
    if any(c is not None for c in wcs):
        declared["wc"] = wcs
    return declared


def disagreements(
    declared: dict[str, Any], computed: dict[str, Any], computed_wc: list[str]
) -> list[str]:
    """Which declared categories differ from the computed ones: ["wheelchair", "wc[1]"]."""
    out = [p for p in PROFILE_KEYS if p in declared and declared[p] != computed.get(p)]
    for i, category in enumerate(declared.get("wc", [])):
        if category is not None and (i >= len(computed_wc) or computed_wc[i] != category):
            out.append(f"wc[{i}]")
    return out


def _same(a: object, b: object) -> bool:
    if isinstance(a, Point) and isinstance(b, Point):
        return bool(a.coords == b.coords)
    return a == b


def exchange_object(
    place: Place, assessment: Assessment, categories: str = "computed"
) -> dict[str, Any]:
    """One published place as an exchange object.

    `categories="computed"` writes the categories we publish (the engine's); "declared" keeps the
    ones the source declared where it declared any (then an imported object exports exactly as it
    came in, even where our engine disagrees with it).
    """
    types = field_types()
    answers = assessment.answers or {}
    obj = {k: copy.deepcopy(v) for k, v in answers.items() if k in types and v is not None}
    derived = place_fields(answers) if _has_position(answers) else {}
    current: dict[str, Any] = {
        "name": place.name,
        "description": place.description,
        "street": place.street,
        "house_number": place.house_number,
        "city": place.city,
        "postcode": place.postcode,
        "ruian_address_code": place.ruian_address_code,
        "location": place.location,
    }
    to_exchange = {
        "name": "title",
        "description": "description",
        "street": "street",
        "city": "city",
        "postcode": "zipcode",
        "ruian_address_code": "ruianAddress",
    }
    for column, value in current.items():
        if column in derived and _same(derived[column], value):
            continue
        if column == "location":
            obj["longitude"], obj["latitude"] = value.x, value.y
        elif column == "house_number":
            for key in ("streetDescNo", "streetOrientNo", "streetOrientSymbol"):
                obj.pop(key, None)
            obj.pop("streetNoIsAlternative", None)
            obj.update(parse_house_number(value))
        elif value in ("", None):
            obj.pop(to_exchange[column], None)
        else:
            obj[to_exchange[column]] = value
    if "mappingDate" not in obj or survey_date(obj) != assessment.survey_date:
        obj["mappingDate"] = f"{assessment.survey_date.isoformat()}T00:00:00"
    if "objectType" not in obj or kind_and_purposes(obj["objectType"]) != (
        place.kind,
        list(place.purposes),
    ):
        obj["objectType"] = object_type_for(place.kind, list(place.purposes))
    _write_categories(obj, assessment, categories)
    if obj.get("objectId") is None:
        # A place of this map's own (surveyed here, or from a source without Mapy bez bariér
        # ids): its id here, under this map's source id, so that a re-import recognises it
        # (mapping/exchange/own_places.py). An imported object keeps the ids it came with.
        obj["objectId"] = place.pk
        obj["sourceId"] = settings.MAPYBEZBARIER_SOURCE_ID
    for array in ARRAYS:
        if array in obj and not obj[array]:
            del obj[array]
    return obj


def _has_position(obj: dict[str, Any]) -> bool:
    return isinstance(obj.get("longitude"), int | float) and isinstance(
        obj.get("latitude"), int | float
    )


def _write_categories(obj: dict[str, Any], assessment: Assessment, categories: str) -> None:
    computed = {
        "wheelchair": assessment.wheelchair,
        "seniors": assessment.seniors,
        "pram": assessment.pram,
    }
    for profile, key in PROFILE_KEYS.items():
        keep_declared = categories == "declared" and obj.get(key) in OBJECT_CATEGORIES.values()
        if computed[profile] and not keep_declared:
            obj[key] = OBJECT_CATEGORIES[computed[profile]]
    computed_wc = (assessment.result or {}).get("wc") or []
    for i, toilet in enumerate(obj.get("wc", [])):
        keep_declared = categories == "declared" and "wcAccessibility" in toilet
        if i < len(computed_wc) and computed_wc[i] in WC_CATEGORIES and not keep_declared:
            toilet["wcAccessibility"] = WC_CATEGORIES[computed_wc[i]]
