"""Which survey fields apply, given the answers so far: one table that the server's validation,
the engine's list of deciding measurements and the phone's form all read.

A volunteer with a tape measure needs a few questions at a time. A field applies
- when its condition holds (`RULES`, `ITEM_RULES`: "the steps' height when the way in is one step
  or more steps", "leg 2 when the ramp has two legs"), and
- when it belongs to a section (`SECTIONS`, `ITEM_SECTIONS`: a second door, the lobby, a hallway
  before the toilet), once that section is open: on the phone the volunteer opens it with a
  button ("Add a second door"); in stored answers a section is open when one of its fields is
  answered.
A field that does not apply is never required, and its absence is never a missing measurement.
The conditions are JSON (`conditions.py`) so that the phone evaluates the very same table.
"""

from dataclasses import dataclass

from mapping.methodology.conditions import (
    Condition,
    Record,
    all_of,
    answered,
    any_of,
    at_least,
    has_value,
    holds,
    is_,
    not_,
    one_of,
    opened,
)
from mapping.methodology.fields import _entrance as entrance_fields
from mapping.methodology.rules import MORE_STEPS, ONE_STEP, get_ruleset

DOUBLE_DOOR = "DoublepanelledDoorType"
RINGING_BELLS = ("RingonlyBellType", "IntercomBellType")
LOCKED = ("LockedMappableEntityAccess", "LockedEuroKeyMappableEntityAccess")
INTERIOR_RAMP = "InteriorRampSkidsLocalization"
MOBILE_RAMP = "MobileRampSkidsMobility"
BOTH_SIDES = "SidewallsHandleLocalization"


@dataclass(frozen=True, slots=True)
class Section:
    """Fields asked only once the volunteer opens them (a repeat, or details few places need).

    `before`: the field the section's button stands before in the form (default: where its
    first field stands). `parent`: the section it lies in (door 2 of the side entrance).
    `details`: details few places need (the lobby, the flush), asked after everything else."""

    name: str
    cs: str
    en: str
    add_cs: str
    add_en: str
    fields: tuple[str, ...]
    shown_if: Condition | None = None
    parent: str | None = None
    before: str | None = None
    details: bool = False


def _entrance(n: int) -> tuple[dict[str, Condition], list[Section]]:
    p = f"entrance{n}"
    way_in = p + "Accessibility"
    rules: dict[str, Condition] = {
        p + "NumberOfReservedParking": is_(p + "IsReservedParking", True),
        p + "ReservedParkingLocalization": is_(p + "IsReservedParking", True),
        p + "ReservedParkingAccessDescription": is_(p + "IsReservedParking", True),
        p + "LongitudinalInclination": is_(p + "IsLongitudinalInclination", True),
        p + "LongitudinalInclinationLocalization": is_(p + "IsLongitudinalInclination", True),
        p + "TransverseInclination": is_(p + "IsTransverseInclination", True),
        p + "TransverseInclinationLocalization": is_(p + "IsTransverseInclination", True),
        p + "DifficultSurfaceDescription": is_(p + "IsDifficultSurface", True),
        p + "Steps1NumberOf": is_(way_in, MORE_STEPS),
        p + "Steps1Height": one_of(way_in, ONE_STEP, MORE_STEPS),
        p + "Steps1Depth": one_of(way_in, ONE_STEP, MORE_STEPS),
        p + "StepsIsContrastMarked": one_of(way_in, ONE_STEP, MORE_STEPS),
        p + "Door1SidepanelWidth": is_(p + "Door1Type", DOUBLE_DOOR),
        p + "Door2SidepanelWidth": is_(p + "Door2Type", DOUBLE_DOOR),
        p + "BellHeight": one_of(p + "BellType", *RINGING_BELLS),
        p + "BellIndentation": one_of(p + "BellType", *RINGING_BELLS),
        p + "AobIsAboveDoor": is_(p + "IsAOB", True),
        p + "AobLocalization": is_(p + "IsAOB", True),
        p + "ContrastMarkingLocalization": is_(p + "ContrastMarkingIsGlassSurfaces", True),
    }
    if n == 2:
        rules[p + "AccessProvidedBy"] = one_of(p + "Access", *LOCKED)
    whole = "entrance2" if n == 2 else None
    where_cs, where_en = ("vedlejšího vstupu", "of the side entrance") if n == 2 else ("", "")
    orientation: tuple[str, ...] = ("Guidingline", "IsAOB", "AobIsAboveDoor", "AobLocalization",
                   "ContrastMarkingIsGlassSurfaces", "ContrastMarkingLocalization")  # fmt: skip
    if n == 2:
        orientation = ("IsSideEntranceMarked", "IsSideEntranceInformation", *orientation)
    sections = [
        Section(
            p + "Steps2", "další schodiště", "another flight of steps",
            "Přidat další schodiště", "Add another flight of steps",
            (p + "Steps2NumberOf", p + "Steps2Height", p + "Steps2Depth"),
            shown_if=is_(way_in, MORE_STEPS), parent=whole,
        ),
        Section(
            p + "Door2", f"dveře 2 {where_cs}".strip(), f"door 2 {where_en}".strip(),
            "Přidat druhé dveře", "Add a second door",
            tuple(p + f"Door2{s}" for s in ("MainpanelWidth", "SidepanelWidth", "Type",
                                             "Opening", "OpeningDirection", "StepHeight")),
            parent=whole,
        ),
        Section(
            p + "Space", "plocha před dveřmi a zádveří", "the area before the door and the lobby",
            "Změřit plochu před dveřmi a zádveří", "Measure the area before the door and the lobby",
            (p + "AreaBeforeDoorWidth", p + "AreaBeforeDoorDepth", p + "LobbyWidth",
             p + "LobbyDepth"),
            parent=whole, details=True,
        ),
        Section(
            p + "Orientation", "orientace pro nevidomé", "orientation for blind visitors",
            "Popsat orientaci pro nevidomé", "Describe the orientation for blind visitors",
            tuple(p + s for s in orientation), parent=whole, details=True,
        ),
        Section(
            p + "Notes", "popis a poznámky", "description and notes",
            "Přidat popis a poznámky", "Add a description and notes",
            (p + "HasDescription", p + "HasNotes"), parent=whole, details=True,
        ),
    ]  # fmt: skip
    if n == 2:
        sections.append(Section(
            p + "Parking", "vyhrazené parkování u vedlejšího vstupu",
            "reserved parking at the side entrance",
            "Přidat vyhrazené parkování u vedlejšího vstupu",
            "Add reserved parking at the side entrance",
            tuple(p + s for s in ("IsReservedParking", "NumberOfReservedParking",
                                  "ReservedParkingLocalization",
                                  "ReservedParkingAccessDescription")),
            parent=whole, details=True,
        ))  # fmt: skip
    return rules, sections


def _interior() -> dict[str, Condition]:
    steps = is_("objectIsSteps", True)
    stairs = is_("objectIsStairs", True)
    narrowed = is_("objectIsNarrowedPassage", True)
    return {
        "objectSteps1NumberOf": steps,
        "objectSteps1Height": steps,
        "objectSteps1Depth": steps,
        "objectSteps1Localization": steps,
        "objectStairsType": stairs,
        "objectStairsWidth": stairs,
        "objectStairsIsBannister": stairs,
        "objectStepsIsContrastMarked": any_of(steps, stairs),
        "objectNarrowedPassageWidth": narrowed,
        "objectNarrowedPassageLocalization": narrowed,
        "objectTourniquetLocalization": is_("objectIsTourniquet", True),
        "objectNavigationSystemDescription": is_("objectIsNavigationSystem", True),
        "objectContrastMarkingLocalization": is_("objectContrastMarkingIsGlassSurfaces", True),
        "objectAobIsAboveDoor": is_("objectIsAOB", True),
        "objectAobLocalization": is_("objectIsAOB", True),
    }


def _top() -> tuple[dict[str, Condition], tuple[Section, ...]]:
    rules: dict[str, Condition] = {
        "objectTypeCustom": is_("objectType", "OtherObjectCategory"),
        "streetOrientSymbol": answered("streetOrientNo"),
        **_interior(),
    }
    e1_rules, e1_sections = _entrance(1)
    e2_rules, e2_sections = _entrance(2)
    rules.update(e1_rules)
    rules.update(e2_rules)
    side_entrance = Section(
        "entrance2", "vedlejší vstup", "side entrance",
        "Přidat vedlejší vstup", "Add a side entrance",
        tuple(name for name in (f.name for f in entrance_fields(2)) if not any(
            name in s.fields for s in e2_sections)),
    )  # fmt: skip
    public_space = Section(
        "publicSpaceMore", "lavičky a osvětlení", "benches and lighting",
        "Přidat lavičky a osvětlení", "Add benches and lighting",
        ("publicSpaceIsBench", "publicSpaceIsLighting"), details=True,
    )  # fmt: skip
    return rules, (*e1_sections, side_entrance, *e2_sections, public_space)


def _notes(prefix: str, notes: str, description: str) -> Section:
    return Section(
        prefix + "Notes", "popis a poznámky", "description and notes",
        "Přidat popis a poznámky", "Add a description and notes", (description, notes),
        details=True,
    )  # fmt: skip


def _rampskids() -> tuple[dict[str, Condition], tuple[Section, ...]]:
    ramp = not_(opened("skids"))
    handle = is_("rampIsHandle", True)
    ramp_only = ("rampLocalization", "rampMobility", "rampType", "rampNumberOfLegs",
                 "rampleg1Width", "rampleg1Length", "rampleg1Inclination", "rampSurface",
                 "rampIsHandle")  # fmt: skip
    rules: dict[str, Condition] = dict.fromkeys(ramp_only, ramp)
    for n in (2, 3, 4):
        for what in ("Width", "Length", "Inclination"):
            rules[f"rampleg{n}{what}"] = all_of(ramp, at_least("rampNumberOfLegs", n))
    rules |= {
        "rampInteriorLocalization": all_of(ramp, is_("rampLocalization", INTERIOR_RAMP)),
        "rampAccessProvidedBy": any_of(
            all_of(ramp, is_("rampMobility", MOBILE_RAMP)),
            all_of(opened("skids"), is_("skidsMobility", MOBILE_RAMP)),
        ),
        "rampLandingsEntryareaWidth": all_of(ramp, at_least("rampNumberOfLegs", 2)),
        "rampLandingsEntryareaDepth": all_of(ramp, at_least("rampNumberOfLegs", 2)),
        "rampHandleOrientation": all_of(ramp, handle),
        "rampHandle1Height": all_of(ramp, handle),
        "rampHandle2Height": all_of(ramp, handle, is_("rampHandleOrientation", BOTH_SIDES)),
        "skidsInteriorLocalization": is_("skidsLocalization", INTERIOR_RAMP),
    }
    sections = (
        Section(
            "skids", "ližiny", "skids",
            "Jsou to ližiny (dvě kolejnice), ne rampa", "These are skids (two rails), not a ramp",
            ("skidsLocalization", "skidsInteriorLocalization", "skidsMobility",
             "skidsInclination", "skidsLength"),
            before="rampLocalization",
        ),
        Section(
            "rampEntryareas", "nástupní plochy", "landings at the top and bottom",
            "Změřit nástupní plochy", "Measure the landings at the top and bottom",
            ("rampBottomEntryareaWidth", "rampBottomEntryareaDepth", "rampTopEntryareaWidth",
             "rampTopEntryareaDepth"),
            shown_if=ramp, details=True,
        ),
        _notes("ramp", "rampSkidsHasNotes", "rampSkidsHasDescription"),
    )  # fmt: skip
    return rules, sections


def _platform() -> tuple[dict[str, Condition], tuple[Section, ...]]:
    rules: dict[str, Condition] = {}
    sections = [
        Section(
            "platformDetails", "nosnost a ovladače", "load and controls",
            "Zapsat nosnost a ovladače", "Record the load and the controls",
            ("platformMaxLoad", "platformIsMinParameters", "platformNumberOfFloors",
             "platformOutsideBottomControlHeight", "platformOutsideTopControlHeight",
             "platformInsideControlHeight"),
            details=True,
        ),
    ]  # fmt: skip
    for n in (1, 2):
        a = f"entryarea{n}"
        rules[a + "BellHeight"] = one_of(a + "BellType", *RINGING_BELLS)
        rules[a + "BellIndentation"] = one_of(a + "BellType", *RINGING_BELLS)
        sections.append(Section(
            a, f"nástupní plocha {n}", f"entry area {n}",
            f"Popsat nástupní plochu {n}", f"Describe entry area {n}",
            tuple(a + s for s in ("Entry", "IsEntryClosing", "EntryWidth", "Depth",
                                  "HeightElevation", "BellType", "BellHeight", "BellIndentation")),
            details=True,
        ))  # fmt: skip
    sections.append(_notes("platform", "platformHasNotes", "platformHasDescription"))
    return rules, tuple(sections)


def _elevator() -> tuple[dict[str, Condition], tuple[Section, ...]]:
    through = is_("elevatorIsCagePassthrough", True)
    mirror = is_("elevatorIsCageMirror", True)
    beacon = is_("elevatorIsAOB", True)
    rules = {
        "elevatorAccessProvidedBy": one_of("elevatorAccess", *LOCKED),
        "door2Width": through,
        "door2Opening": through,
        "elevatorCageSeconddoorLocalization": through,
        "elevatorHandleLocalization": is_("elevatorIsCageHandle", True),
        "elevatorIsCageSeatWithinreach": is_("elevatorIsCageSeat", True),
        "elevatorIsCageSeatFunctional": is_("elevatorIsCageSeat", True),
        "elevatorCageMirrorLocalization": mirror,
        "elevatorCageMirrorHeight": mirror,
        "elevatorAobIsAboveDoor": beacon,
        "elevatorAobLocalization": beacon,
        "elevatorAOBAnnouncementsScheme": beacon,
    }
    sections = (
        Section(
            "elevatorDetails", "zastávky, plocha před výtahem a zrcadlo",
            "stops, the area before the lift and the mirror",
            "Popsat zastávky, plochu před výtahem a zrcadlo",
            "Describe the stops, the area before the lift and the mirror",
            ("elevatorDriveoff", "door1Opening", "entryareaWidth", "entryareaDepth",
             "entryareaHeightElevation", "elevatorIsCageMirror", "elevatorCageMirrorLocalization",
             "elevatorCageMirrorHeight"),
            details=True,
        ),
        Section(
            "elevatorControls", "ovladače a hlášení", "buttons and announcements",
            "Popsat ovladače a hlášení", "Describe the buttons and announcements",
            ("elevatorControl1MaxHeight", "elevatorControl1ReliefMarking",
             "elevatorControl1FlatMarking", "elevatorIsControl1BrailleMarking",
             "elevatorCageControlDistance", "elevatorCageControlHeight",
             "elevatorControl2ReliefMarking", "elevatorControl2FlatMarking",
             "elevatorIsControl2BrailleMarking", "elevatorIsCageControlAnnouncementAcoustic",
             "elevatorIsCageControlAnnouncementPhonetic", "elevatorIsAOB",
             "elevatorAobIsAboveDoor", "elevatorAobLocalization",
             "elevatorAOBAnnouncementsScheme"),
            details=True,
        ),
        _notes("elevator", "elevatorHasNotes", "elevatorHasDescription"),
    )  # fmt: skip
    return rules, sections


def _wc() -> tuple[dict[str, Condition], tuple[Section, ...]]:
    # The space beside the bowl, the grab bars, the paper and the space by the bowl decide only
    # whether a wheelchair user can use a cabin they can get into: a narrower door or cabin makes
    # an ordinary toilet whatever they are (the WC II limits of the current rules).
    partly = get_ruleset().wc["partly"]
    wide_cabin = all_of(
        at_least("doorWidth", partly.door_min),
        at_least("wcCabinWidth", partly.cabin_min[0]),
        at_least("wcCabinDepth", partly.cabin_min[1]),
    )
    bowl = ("wcBasinLeftDistance", "wcBasinRightDistance", "wcBasinBackIndentation",
            "wcBasinSpace", "wcBasinIsPaperReach", "handle1Type", "handle2Type")  # fmt: skip
    rules: dict[str, Condition] = dict.fromkeys(bowl, wide_cabin)
    for n in (1, 2):
        bar = all_of(wide_cabin, answered(f"handle{n}Type"))
        rules[f"handle{n}Height"] = bar
        rules[f"handle{n}Length"] = bar
    rules |= {
        "wcHandlesDistance": all_of(wide_cabin, answered("handle1Type"), answered("handle2Type")),
        "wcAccessProvidedBy": one_of("wcCabinAccess", *LOCKED),
        "wcAlarmbuttonTopHeigh": is_("wcIsAlarmbutton", True),
        "wcAlarmbuttonBottomHeight": is_("wcIsAlarmbutton", True),
        "wcIsChangingdeskObstructs": is_("wcIsChangingdesk", True),
        "wcChangingdesk": is_("wcIsChangingdesk", True),
        "wcSwitchHeight": is_("wcSwitch", "YesWCSwitch"),
        "wcIsRegularWCBrailleMarking": is_("wcIsRegularWC", True),
        "washbasinHandleType": is_("washbasinIsHandle", True),
        "washbasinHandleHeight": is_("washbasinIsHandle", True),
        "washbasinHandleLength": is_("washbasinIsHandle", True),
    }
    sections = (
        *(
            Section(
                f"hallway{n}", f"předsíň {n}", f"hallway {n}",
                "Přidat předsíň před kabinou" if n == 1 else "Přidat druhou předsíň",
                "Add a hallway before the cabin" if n == 1 else "Add a second hallway",
                tuple(f"hallway{n}{s}" for s in ("Width", "Depth", "DoorWidth", "DoorMarking")),
                shown_if=opened("hallway1") if n == 2 else None,
                before="wcCabinLocalization",
            )
            for n in (1, 2)
        ),
        Section(
            "wcWashbasin", "umyvadlo a baterie", "washbasin and tap",
            "Popsat umyvadlo a baterii", "Describe the washbasin and the tap",
            ("washbasinHeight", "washbasinIsHandle", "washbasinHandleType",
             "washbasinHandleHeight", "washbasinHandleLength", "tapHeight", "tapType"),
            details=True,
        ),
        Section(
            "wcEquipment", "splachování a vypínač", "flush and light switch",
            "Popsat splachování a vypínač", "Describe the flush and the light switch",
            ("wcSwitch", "wcSwitchHeight", "wcFlushingBackHeight", "wcFlushingSideHeight",
             "wcFlushingSideDistanc", "wcFlushing", "wcFlushingDifficulty"),
            details=True,
        ),
        Section(
            "wcLayout", "uspořádání, značení a kategorie", "layout, signs and category",
            "Popsat uspořádání, značení a kategorii", "Describe the layout, signs and category",
            ("wcAccessibility", "wcIsRegularWC", "wcIsRegularWCBrailleMarking",
             "wcCabinDoorDisposition", "wcCabinWCBasinDisposition", "wcCabinWashBasinDisposition",
             "doorIsMarking", "doorHandlePosition"),
            details=True,
        ),
        _notes("wc", "wcHasNotes", "wcHasDescription"),
    )  # fmt: skip
    return rules, sections


RULES, SECTIONS = _top()
ITEM_RULES: dict[str, dict[str, Condition]] = {}
ITEM_SECTIONS: dict[str, tuple[Section, ...]] = {}
for _name, _build in (("rampskids", _rampskids), ("platform", _platform),
                      ("elevator", _elevator), ("wc", _wc)):  # fmt: skip
    ITEM_RULES[_name], ITEM_SECTIONS[_name] = _build()


class Applicability:
    """The rules and sections of one kind of record: the top-level answers (`None`) or an item."""

    def __init__(self, rules: dict[str, Condition], sections: tuple[Section, ...]) -> None:
        self.rules = rules
        self.sections = {s.name: s for s in sections}
        # The innermost section of each field, and every field within a section (nested too).
        self.section_of = {f: s.name for s in sections for f in s.fields}
        self.members: dict[str, set[str]] = {s.name: set(s.fields) for s in sections}
        for s in sections:
            parent = s.parent
            while parent is not None:
                self.members[parent] |= set(s.fields)
                parent = self.sections[parent].parent

    def section_open(self, name: str, record: Record, opened: frozenset[str] = frozenset()) -> bool:
        """Open: shown, and one of its fields answered (or, on the phone, opened by the
        volunteer: `opened`)."""
        section = self.sections[name]
        if section.parent is not None and not self.section_open(section.parent, record, opened):
            return False
        if not holds(section.shown_if, record, lambda s: self.section_open(s, record, opened)):
            return False
        return name in opened or any(has_value(record.get(f)) for f in self.members[name])

    def applies(self, field: str, record: Record, opened: frozenset[str] = frozenset()) -> bool:
        section = self.section_of.get(field)
        if section is not None and not self.section_open(section, record, opened):
            return False
        return holds(self.rules.get(field), record, lambda s: self.section_open(s, record, opened))


TOP = Applicability(RULES, SECTIONS)
ITEMS = {name: Applicability(ITEM_RULES[name], ITEM_SECTIONS[name]) for name in ITEM_RULES}


def applies(path: str, answers: Record) -> bool:
    """Whether the field at `path` (`objectSteps1Height`, `wc[0].handle1Height`) applies to these
    answers; a path into an item that is not there does not apply."""
    if "[" not in path:
        return TOP.applies(path, answers)
    group, _, rest = path.partition("[")
    index, _, name = rest.partition("].")
    items = answers.get(group)
    rules = ITEMS.get(group)
    if rules is None or not isinstance(items, list) or not index.isdigit():
        return False
    i = int(index)
    if i >= len(items) or not isinstance(items[i], dict):
        return False
    return rules.applies(name, items[i])
