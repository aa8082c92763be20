"""Published places as A11yJSON PlaceInfo (accessibility.cloud, Wheelmap), one GeoJSON Feature each.

Checked against the official SimpleSchema definitions of @sozialhelden/a11yjson 31.1.0 by
tools/a11yjson-validator. PlaceInfo itself has no "type" key; we add "type": "Feature" so that
GeoJSON readers accept the collection (the validator drops it before validating).

Profiles: wheelchair -> accessibleWith / partiallyAccessibleWith `wheelchair` and
wheelchairAccessibilityGrade; seniors and reduced mobility -> `mobilityImpairment`. A11yJSON has no
pram profile, so the pram category is not exported here (it is in the Mapy bez bariér export).
"""

from collections.abc import Iterable
from typing import Any

from mapping.exchange.mbb_schema import CATEGORY_FROM_EXCHANGE
from mapping.models import Assessment, Place

_GRADE = {"accessible": "fully", "partly": "partially", "inaccessible": "not"}


def _cs(text: str) -> dict[str, Any]:
    return {"cs": text}


def _cm(value: float) -> dict[str, Any]:
    """A11yJSON Length quantity; the validator takes the object form, not "90cm" strings."""
    return {"value": value, "unit": "cm"}


def _ints(values: Iterable[object]) -> list[int]:
    """The whole numbers among the answers' values (a field may be absent or mistyped)."""
    return [v for v in values if isinstance(v, int)]


def _profiles(accessibility: dict[str, Any], profile: str, category: str) -> None:
    if category == "accessible":
        accessibility.setdefault("accessibleWith", {})[profile] = True
    elif category == "partly":
        accessibility.setdefault("partiallyAccessibleWith", {})[profile] = True
        accessibility.setdefault("accessibleWith", {})[profile] = False
    elif category == "inaccessible":
        accessibility.setdefault("accessibleWith", {})[profile] = False
        accessibility.setdefault("partiallyAccessibleWith", {})[profile] = False


def _entrance(answers: dict[str, Any], number: int) -> dict[str, Any] | None:
    p = f"entrance{number}"
    if not any(k.startswith(p) for k in answers):
        return None
    access = answers.get(f"{p}Accessibility")
    props: dict[str, Any] = {
        "name": _cs("hlavní vstup" if number == 1 else "vedlejší vstup"),
        "isMainEntrance": number == 1,
    }
    if access:
        props["isLevel"] = access == "NoelevationEntranceAccessibility"
    relation = "mainEntrance" if number == 1 else "sideEntrance"
    ramps = [r for r in answers.get("rampskids", []) if r.get("rampRelation") == relation]
    if access == "RampEntranceAccessibility" or any(
        r.get("rampMobility") == "FixedRampSkidsMobility" for r in ramps
    ):
        props["hasFixedRamp"] = True
    if any(r.get("skidsMobility") == "MobileRampSkidsMobility" for r in ramps):
        props["hasRemovableRamp"] = True
    if access == "PlatformEntranceAccessibility" or any(
        t.get("platformRelation") == relation for t in answers.get("platform", [])
    ):
        props["hasHoist"] = True
    counts = _ints(answers.get(f"{p}Steps{n}NumberOf") for n in (1, 2))
    if counts:
        stairs: dict[str, Any] = {"count": sum(counts)}
        heights = _ints(answers.get(f"{p}Steps{n}Height") for n in (1, 2))
        if heights:
            stairs["stepHeight"] = _cm(max(heights))
        props["stairs"] = stairs
    door: dict[str, Any] = {}
    widths = _ints(answers.get(f"{p}Door{n}MainpanelWidth") for n in (1, 2))
    if widths:
        door["width"] = _cm(min(widths))
    thresholds = _ints(answers.get(f"{p}Door{n}StepHeight") for n in (1, 2))
    if thresholds:
        door["thresholdHeight"] = _cm(max(thresholds))
    if answers.get(f"{p}Door1Opening") == "AutomaticDoorOpening":
        door["isAutomatic"] = True
    direction = answers.get(f"{p}Door1OpeningDirection")
    if direction in ("OutwardsDoorOpeningDirection", "InwardsDoorOpeningDirection"):
        door["doorOpensToOutside"] = direction == "OutwardsDoorOpeningDirection"
    if door:
        props["door"] = door
    return {"properties": props}


def _restroom(toilet: dict[str, Any], category: str | None) -> dict[str, Any]:
    room: dict[str, Any] = {}
    if category in _GRADE:
        room["isAccessibleWithWheelchair"] = category != "inaccessible"
    width, depth = toilet.get("wcCabinWidth"), toilet.get("wcCabinDepth")
    sizes = [v for v in (width, depth) if isinstance(v, int)]
    if sizes:
        room["turningSpaceInside"] = _cm(min(sizes))
    if isinstance(toilet.get("wcIsChangingdesk"), bool):
        room["hasChangingTableForBabies"] = toilet["wcIsChangingdesk"]
    bowl: dict[str, Any] = {}
    if isinstance(toilet.get("wcBasinSeatHeight"), int):
        bowl["heightOfBase"] = _cm(toilet["wcBasinSeatHeight"])
    if isinstance(toilet.get("wcBasinLeftDistance"), int):
        bowl["spaceOnUsersLeftSide"] = _cm(toilet["wcBasinLeftDistance"])
    if isinstance(toilet.get("wcBasinRightDistance"), int):
        bowl["spaceOnUsersRightSide"] = _cm(toilet["wcBasinRightDistance"])
    handles = [toilet.get("handle1Type"), toilet.get("handle2Type")]
    if any(handles):
        bowl["hasGrabBars"] = True
    if bowl:
        room["toilet"] = bowl
    if toilet.get("washbasinUnderpass"):
        room["washBasin"] = {
            "accessibleWithWheelchair": toilet["washbasinUnderpass"]
            == "SufficientWashbasinUnderpass"
        }
    return room


def place_info(place: Place, assessment: Assessment) -> dict[str, Any]:
    answers = assessment.answers or {}
    accessibility: dict[str, Any] = {}
    _profiles(accessibility, "wheelchair", assessment.wheelchair)
    _profiles(accessibility, "mobilityImpairment", assessment.seniors)
    if assessment.wheelchair in _GRADE:
        accessibility["wheelchairAccessibilityGrade"] = _GRADE[assessment.wheelchair]
    entrances = [e for n in (1, 2) if (e := _entrance(answers, n))]
    if entrances:
        accessibility["entrances"] = entrances
    computed_wc = (assessment.result or {}).get("wc") or []
    toilets = answers.get("wc", [])
    if toilets:
        accessibility["restrooms"] = [
            _restroom(
                t,
                computed_wc[i]
                if i < len(computed_wc)
                else CATEGORY_FROM_EXCHANGE.get(t.get("wcAccessibility", "")),
            )
            for i, t in enumerate(toilets)
        ]
    if answers.get("entrance1IsReservedParking"):
        wheelchair_parking: dict[str, Any] = {}
        if isinstance(answers.get("entrance1NumberOfReservedParking"), int):
            wheelchair_parking["count"] = answers["entrance1NumberOfReservedParking"]
        if answers.get("entrance1ReservedParkingLocalization"):
            wheelchair_parking["location"] = _cs(answers["entrance1ReservedParkingLocalization"])
        accessibility["parking"] = {"forWheelchairUsers": wheelchair_parking}
    if answers.get("entrance1Guidingline") in (
        "ArtificialEntranceGuidingline",
        "NaturalArtificialEntranceGuidingline",
    ):
        accessibility["hasTactileGuideStrips"] = True
    if isinstance(answers.get("sensoryIsInductionLoop"), bool):
        accessibility["hasInductionLoop"] = answers["sensoryIsInductionLoop"]

    address: dict[str, Any] = {"countryCode": "CZE"}
    if place.address:
        address["text"] = _cs(place.address)
    for key, value in (
        ("street", place.street),
        ("house", place.house_number),
        ("postalCode", place.postcode),
        ("city", place.city),
    ):
        if value:
            address[key] = _cs(value)
    properties: dict[str, Any] = {
        "name": _cs(place.name),
        "category": (list(place.purposes) or [place.kind])[0],
        "address": address,
        "accessibility": accessibility,
        "originalId": str(place.pk),
    }
    if place.description:
        properties["description"] = _cs(place.description)
    if answers.get("webUrl", "").startswith(("http://", "https://")):
        properties["placeWebsiteUrl"] = answers["webUrl"]
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [place.location.x, place.location.y]},
        "properties": properties,
    }
