"""Czech (and English) words of the catalogue sources mapped to the model's codes.

Pure module (no Django): the importers hand it the raw text of a cell and get a code or None.
Service types are recognised by paragraph ("§ 37", "37", "s60a") or by the name the Act gives the
service, in singular or plural, without diacritics or case mattering.
"""

import re

from mapping.addresses import fold

# Paragraph -> names under which the service is known (folded). Order of the keyword table below
# matters: more specific names first ("domov se zvlastnim rezimem" before "domov").
SERVICE_TYPE_NAMES: dict[str, tuple[str, ...]] = {
    "s37": (
        "socialni poradenstvi",
        "odborne socialni poradenstvi",
        "zakladni socialni poradenstvi",
    ),
    "s39": ("osobni asistence",),
    "s40": ("pecovatelska sluzba",),
    "s41": ("tisnova pece",),
    "s42": ("pruvodcovske a predcitatelske sluzby", "pruvodcovska a predcitatelska sluzba"),
    "s43": ("podpora samostatneho bydleni",),
    "s44": ("odlehcovaci sluzby", "odlehcovaci sluzba"),
    "s45": ("centra dennich sluzeb", "centrum dennich sluzeb"),
    "s46": ("denni stacionare", "denni stacionar"),
    "s47": ("tydenni stacionare", "tydenni stacionar"),
    "s48": (
        "domovy pro osoby se zdravotnim postizenim",
        "domov pro osoby se zdravotnim postizenim",
    ),
    "s49": ("domovy pro seniory", "domov pro seniory"),
    "s50": ("domovy se zvlastnim rezimem", "domov se zvlastnim rezimem"),
    "s51": ("chranene bydleni",),
    "s52": (
        "socialni sluzby poskytovane ve zdravotnickych zarizenich luzkove pece",
        "socialni sluzby ve zdravotnickych zarizenich",
    ),
    "s54": ("rana pece",),
    "s55": ("telefonicka krizova pomoc",),
    "s56": ("tlumocnicke sluzby", "tlumocnicka sluzba"),
    "s57": ("azylove domy", "azylovy dum"),
    "s58": ("domy na pul cesty", "dum na pul cesty"),
    "s59": ("kontaktni centra", "kontaktni centrum"),
    "s60": ("krizova pomoc",),
    "s60a": ("intervencni centra", "intervencni centrum"),
    "s61": ("nizkoprahova denni centra", "nizkoprahove denni centrum"),
    "s62": (
        "nizkoprahova zarizeni pro deti a mladez",
        "nizkoprahove zarizeni pro deti a mladez",
    ),
    "s63": ("nocleharny", "nocleharna"),
    "s64": ("sluzby nasledne pece", "sluzba nasledne pece"),
    "s65": ("socialne aktivizacni sluzby pro rodiny s detmi",),
    "s66": (
        "socialne aktivizacni sluzby pro seniory a osoby se zdravotnim postizenim",
        "socialne aktivizacni sluzby pro seniory",
        "socialne aktivizacni sluzby pro osoby se zdravotnim postizenim",
    ),
    "s67": ("socialne terapeuticke dilny", "socialne terapeuticka dilna"),
    "s68": ("terapeuticke komunity", "terapeuticka komunita"),
    "s69": ("terenni programy", "terenni program"),
    "s70": ("socialni rehabilitace",),
    "related": ("navazna sluzba", "navazne sluzby", "related", "related service", "jina"),
}

_BY_NAME = {name: code for code, names in SERVICE_TYPE_NAMES.items() for name in names}
_PARAGRAPH = re.compile(r"^(?:§|s|par\.?|paragraf)?\s*(\d{2})\s*([a-z]?)$")


def service_type_from_text(raw: str) -> str | None:
    """The ServiceType value for a paragraph or a name in a cell, or None if not recognised."""
    text = fold(raw).strip(" .")
    if not text:
        return None
    if text in _BY_NAME:
        return _BY_NAME[text]
    match = _PARAGRAPH.match(text)
    if match:
        code = f"s{match.group(1)}{match.group(2)}"
        return code if code in SERVICE_TYPE_NAMES else None
    # "Denní stacionář (§ 46)": the paragraph in brackets decides.
    bracketed = re.search(r"§\s*(\d{2}[a-z]?)", text)
    if bracketed and f"s{bracketed.group(1)}" in SERVICE_TYPE_NAMES:
        return f"s{bracketed.group(1)}"
    return None


def service_type_in_title(title: str) -> str | None:
    """Guess the type from a service's own title ("Charitní pečovatelská služba" -> s40).

    For directories that give titles but no type (Příbor). Longest names first, so that
    "sociálně aktivizační služby pro rodiny s dětmi" wins over "sociálně aktivizační služby".
    """
    text = fold(title)
    for name in sorted(_BY_NAME, key=len, reverse=True):
        if len(name) > 8 and name in text and _BY_NAME[name] != "related":
            return _BY_NAME[name]
    for keyword, code in TITLE_KEYWORDS:
        if keyword in text:
            return code
    return None


# Words in titles that name a registered service without its statutory name.
TITLE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("odlehcovac", "s44"),
    ("socialne pravni poradenstvi", "s37"),
    ("obcanska poradna", "s37"),
    ("poradna bily kruh", "s37"),
    ("poradna rane pece", "s54"),
    ("nocleharn", "s63"),
    ("oddeleni socialnich sluzeb", "s52"),
    ("socialne aktivizacni sluzby pro zrakove", "s66"),
)

FORM_WORDS: dict[str, str] = {
    "ambulantni": "ambulant",
    "ambulant": "ambulant",
    "amb": "ambulant",
    "terenni": "field",
    "field": "field",
    "ter": "field",
    "pobytova": "residential",
    "pobytove": "residential",
    "residential": "residential",
    "pob": "residential",
}


def form_from_text(raw: str) -> str | None:
    return FORM_WORDS.get(fold(raw).strip(" ."))


# Keyword (folded, a stem) -> TargetGroup value. First match wins; the more specific first.
TARGET_GROUP_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("dusevn", "mental"),
    ("senior", "seniors"),
    ("telesn", "physical"),
    ("mentaln", "intellectual"),
    ("intellectual", "intellectual"),
    ("zrakov", "visual"),
    ("visual", "visual"),
    ("sluchov", "hearing"),
    ("hearing", "hearing"),
    ("kombinovan", "combined"),
    ("combined", "combined"),
    ("chronick", "chronic"),
    ("demenc", "chronic"),
    ("chronic", "chronic"),
    ("physical", "physical"),
    ("mental", "mental"),
    ("rodin", "families"),
    ("famil", "families"),
    ("mladez", "youth"),
    ("youth", "youth"),
    ("pristresi", "homeless"),
    ("bezdomov", "homeless"),
    ("homeless", "homeless"),
    ("zavisl", "addiction"),
    ("navykov", "addiction"),
    ("addiction", "addiction"),
    ("nasili", "violence"),
    ("obeti", "violence"),
    ("violence", "violence"),
    ("v krizi", "crisis"),
    ("crisis", "crisis"),
    ("vyloucen", "excluded"),
    ("excluded", "excluded"),
    ("migrant", "migrants"),
    ("imigrant", "migrants"),
    ("etnick", "migrants"),
    ("cizin", "migrants"),
    ("pecujic", "carers"),
    ("carer", "carers"),
    ("pachatel", "offenders"),
    ("offender", "offenders"),
)


def target_group_from_text(raw: str) -> str | None:
    text = fold(raw)
    if not text:
        return None
    for keyword, code in TARGET_GROUP_KEYWORDS:
        if keyword in text:
            return code
    return None


def split_list(raw: str) -> list[str]:
    """Cells with several values separate them by ";", "," or new lines."""
    return [part.strip() for part in re.split(r"[;,\n]", str(raw or "")) if part.strip()]
