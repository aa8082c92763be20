"""The Czech building regulations on barrier-free use, as two versioned rule sets.

Decree 398/2009 Sb. (o obecných technických požadavcích zabezpečujících bezbariérové užívání
staveb) and its successor, decree 146/2024 Sb. (o požadavcích na výstavbu). Unlike the MKPO
categories (`rules.py`), which describe what a visitor meets and are milder on purpose, these say
whether a place meets the law. Each rule names the measured fact it reads, the limit, how the two
compare, and where the decree says so. README.md ("The building regulations") lists the values
and their sources.

Honesty about sources: only values we are confident of are rules here. A citation whose annex
point we could not pin down carries `verified=False` ("to be verified"): the value stands, the
exact point is for a lawyer to confirm. For 146/2024 Sb. we could not confirm that any value
differs from 398/2009 Sb., so every rule of the successor takes the 398/2009 value over and says
so in its citation (`verified=False`), rather than inventing a number.

Lengths in centimetres, slopes in per cent, as the survey measures them.
"""

from dataclasses import dataclass, replace
from datetime import date

# How a rule compares the measured value with its limit.
MAX = "max"  # measured <= limit
MIN = "min"  # measured >= limit
ONE_OF = "one_of"  # measured is one of the limit's values
REQUIRED = "required"  # a feature that must be present (measured is True)


@dataclass(frozen=True)
class Citation:
    decree: str  # "398/2009 Sb."
    provision: str  # "§ 5, příloha č. 1"
    verified: bool  # False: the annex point is to be verified
    note: str = ""  # Czech; why it is not verified, or where the value comes from

    def text(self, english: bool = False) -> str:
        """`vyhl. 398/2009 Sb., § 5, příloha č. 1`, with "(to be verified)" when not verified."""
        prefix = "Decree" if english else "vyhl."
        base = f"{prefix} {self.decree}, {self.provision}"
        if not self.verified:
            base += " (to be verified)" if english else " (bod k ověření)"
        return base


@dataclass(frozen=True)
class FixMeasure:
    key: str
    cs: str
    en: str
    cost_class: str  # a key of COST_CLASSES


# Order of magnitude of a typical measure's price, for a community plan's priorities, not a
# budget: what such measures usually cost in Czech towns.
COST_CLASSES = {
    "I": ("do 100 tis. Kč", "up to CZK 100,000"),
    "II": ("100 tis. až 1 mil. Kč", "CZK 100,000 to 1 million"),
    "III": ("přes 1 mil. Kč", "over CZK 1 million"),
}
COST_ORDER = tuple(COST_CLASSES)

FIXES = {
    f.key: f
    for f in (
        FixMeasure("ramp", "rampa potřebné délky", "a ramp of the needed length", "II"),
        FixMeasure("platform_lift", "zdvihací plošina", "a platform lift", "II"),
        FixMeasure("door_leaf", "širší dveřní křídlo", "a wider door leaf", "I"),
        FixMeasure(
            "entrance_door",
            "nové vstupní dveře (křídlo 90 cm, celkem 125 cm)",
            "a new entrance door (a 90 cm leaf, 125 cm in all)",
            "II",
        ),
        FixMeasure("threshold", "snížení prahu", "a lowered threshold", "I"),
        FixMeasure(
            "lift", "přestavba výtahu (kabina, dveře)", "a rebuilt lift (cabin, door)", "III"
        ),
        FixMeasure("toilet", "přestavba záchodové kabiny", "a rebuilt accessible toilet", "II"),
        FixMeasure("contrast", "kontrastní značení", "a contrast marking", "I"),
        FixMeasure("kerb", "snížený obrubník", "a lowered kerb", "I"),
        FixMeasure("path", "úprava sklonu chodníku", "a regraded footway", "II"),
    )
}


@dataclass(frozen=True)
class DecreeRule:
    key: str
    fact: str  # what it reads (compliance.FACTS)
    comparison: str  # MAX, MIN, ONE_OF or REQUIRED
    limit: object  # a number, or a tuple of values for ONE_OF, or True for REQUIRED
    unit: str  # "cm", "%" or ""
    citation: Citation
    fix: str  # a key of FIXES
    label: tuple[str, str]  # what is measured, Czech and English ("rampa", "ramp")


@dataclass(frozen=True)
class DecreeRuleset:
    version: str
    decree: str
    title: tuple[str, str]
    in_force_from: date
    rules: tuple[DecreeRule, ...]

    def rule(self, key: str) -> DecreeRule:
        for r in self.rules:
            if r.key == key:
                return r
        raise KeyError(key)


LEVEL = "NoelevationEntranceAccessibility"
RAMP = "RampEntranceAccessibility"
PLATFORM = "PlatformEntranceAccessibility"

_D398 = "398/2009 Sb."
_A1 = "§ 5 a 6, příloha č. 1"  # access to and inside buildings: general requirements
_A2 = "§ 4, příloha č. 2"  # roads and public spaces
_A3 = "§ 6, příloha č. 3"  # civic buildings: toilets


def _c398(provision: str, verified: bool = False, note: str = "") -> Citation:
    return Citation(_D398, provision, verified, note)


_POINT = "číslo bodu přílohy neověřeno"

RULES_398 = (
    DecreeRule(
        "entrance_step_free",
        "entrance_way_in",
        ONE_OF,
        (LEVEL, RAMP, PLATFORM),
        "",
        _c398(_A1, note=_POINT + "; zdvihací plošina jen tam, kde rampu nelze zřídit"),
        "ramp",
        ("vstup", "entrance"),
    ),
    DecreeRule(
        "ramp_slope_short",
        "ramp_slope_short",
        MAX,
        8.33,
        "%",
        _c398(_A1, note=_POINT + "; sklon 1:12 jen u ramp do délky 3 m"),
        "ramp",
        ("krátká rampa (do 3 m)", "short ramp (up to 3 m)"),
    ),
    DecreeRule(
        "ramp_slope",
        "ramp_slope_long",
        MAX,
        6.25,
        "%",
        _c398(_A1, note=_POINT + "; sklon 1:16"),
        "ramp",
        ("rampa", "ramp"),
    ),
    DecreeRule(
        "door_width",
        "door_leaf",
        MIN,
        80,
        "cm",
        _c398(_A1, note=_POINT + "; světlá šířka dveří 800 mm"),
        "door_leaf",
        ("dveře", "door"),
    ),
    DecreeRule(
        "main_door_total",
        "main_door_total",
        MIN,
        125,
        "cm",
        _c398(_A1, note=_POINT + "; hlavní vstupní dveře 1250 mm"),
        "entrance_door",
        ("hlavní vstupní dveře", "main entrance door"),
    ),
    DecreeRule(
        "main_door_leaf",
        "main_door_leaf",
        MIN,
        90,
        "cm",
        _c398(_A1, note=_POINT + "; jedno křídlo hlavních vstupních dveří 900 mm"),
        "entrance_door",
        ("křídlo hlavních vstupních dveří", "main entrance door leaf"),
    ),
    DecreeRule(
        "threshold",
        "threshold",
        MAX,
        2,
        "cm",
        _c398(_A1, note=_POINT + "; práh nejvýše 20 mm"),
        "threshold",
        ("práh", "threshold"),
    ),
    DecreeRule(
        "lift_cabin_width",
        "lift_cabin_width",
        MIN,
        110,
        "cm",
        _c398(_A1, note=_POINT + "; kabina 1100 × 1400 mm"),
        "lift",
        ("šířka kabiny výtahu", "lift cabin width"),
    ),
    DecreeRule(
        "lift_cabin_depth",
        "lift_cabin_depth",
        MIN,
        140,
        "cm",
        _c398(_A1, note=_POINT + "; kabina 1100 × 1400 mm"),
        "lift",
        ("hloubka kabiny výtahu", "lift cabin depth"),
    ),
    DecreeRule(
        "lift_door",
        "lift_door",
        MIN,
        90,
        "cm",
        _c398(_A1, note=_POINT + "; dveře výtahu 900 mm"),
        "lift",
        ("dveře výtahu", "lift door"),
    ),
    DecreeRule(
        "wc_cabin_width",
        "wc_cabin_width",
        MIN,
        160,
        "cm",
        _c398(_A3, note=_POINT + "; kabina 1600 × 2150 mm"),
        "toilet",
        ("šířka záchodové kabiny", "toilet cabin width"),
    ),
    DecreeRule(
        "wc_cabin_depth",
        "wc_cabin_depth",
        MIN,
        215,
        "cm",
        _c398(_A3, note=_POINT + "; kabina 1600 × 2150 mm"),
        "toilet",
        ("hloubka záchodové kabiny", "toilet cabin depth"),
    ),
    DecreeRule(
        "wc_door",
        "wc_door",
        MIN,
        80,
        "cm",
        _c398(_A3, note=_POINT + "; dveře 800 mm"),
        "door_leaf",
        ("dveře záchodu", "toilet door"),
    ),
    DecreeRule(
        "glass_marking",
        "glass_marking",
        REQUIRED,
        True,
        "",
        _c398(_A1, note=_POINT + "; kontrastní značení prosklených ploch"),
        "contrast",
        ("kontrastní značení prosklení", "contrast marking of the glass"),
    ),
    DecreeRule(
        "steps_marking",
        "steps_marking",
        REQUIRED,
        True,
        "",
        _c398(_A1, note=_POINT + "; kontrastní značení schodů"),
        "contrast",
        ("kontrastní značení schodů", "contrast marking of the steps"),
    ),
    DecreeRule(
        "path_slope",
        "path_slope",
        MAX,
        8.33,
        "%",
        _c398(_A2, note=_POINT + "; podélný sklon 1:12"),
        "path",
        ("podélný sklon", "longitudinal slope"),
    ),
    DecreeRule(
        "path_cross_slope",
        "path_cross_slope",
        MAX,
        2.0,
        "%",
        _c398(_A2, note=_POINT + "; příčný sklon 1:50"),
        "path",
        ("příčný sklon", "cross slope"),
    ),
    DecreeRule(
        "kerb",
        "kerb",
        MAX,
        2,
        "cm",
        _c398(_A2, note=_POINT + "; obrubník v místě přechodu snížen na nejvýše 20 mm"),
        "kerb",
        ("obrubník", "kerb"),
    ),
)

DECREE_398_2009 = DecreeRuleset(
    version="vyhl-398-2009.1",
    decree=_D398,
    title=(
        "Vyhláška 398/2009 Sb., o obecných technických požadavcích zabezpečujících "
        "bezbariérové užívání staveb",
        "Decree 398/2009 Sb. on the general technical requirements for barrier-free use "
        "of buildings",
    ),
    in_force_from=date(2009, 11, 18),
    rules=RULES_398,
)

_TAKEN_OVER = (
    "hodnota převzata z vyhl. 398/2009 Sb.; nepodařilo se ověřit, zda ji vyhl. 146/2024 Sb. "
    "mění, ani číslo jejího bodu"
)


def _successor(rule: DecreeRule) -> DecreeRule:
    return replace(
        rule,
        citation=Citation("146/2024 Sb.", "požadavky na bezbariérové užívání", False, _TAKEN_OVER),
    )


DECREE_146_2024 = DecreeRuleset(
    version="vyhl-146-2024.1",
    decree="146/2024 Sb.",
    title=(
        "Vyhláška 146/2024 Sb., o požadavcích na výstavbu",
        "Decree 146/2024 Sb. on construction requirements",
    ),
    # The day the new Building Act (283/2021 Sb.) and this decree took effect for most buildings.
    in_force_from=date(2024, 7, 1),
    rules=tuple(_successor(r) for r in RULES_398),
)

DECREES: dict[str, DecreeRuleset] = {r.version: r for r in (DECREE_398_2009, DECREE_146_2024)}
CURRENT_DECREE = DECREE_146_2024.version


def get_decree(version: str | None = None) -> DecreeRuleset:
    """The rule set of `version` (the successor by default); KeyError names the known ones."""
    try:
        return DECREES[version or CURRENT_DECREE]
    except KeyError:
        raise KeyError(f"Unknown decree version {version!r}; known: {', '.join(DECREES)}") from None


def decree_for(surveyed_on: date | None) -> DecreeRuleset:
    """The rule set in force on the survey date: a survey under 398/2009 Sb. is judged by it."""
    if surveyed_on is not None and surveyed_on < DECREE_146_2024.in_force_from:
        return DECREE_398_2009
    return DECREE_146_2024
