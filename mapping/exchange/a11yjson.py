"""Published places as A11yJSON PlaceInfo (accessibility.cloud, Wheelmap), one GeoJSON Feature each.

Checked against the official SimpleSchema definitions of @sozialhelden/a11yjson 31.1.0 by
tools/a11yjson-validator. PlaceInfo itself has no "type" key; we add "type": "Feature" so that
GeoJSON readers accept the collection (the validator drops it before validating).

Profiles: wheelchair -> accessibleWith / partiallyAccessibleWith `wheelchair` and
wheelchairAccessibilityGrade; seniors and reduced mobility -> `mobilityImpairment`. A11yJSON has no
pram profile, so the pram category is not exported here (it is in the Mapy bez bariér export).
"""

from mapping.exchange.mbb_schema import CATEGORY_FROM_EXCHANGE

_GRADE = {"accessible": "fully", "partly": "partially", "inaccessible": "not"}


def _cs(text: str) -> dict:
    return {"cs": text}


def _cm(value: float) -> dict:
    """A11yJSON Length quantity; the validator takes the object form, not "90cm" strings."""
    return {"value": value, "unit": "cm"}


def _profiles(accessibility: dict, profile: str, category: str) -> None:
    if category == "accessible":
        accessibility.setdefault("accessibleWith", {})[profile] = True
    elif category == "partly":
        accessibility.setdefault("partiallyAccessibleWith", {})[profile] = True
        accessibility.setdefault("accessibleWith", {})[profile] = False
    elif category == "inaccessible":
        accessibility.setdefault("accessibleWith", {})[profile] = False
        accessibility.setdefault("partiallyAccessibleWith", {})[profile] = False


def _entrance(answers: dict, number: int) -> dict | None:
    p = f"entrance{number}"
    if not any(k.startswith(p) for k in answers):
        return None
    access = answers.get(f"{p}Accessibility")
    props: dict = {
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
    counts = [answers.get(f"{p}Steps{n}NumberOf") for n in (1, 2)]
    if any(isinstance(c, int) for c in counts):
        stairs: dict = {"count": sum(c for c in counts if isinstance(c, int))}
        heights = [answers.get(f"{p}Steps{n}Height") for n in (1, 2)]
        heights = [h for h in heights if isinstance(h, int)]
        if heights:
            stairs["stepHeight"] = _cm(max(heights))
        props["stairs"] = stairs
    door: dict = {}
    widths = [answers.get(f"{p}Door{n}MainpanelWidth") for n in (1, 2)]
    widths = [w for w in widths if isinstance(w, int)]
    if widths:
        door["width"] = _cm(min(widths))
    thresholds = [answers.get(f"{p}Door{n}StepHeight") for n in (1, 2)]
    thresholds = [t for t in thresholds if isinstance(t, int)]
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


def _restroom(toilet: dict, category: str | None) -> dict:
    room: dict = {}
    if category in _GRADE:
        room["isAccessibleWithWheelchair"] = category != "inaccessible"
    width, depth = toilet.get("wcCabinWidth"), toilet.get("wcCabinDepth")
    sizes = [v for v in (width, depth) if isinstance(v, int)]
    if sizes:
        room["turningSpaceInside"] = _cm(min(sizes))
    if isinstance(toilet.get("wcIsChangingdesk"), bool):
        room["hasChangingTableForBabies"] = toilet["wcIsChangingdesk"]
    bowl: dict = {}
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


def place_info(place, assessment) -> dict:
    answers = assessment.answers or {}
    accessibility: dict = {}
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
        wheelchair_parking: dict = {}
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

    address: dict = {"countryCode": "CZE"}
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
    properties: dict = {
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
