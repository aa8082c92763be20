"""Turn an approved assessment into what the detail page says: reasons in plain language, the
measured values with units, toilets and parking. Reads the exchange property names of
Mapy bez bariér in `answers`, and the engine's output in `result`; both may be partial.
"""

from dataclasses import dataclass

from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

PROFILE_KEYS = {
    "wheelchair": ("wheelchair", "accessibility"),
    "seniors": ("seniors", "accessibilitySeniors"),
    "pram": ("pram", "accessibilityPram"),
    "toilets": ("toilets", "toilet", "wc"),
}

ENUM_LABELS = {
    "NoelevationEntranceAccessibility": _("level, without steps"),
    "OneStepEntranceAccessibility": _("one step"),
    "MoreStepsEntranceAccessibility": _("more steps"),
    "PlatformEntranceAccessibility": _("by a platform lift"),
    "RampEntranceAccessibility": _("by a ramp"),
    "EntireObjectInteriorAccessibility": _("entirely accessible"),
    "PartObjectInteriorAccessibility": _("partly accessible"),
    "InaccessibleObjectInteriorAccessibility": _("inaccessible"),
    "AccessibleWCMKPO": _("accessible"),
    "PartlyAccessibleWCMKPO": _("partly accessible"),
    "InAccessibleWCMKPO": _("inaccessible"),
    "SelfcontainedWCCabinLocalization": _("a separate cabin"),
    "LadiesWCCabinLocalization": _("in the ladies' toilets"),
    "GentsWCCabinLocalization": _("in the gents' toilets"),
    "GentsLadiesWCCabinLocalization": _("in both the ladies' and the gents' toilets"),
    "FreelyaccessibleMappableEntityAccess": _("freely accessible"),
    "LockedMappableEntityAccess": _("locked"),
    "LockedEuroKeyMappableEntityAccess": _("locked, Euro key"),
}

CM = _("cm")
PERCENT = "%"

# (property, label, unit) of the building as a whole.
OBJECT_MEASUREMENTS = [
    ("objectInteriorAccessibility", _("Interior"), None),
    ("objectNarrowedPassageWidth", _("Narrowest passage inside"), CM),
    ("objectSteps1NumberOf", _("Steps inside"), None),
    ("objectStairsIsBannister", _("Stairs have a banister"), None),
]

# (suffix after "entranceN", label, unit) of each entrance.
ENTRANCE_MEASUREMENTS = [
    ("Accessibility", _("Way in"), None),
    ("Steps1NumberOf", _("Number of steps"), None),
    ("Steps1Height", _("Step height"), CM),
    ("LongitudinalInclination", _("Slope of the approach"), PERCENT),
    ("Door1MainpanelWidth", _("Door width (main panel)"), CM),
    ("Door1SidepanelWidth", _("Door width (side panel)"), CM),
    ("Door1StepHeight", _("Door threshold"), CM),
    ("Door2MainpanelWidth", _("Second door width (main panel)"), CM),
    ("Door2StepHeight", _("Second door threshold"), CM),
]

RAMP_MEASUREMENTS = [
    ("rampleg1Length", _("Ramp length"), CM),
    ("rampleg1Width", _("Ramp width"), CM),
    ("rampleg1Inclination", _("Ramp slope"), PERCENT),
    ("rampIsHandle", _("Ramp has a handrail"), None),
]

LIFT_MEASUREMENTS = [
    ("door1Width", _("Lift door width"), CM),
    ("elevatorCageWidth", _("Lift cabin width"), CM),
    ("elevatorCageDepth", _("Lift cabin depth"), CM),
]

TOILET_MEASUREMENTS = [
    ("wcCabinLocalization", _("Where"), None),
    ("wcCabinAccess", _("Access"), None),
    ("wcCabinWidth", _("Cabin width"), CM),
    ("wcCabinDepth", _("Cabin depth"), CM),
    ("wcBasinSeatHeight", _("Seat height"), CM),
]


@dataclass(frozen=True)
class Measurement:
    label: str
    value: str


def decimal_text(value: float) -> str:
    """A measurement as people write it in the active language: "6,5" in Czech, "6.5" in
    English; no trailing zeros ("90", not "90.0")."""
    return f"{value:g}".replace(".", get_format("DECIMAL_SEPARATOR"))


def _display(value: object, unit: object) -> str:
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, str):
        return str(ENUM_LABELS.get(value, value))
    if isinstance(value, int | float):
        number = decimal_text(value)
        return f"{number} {unit}" if unit else number
    return ""


def _measurements(data: dict, table: list, prefix: str = "") -> list[Measurement]:
    rows = []
    for key, label, unit in table:
        value = data.get(prefix + key)
        if value is None or value == "":
            continue
        text = _display(value, unit)
        if text:
            rows.append(Measurement(str(label), text))
    return rows


def measured_entrances(answers: dict) -> list[int]:
    """The numbers of the entrances (1, 2) the survey measured anything of."""
    if not isinstance(answers, dict):
        return []
    return [
        number
        for number in (1, 2)
        if _measurements(answers, ENTRANCE_MEASUREMENTS, prefix=f"entrance{number}")
    ]


def measurement_groups(answers: dict) -> list[tuple[str, list[Measurement]]]:
    """Headed groups of the measured values present in the answers."""
    if not isinstance(answers, dict):
        return []
    groups: list[tuple[str, list[Measurement]]] = []
    for number in measured_entrances(answers):
        rows = _measurements(answers, ENTRANCE_MEASUREMENTS, prefix=f"entrance{number}")
        groups.append((str(_("Entrance %(number)s") % {"number": number}), rows))
    rows = _measurements(answers, OBJECT_MEASUREMENTS)
    if rows:
        groups.append((str(_("Inside")), rows))
    for index, ramp in enumerate(_items(answers, "rampskids"), start=1):
        rows = _measurements(ramp, RAMP_MEASUREMENTS)
        if rows:
            groups.append((str(_("Ramp %(number)s") % {"number": index}), rows))
    for index, lift in enumerate(_items(answers, "elevator"), start=1):
        rows = _measurements(lift, LIFT_MEASUREMENTS)
        if rows:
            groups.append((str(_("Lift %(number)s") % {"number": index}), rows))
    return groups


def _items(answers: dict, key: str) -> list[dict]:
    value = answers.get(key) if isinstance(answers, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def toilets(answers: dict) -> list[tuple[str, list[Measurement]]]:
    """Each recorded toilet: its category in words, then its measurements."""
    rows = []
    for toilet in _items(answers, "wc"):
        category = ENUM_LABELS.get(toilet.get("wcAccessibility", ""), _("not categorised"))
        rows.append((str(category), _measurements(toilet, TOILET_MEASUREMENTS)))
    return rows


def parking(answers: dict) -> list[str]:
    """One sentence per entrance with reserved parking."""
    sentences = []
    if not isinstance(answers, dict):
        return sentences
    for number in (1, 2):
        if answers.get(f"entrance{number}IsReservedParking") is not True:
            continue
        count = answers.get(f"entrance{number}NumberOfReservedParking")
        where = answers.get(f"entrance{number}ReservedParkingLocalization") or ""
        text = str(_("Reserved parking at entrance %(number)s") % {"number": number})
        if isinstance(count, int):
            text += str(_(": %(count)s spaces") % {"count": count})
        if isinstance(where, str) and where:
            text += f" ({where})"
        sentences.append(text)
    return sentences


def _text(item: object, language: str) -> str:
    """The text of one reason in the language, whatever shape the engine gave it."""
    if isinstance(item, str):
        return item
    if not isinstance(item, dict):
        return ""
    for key in (language, f"text_{language}", f"message_{language}"):
        if isinstance(item.get(key), str):
            return item[key]
    for key in ("text", "message", "reason", "explanation", "description"):
        value = item.get(key)
        if isinstance(value, dict):
            text = _text(value, language)
            if text:
                return text
        elif isinstance(value, str):
            return value
    for key in ("cs", "en"):
        if isinstance(item.get(key), str):
            return item[key]
    return ""


def _profile_of(name: object) -> str:
    for profile, aliases in PROFILE_KEYS.items():
        if name in aliases:
            return profile
    return "general"


def _rule_of(owner: str, item: object) -> tuple | None:
    """(profile, rule, field) of an engine reason, which names them; None for plain texts."""
    if isinstance(item, dict) and item.get("rule") and item.get("field"):
        return (owner, item["rule"], item["field"])
    return None


def reasons_by_profile(result: dict, language: str) -> dict[str, list[str]]:
    """Reasons grouped by profile ("wheelchair", "seniors", "pram", "toilets", "general").

    Accepts `result["reasons"]` as a list (each reason may name its profile) or as a mapping
    profile -> list, and per-profile blocks `result[profile]["reasons"]` or
    `result["profiles"][profile]["reasons"]`. An empty or unknown result gives no reasons.
    """
    grouped: dict[str, list[str]] = {}
    if not isinstance(result, dict):
        return grouped

    # A rule broken at both levels (the same field, two requirements) is said once, with the
    # requirement of the lower level: the one that decided the category.
    said: dict[tuple, int] = {}

    def add(profile: str, items: object) -> None:
        if isinstance(items, dict | str):
            items = [items]
        if not isinstance(items, list):
            return
        for item in items:
            owner = profile
            if profile == "general" and isinstance(item, dict):
                owner = _profile_of(item.get("profile"))
            text = _text(item, language)
            if not text or text in grouped.get(owner, []):
                continue
            key = _rule_of(owner, item)
            if key in said:
                if item.get("level") == "partly":
                    grouped[owner][said[key]] = text
                continue
            texts = grouped.setdefault(owner, [])
            if key is not None:
                said[key] = len(texts)
            texts.append(text)

    reasons = result.get("reasons")
    if isinstance(reasons, dict) and not {"cs", "en", "text"} & reasons.keys():
        for name, items in reasons.items():
            add(_profile_of(name), items)
    elif reasons is not None:
        add("general", reasons)
    blocks = result.get("profiles") if isinstance(result.get("profiles"), dict) else result
    for name, block in blocks.items():
        profile = _profile_of(name)
        if profile != "general" and isinstance(block, dict):
            add(profile, block.get("reasons"))
    return grouped


def missing_measurements(result: dict) -> bool:
    return isinstance(result, dict) and bool(result.get("missing"))
