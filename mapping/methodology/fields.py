"""Field definitions of the survey: type, unit, range, code list, group and labels.

A field's name is the Mapy bez bariér exchange property name, so that an assessment's answers are
an exchange object and import/export is lossless. Ranges are the schema's where it sets them, and
otherwise what a building can physically have (a door 4,000 cm wide is a typo, not a door).
Labels are plain (Czech, English) pairs: this module is pure and knows nothing of gettext.
"""

from dataclasses import dataclass
from typing import TypedDict, Unpack

from mapping.methodology import enums
from mapping.methodology.enums import Labels

INTEGER, NUMBER, BOOLEAN, STRING, DATETIME, ENUM = (
    "integer",
    "number",
    "boolean",
    "string",
    "datetime",
    "enum",
)
CM, PERCENT, COUNT, KG = "cm", "%", "count", "kg"


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    type: str
    group: str
    cs: str
    en: str
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    enum: Labels | None = None


class _Options(TypedDict, total=False):
    unit: str
    minimum: float | None
    maximum: float | None
    enum: Labels | None


class _Builder:
    """Collects fields of one group in the standard's order, with short constructors."""

    def __init__(self, group: str, prefix: str = "") -> None:
        self.group = group
        self.prefix = prefix
        self.fields: list[Field] = []

    def _add(self, name: str, type_: str, cs: str, en: str, **kw: Unpack[_Options]) -> None:
        self.fields.append(Field(self.prefix + name, type_, self.group, cs, en, **kw))

    def cm(self, name: str, cs: str, en: str, lo: float = 0, hi: float = 5000) -> None:
        self._add(name, INTEGER, cs, en, unit=CM, minimum=lo, maximum=hi)

    def pct(self, name: str, cs: str, en: str) -> None:
        self._add(name, NUMBER, cs, en, unit=PERCENT, minimum=0, maximum=100)

    def count(self, name: str, cs: str, en: str, hi: float = 500) -> None:
        self._add(name, INTEGER, cs, en, unit=COUNT, minimum=0, maximum=hi)

    def int(self, name: str, cs: str, en: str, **kw: Unpack[_Options]) -> None:
        self._add(name, INTEGER, cs, en, **kw)

    def num(self, name: str, cs: str, en: str, **kw: Unpack[_Options]) -> None:
        self._add(name, NUMBER, cs, en, **kw)

    def bool(self, name: str, cs: str, en: str) -> None:
        self._add(name, BOOLEAN, cs, en)

    def text(self, name: str, cs: str, en: str) -> None:
        self._add(name, STRING, cs, en)

    def date(self, name: str, cs: str, en: str) -> None:
        self._add(name, DATETIME, cs, en)

    def enum(self, name: str, labels: Labels, cs: str, en: str) -> None:
        self._add(name, ENUM, cs, en, enum=labels)


def _general() -> list[Field]:
    b = _Builder("general")
    b.int("sourceId", "ID zdroje", "source id", minimum=0)
    b.int("objectId", "ID objektu", "object id", minimum=0)
    b.int("parentObjectId", "ID nadřazeného objektu", "parent object id", minimum=0)
    b.int("userId", "ID uživatele", "user id", minimum=0)
    b.text("license", "licence", "licence")
    b.bool("certified", "certifikovaný mapovatel", "certified surveyor")
    b.text("photoUrl", "adresa fotografie", "photo URL")
    b.text("externalData", "externí data", "external data")
    b.text("title", "název", "name")
    b.text("description", "popis", "description")
    b.enum("accessibility", enums.OBJECT_CATEGORY, "přístupnost (vozík)", "wheelchair category")
    b.enum(
        "accessibilitySeniors",
        enums.OBJECT_CATEGORY,
        "přístupnost (senioři)",
        "seniors' category",
    )
    b.enum("accessibilityPram", enums.OBJECT_CATEGORY, "přístupnost (kočárek)", "pram category")
    b.text("organizationIc", "IČO organizace", "organisation's company number")
    b.text("organizationName", "název organizace", "organisation's name")
    b.date("mappingDate", "datum mapování", "survey date")
    b.date("modifiedDate", "datum změny", "date modified")
    b.enum("objectType", enums.OBJECT_TYPE, "typ objektu", "object type")
    b.text("objectTypeCustom", "vlastní typ objektu", "custom object type")
    b.num("longitude", "zeměpisná délka", "longitude", minimum=-180, maximum=180)
    b.num("latitude", "zeměpisná šířka", "latitude", minimum=-90, maximum=90)
    b.int("ruianAddress", "kód adresního místa RÚIAN", "RÚIAN address code", minimum=1)
    b.text("zipcode", "PSČ", "postcode")
    b.text("region", "kraj", "region")
    b.text("city", "obec", "town")
    b.text("cityPart", "část obce", "part of town")
    b.text("street", "ulice", "street")
    b.int("streetDescNo", "číslo popisné", "house number", minimum=0)
    b.bool("streetNoIsAlternative", "číslo evidenční", "registration number instead")
    b.int("streetOrientNo", "číslo orientační", "street number", minimum=0)
    b.text("streetOrientSymbol", "písmeno čísla orientačního", "street number letter")
    b.text("webUrl", "webová stránka", "website")
    b.text("dataOwnerUrl", "web vlastníka dat", "data owner's website")
    return b.fields


def _entrance(n: int) -> list[Field]:
    pre = f"entrance{n}"
    b = _Builder(pre, pre)
    if n == 2:
        b.bool("IsSideEntranceMarked", "vedlejší vstup je označen", "side entrance signposted")
        b.bool(
            "IsSideEntranceInformation",
            "u hlavního vstupu je informace o vedlejším",
            "main entrance tells of the side entrance",
        )
        b.text("Localization", "umístění vstupu", "where the entrance is")
        b.enum("Access", enums.ACCESS, "přístup", "access")
        b.text("AccessProvidedBy", "kdo zpřístupní", "who opens it")
    p = _Builder("parking", pre)
    p.bool("IsReservedParking", "vyhrazené parkování", "reserved parking")
    p.count("NumberOfReservedParking", "počet vyhrazených stání", "reserved parking spaces")
    p.text("ReservedParkingLocalization", "umístění vyhrazeného stání", "where the parking is")
    p.text("ReservedParkingAccessDescription", "cesta od stání", "way from the parking")
    b.fields += p.fields
    b.bool("IsLongitudinalInclination", "podélný sklon na cestě", "longitudinal slope on the way")
    b.pct("LongitudinalInclination", "podélný sklon", "longitudinal slope")
    b.text("LongitudinalInclinationLocalization", "kde je podélný sklon", "where the slope is")
    b.bool("IsTransverseInclination", "příčný sklon na cestě", "cross slope on the way")
    b.pct("TransverseInclination", "příčný sklon", "cross slope")
    b.text("TransverseInclinationLocalization", "kde je příčný sklon", "where the cross slope is")
    b.bool("IsDifficultSurface", "obtížný povrch", "difficult surface")
    b.text("DifficultSurfaceDescription", "popis povrchu", "surface description")
    b.enum("Guidingline", enums.GUIDINGLINE, "vodicí linie", "guiding line")
    b.enum("Accessibility", enums.ENTRANCE_ACCESSIBILITY, "překonání výšky", "way in")
    b.cm("AreaBeforeDoorWidth", "plocha před dveřmi – šířka", "area before the door: width")
    b.cm("AreaBeforeDoorDepth", "plocha před dveřmi – hloubka", "area before the door: depth")
    b.cm("LobbyWidth", "zádveří – šířka", "lobby width")
    b.cm("LobbyDepth", "zádveří – hloubka", "lobby depth")
    b.bool("IsAOB", "akustický orientační majáček", "acoustic orientation beacon")
    b.bool("AobIsAboveDoor", "majáček nad dveřmi", "beacon above the door")
    b.text("AobLocalization", "umístění majáčku", "where the beacon is")
    b.text("HasDescription", "popis vstupu", "entrance description")
    b.text("HasNotes", "poznámky ke vstupu", "entrance notes")
    b.enum("BellType", enums.BELL_TYPE, "zvonek", "bell")
    b.cm("BellHeight", "výška zvonku", "bell height", hi=300)
    b.cm("BellIndentation", "odsazení zvonku", "bell set-back", hi=500)
    for s in (1, 2):
        b.count(f"Steps{s}NumberOf", f"schody {s} – počet", f"steps {s}: number", hi=200)
        b.int(
            f"Steps{s}Height",
            f"schody {s} – výška",
            f"steps {s}: height",
            unit=CM,
            minimum=1,
            maximum=50,
        )
        b.cm(f"Steps{s}Depth", f"schody {s} – hloubka", f"steps {s}: depth", hi=300)
    b.bool("ContrastMarkingIsGlassSurfaces", "prosklené plochy", "glass surfaces")
    b.enum(
        "ContrastMarkingLocalization",
        enums.CONTRAST_MARKING,
        "kontrastní značení prosklení",
        "contrast marking of the glass",
    )
    b.bool("StepsIsContrastMarked", "kontrastní značení schodů", "contrast marking of the steps")
    for d in (1, 2):
        dc, de = f"dveře {d}", f"door {d}"
        b.cm(f"Door{d}MainpanelWidth", f"{dc} – hlavní křídlo", f"{de}: main leaf", 30, 300)
        b.cm(f"Door{d}SidepanelWidth", f"{dc} – vedlejší křídlo", f"{de}: side leaf", 30, 300)
        b.enum(f"Door{d}Type", enums.DOOR_TYPE, f"{dc} – typ", f"{de}: type")
        b.enum(f"Door{d}Opening", enums.DOOR_OPENING, f"{dc} – otevírání", f"{de}: opening")
        b.enum(
            f"Door{d}OpeningDirection",
            enums.DOOR_OPENING_DIRECTION,
            f"{dc} – směr otevírání",
            f"{de}: opening direction",
        )
        b.cm(f"Door{d}StepHeight", f"{dc} – výška prahu", f"{de}: threshold height", hi=50)
    return b.fields


def _interior() -> list[Field]:
    b = _Builder("interior")
    b.bool("objectIsSteps", "schody v interiéru", "steps inside")
    b.count("objectSteps1NumberOf", "schody – počet", "steps: number", hi=200)
    b.int("objectSteps1Height", "schody – výška", "steps: height", unit=CM, minimum=1, maximum=50)
    b.cm("objectSteps1Depth", "schody – hloubka", "steps: depth", hi=300)
    b.text("objectSteps1Localization", "umístění schodů", "where the steps are")
    b.bool("objectIsStairs", "schodiště", "staircase")
    b.enum("objectStairsType", enums.STAIRS_TYPE, "typ schodiště", "staircase type")
    b.cm("objectStairsWidth", "šířka schodiště", "staircase width", hi=2000)
    b.bool("objectStairsIsBannister", "madlo u schodiště", "banister")
    b.bool("objectIsNarrowedPassage", "zúžený průchod", "narrowed passage")
    b.cm("objectNarrowedPassageWidth", "šířka zúženého průchodu", "narrowed passage width", hi=1000)
    b.text("objectNarrowedPassageLocalization", "umístění zúžení", "where the narrowing is")
    b.bool("objectIsTourniquet", "turniket", "turnstile")
    b.text("objectTourniquetLocalization", "umístění turniketu", "where the turnstile is")
    b.bool("objectIsNavigationSystem", "orientační systém", "wayfinding system")
    b.text("objectNavigationSystemDescription", "popis orientačního systému", "wayfinding notes")
    b.enum(
        "objectInteriorAccessibility",
        enums.INTERIOR_ACCESSIBILITY,
        "přístupnost interiéru",
        "interior accessibility",
    )
    b.text("objectHasDescription", "popis interiéru", "interior description")
    b.text("objectHasNotes", "poznámky k interiéru", "interior notes")
    b.bool("objectContrastMarkingIsGlassSurfaces", "prosklené plochy", "glass surfaces")
    b.enum(
        "objectContrastMarkingLocalization",
        enums.CONTRAST_MARKING,
        "kontrastní značení prosklení",
        "contrast marking of the glass",
    )
    b.bool("objectStepsIsContrastMarked", "kontrastní značení schodů", "contrast marking of steps")
    b.bool("objectIsAOB", "akustický orientační majáček", "acoustic orientation beacon")
    b.bool("objectAobIsAboveDoor", "majáček nad dveřmi", "beacon above the door")
    b.text("objectAobLocalization", "umístění majáčku", "where the beacon is")
    return b.fields
