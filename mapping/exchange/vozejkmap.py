"""VozejkMap.cz open data (GeoJSON of points) as Mapy bez bariér exchange objects.

Each Feature becomes one exchange object, as Mapybezbarier's own VozejkmapParser builds it:
title, description, position, objectType from `location_type`, entrance1IsReservedParking from
`attr3`, `accessibility` from `attr2` (yes -> accessible, no -> partly; the national aggregator's
reading, kept so that the object is valid in the standard), and the raw attributes in
`externalData` (JSON: attr2, attr3, author_name, location_type and attr1 with their labels).
Beyond that parser, `attr1` (how the entrance is reached) gives entrance1Accessibility and the
ramp, lift and platform lifts it names, so that the engine has something to categorise.

VozejkMap declares no MKPO category (attr2's meaning is not documented), so the import stores no
declared categories for it and flags nothing; its crowd-sourced records are imported as
submitted, for a coordinator to approve, unless the caller asks to publish them.
"""

import json
from typing import Any

from django.utils.translation import gettext as _

from mapping.exchange.mbb_format import DocumentError, ParsedObject, check_object
from mapping.exchange.mbb_schema import FieldError
from mapping.models import PlaceKind, Purpose
from mapping.progress import READ, Progress

# location_type -> (objectType as VozejkmapParser maps it, our kind, our purposes).
LOCATION_TYPES: dict[int, tuple[str, str, str, list[str]]] = {
    1: ("Kultura", "CulturalFacility", PlaceKind.BUILDING, [Purpose.CULTURE]),
    2: ("Sport", "SportsFacility", PlaceKind.BUILDING, [Purpose.SPORT]),
    3: ("Instituce", "Institution", PlaceKind.BUILDING, [Purpose.OFFICE]),
    4: ("Jídlo a pití", "Restaurant", PlaceKind.BUILDING, [Purpose.FOOD]),
    5: ("Ubytování", "Hotel", PlaceKind.BUILDING, [Purpose.ACCOMMODATION]),
    6: ("Lékaři, lékárny", "Doctor", PlaceKind.BUILDING, [Purpose.HEALTH]),
    7: ("Jiné", "Service", PlaceKind.BUILDING, [Purpose.OTHER]),
    8: ("Doprava", "Transport", PlaceKind.TRANSPORT_STOP, [Purpose.TRANSPORT]),
    9: ("Veřejné WC", "PublicToilet", PlaceKind.TOILET, []),
    10: ("Benzínka", "GasStation", PlaceKind.BUILDING, [Purpose.TRANSPORT]),
    11: ("Obchod", "Store", PlaceKind.BUILDING, [Purpose.SHOP]),
    12: ("Banka, bankomat", "Bank", PlaceKind.BUILDING, [Purpose.FINANCE]),
    13: ("Parkoviště", "Service", PlaceKind.PARKING, [Purpose.TRANSPORT]),
    14: ("Prodejní a servisní místa Škoda Auto", "CarDealer", PlaceKind.BUILDING, [Purpose.SHOP]),
    15: ("Škoda Handy", "Service", PlaceKind.BUILDING, [Purpose.OTHER]),
}
_RAMP = "ramp"
_LIFT = "lift"
_STAIR_LIFT = "stair_lift"  # schodišťová plošina: an inclined platform lift
_PLATFORM = "platform"  # zdviž: a vertical platform lift
# attr1 -> (label, what gets you in).
ATTR1: dict[int, tuple[str, tuple[str, ...]]] = {
    1: ("Bez schodů", ()),
    2: ("Nájezd či rampa", (_RAMP,)),
    3: ("Výtah", (_LIFT,)),
    4: ("Schodišťová plošina", (_STAIR_LIFT,)),
    5: ("Zdviž", (_PLATFORM,)),
    6: ("Nájezd či rampa + výtah", (_RAMP, _LIFT)),
    7: ("Nájezd či rampa + schodišťová plošina", (_RAMP, _STAIR_LIFT)),
    8: ("Nájezd či rampa + zdviž", (_RAMP, _PLATFORM)),
    9: ("Zdviž + schodišťová plošina", (_PLATFORM, _STAIR_LIFT)),
    10: ("Zdviž + výtah", (_PLATFORM, _LIFT)),
    11: ("Výtah + schodišťová plošina", (_LIFT, _STAIR_LIFT)),
}
DATASET_DATE = "2015-11-13T00:00:00"


def _entrance(attr1: object) -> dict[str, Any]:
    if not isinstance(attr1, int) or attr1 not in ATTR1:
        return {}
    means = ATTR1[attr1][1]
    out: dict[str, Any] = {}
    if _RAMP in means:
        out["entrance1Accessibility"] = "RampEntranceAccessibility"
        out["rampskids"] = [
            {"rampRelation": "mainEntrance", "rampLocalization": "EntranceRampSkidsLocalization"}
        ]
    elif _STAIR_LIFT in means or _PLATFORM in means:
        out["entrance1Accessibility"] = "PlatformEntranceAccessibility"
    else:
        # Level, or a lift reached from a level entrance.
        out["entrance1Accessibility"] = "NoelevationEntranceAccessibility"
    platforms = [
        {"platformRelation": "mainEntrance", "platformType": kind}
        for mean, kind in (
            (_STAIR_LIFT, "InclinedPlatformType"),
            (_PLATFORM, "VerticalPlatformType"),
        )
        if mean in means
    ]
    if platforms:
        out["platform"] = platforms
    if _LIFT in means:
        out["elevator"] = [{"elevatorType": "PersonalElevatorType"}]
    return out


def _external_data(props: dict[str, Any]) -> str:
    data: dict[str, Any] = {k: props.get(k) for k in ("attr2", "attr3", "author_name")}
    location_type = props.get("location_type")
    if location_type:
        label = LOCATION_TYPES.get(location_type, (None,))[0]
        data["location_type"] = {"id": location_type, "title": label}
    attr1 = props.get("attr1")
    if attr1:
        data["attr1"] = {"id": attr1, "title": ATTR1.get(attr1, (None,))[0]}
    return json.dumps(data, ensure_ascii=False)


def feature_to_object(feature: dict[str, Any], mapping_date: str = DATASET_DATE) -> dict[str, Any]:
    props = feature.get("properties") or {}
    lon, lat = feature["geometry"]["coordinates"][:2]
    known = LOCATION_TYPES.get(props.get("location_type") or 0)
    object_type = (known[1] if known else "Other") + "ObjectCategory"
    attr2 = props.get("attr2")
    obj = {
        "objectId": props["id"],
        "title": str(props.get("title") or ""),
        "accessibility": (
            "AccessibleObjectMKPO"
            if attr2 == "yes"
            else ("PartlyAccessibleObjectMKPO" if attr2 else "InAccessibleObjectMKPO")
        ),
        "mappingDate": mapping_date,
        "objectType": object_type,
        "longitude": lon,
        "latitude": lat,
        "entrance1IsReservedParking": props.get("attr3") == "yes",
        "externalData": _external_data(props),
        **_entrance(props.get("attr1")),
    }
    if props.get("description"):
        obj["description"] = str(props["description"])
    return obj


def place_overrides(feature: dict[str, Any]) -> dict[str, Any]:
    location_type = (feature.get("properties") or {}).get("location_type")
    if location_type not in LOCATION_TYPES:
        return {}
    _, _, kind, purposes = LOCATION_TYPES[location_type]
    return {"kind": str(kind), "purposes": [str(p) for p in purposes]}


def load_features(data: bytes) -> list[Any]:
    """The features of a GeoJSON FeatureCollection; DocumentError when it is not one."""
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as e:
        raise DocumentError(_("The file is not valid JSON: %(error)s") % {"error": e}) from None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        raise DocumentError(_("A VozejkMap file is a GeoJSON FeatureCollection."))
    features = doc.get("features") or []
    if not isinstance(features, list):
        raise DocumentError(_("A VozejkMap file is a GeoJSON FeatureCollection."))
    return features


def _parsed(index: int, feature: object, mapping_date: str) -> ParsedObject:
    feature = feature if isinstance(feature, dict) else {}
    geometry = feature.get("geometry") or {}
    props = feature.get("properties") or {}
    if geometry.get("type") != "Point" or len(geometry.get("coordinates") or []) < 2:
        error = FieldError(index, "geometry", _("a VozejkMap place must be a Point"))
        return ParsedObject(index, {}, [error])
    if not isinstance(props.get("id"), int):
        error = FieldError(index, "id", _("a VozejkMap place needs its numeric id"))
        return ParsedObject(index, {}, [error])
    obj = feature_to_object(feature, mapping_date)
    return ParsedObject(index, obj, check_object(obj, index), [], place_overrides(feature))


def read_geojson(
    data: bytes, mapping_date: str = DATASET_DATE, progress: Progress | None = None
) -> list[ParsedObject]:
    """The file's places as exchange objects; `progress` (mapping.progress) hears of each."""
    features = load_features(data)
    out = []
    for index, feature in enumerate(features):
        out.append(_parsed(index, feature, mapping_date))
        if progress is not None:
            progress(READ, index + 1, len(features))
    return out
