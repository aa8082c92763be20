"""Czech and English texts of the rules and the sensory features, and reasons rendered with them.

Rendering happens only in `to_dict()`, so that evaluating many objects builds no strings.
"""

from functools import lru_cache
from typing import Any

from mapping.methodology import enums
from mapping.methodology.reasons import Reason
from mapping.methodology.structure import field_for, field_label, format_number

# rule id -> (Czech title, English title, how "required" reads)
RULES: dict[str, tuple[str, str, str]] = {
    "entrance": ("Vstup do objektu", "Way into the building", "one_of"),
    "interior": ("Přístupnost interiéru", "Accessibility of the interior", "one_of"),
    "ramp_slope": ("Sklon rampy (nejstrmější rameno)", "Ramp slope (steepest leg)", "ramp"),
    "ramp_width": ("Šířka rampy (nejužší rameno)", "Ramp width (narrowest leg)", "min"),
    "ramp_handrail": ("Madlo u rampy", "Ramp handrail", "yes"),
    "door_main_panel": (
        "Šířka hlavního křídla vstupních dveří",
        "Width of the main leaf of the entrance doors",
        "min",
    ),
    "door_width": (
        "Šířka vstupních dveří (hlavní a vedlejší křídlo)",
        "Width of the entrance doors (main and side leaf)",
        "min",
    ),
    "narrowed_passage": ("Zúžený průchod v objektu", "Narrowed passage in the building", "no"),
    "narrowed_width": ("Šířka zúženého průchodu", "Width of the narrowed passage", "min"),
    "threshold": ("Výška prahu dveří", "Door threshold height", "max"),
    "stairs_banister": ("Madlo u schodiště", "Banister on the stairs", "yes"),
    "lift_door": ("Šířka dveří výtahu", "Lift door width", "min"),
    "lift_cabin_width": ("Šířka kabiny výtahu", "Lift cabin width", "min"),
    "lift_cabin_depth": ("Hloubka kabiny výtahu", "Lift cabin depth", "min"),
    "lift_seat": ("Sedátko v kabině výtahu", "Seat in the lift cabin", "yes"),
    "lift_handrail": ("Madlo v kabině výtahu", "Handrail in the lift cabin", "yes"),
    "platform_entry": ("Šířka nástupní plochy plošiny", "Platform lift entry area width", "min"),
    "platform_width": ("Šířka plošiny", "Platform width", "min"),
    "platform_depth": ("Hloubka plošiny", "Platform depth", "min"),
    "toilet_category": (
        "Alespoň jedno WC přístupné nebo částečně přístupné",
        "At least one accessible or partly accessible toilet",
        "toilets",
    ),
    "toilet_alarm": ("Nouzové tlačítko na WC", "Alarm button in the toilet", "yes"),
    "toilet_washbasin": ("Podjezd umyvadla na WC", "Knee space under the washbasin", "equals"),
    "toilet_seat": ("Výška sedátka WC", "Toilet seat height", "min"),
    "toilet_changing_table": ("Přebalovací pult na WC", "Changing table in the toilet", "yes"),
    "wc_localization": ("Umístění kabiny WC", "Where the toilet cabin is", "one_of"),
    "wc_door_width": ("Šířka dveří na cestě k WC", "Width of the doors on the way", "min"),
    "wc_door_direction": ("Otevírání dveří kabiny", "Cabin door opening", "equals"),
    "wc_cabin_width": ("Šířka kabiny WC", "Toilet cabin width", "min"),
    "wc_cabin_depth": ("Hloubka kabiny WC", "Toilet cabin depth", "min"),
    "wc_side_space": ("Volný prostor vedle mísy", "Free space beside the bowl", "min"),
    "wc_grab_bars": ("Madla po obou stranách mísy", "Grab bars on both sides", "bars"),
    "wc_paper": ("Toaletní papír v dosahu", "Paper within reach", "yes"),
    "wc_washbasin": ("Podjezd umyvadla", "Knee space under the washbasin", "equals"),
    "wc_basin_space": ("Prostor u mísy", "Space by the bowl", "equals"),
    "ps_longitudinal_slope": ("Podélný sklon", "Longitudinal slope", "max"),
    "ps_cross_slope": ("Příčný sklon", "Cross slope", "max"),
    "ps_kerb": ("Výška obrubníku", "Kerb height", "max"),
    "ps_width": ("Volná šířka", "Clear width", "min"),
    "ps_steps": ("Schody na cestě", "Steps on the way", "max"),
}

FEATURES: dict[str, tuple[str, str]] = {
    "guiding_line_natural": ("přirozená vodicí linie", "natural guiding line"),
    "guiding_line_artificial": ("umělá vodicí linie", "artificial guiding line"),
    "contrast_glass": ("kontrastní značení prosklených ploch", "contrast marking of glass"),
    "contrast_steps": ("kontrastní značení schodů", "contrast marking of steps"),
    "acoustic_beacon": ("akustický orientační majáček", "acoustic orientation beacon"),
    "wayfinding_system": ("orientační systém", "wayfinding system"),
    "tactile_paving": ("hmatová dlažba", "tactile paving"),
    "acoustic_signal": ("akustická signalizace na přechodu", "acoustic signal at the crossing"),
    "lift_braille": ("Braillovo písmo u ovladačů výtahu", "Braille on the lift buttons"),
    "lift_relief": ("reliéfní značení ovladačů výtahu", "relief marking of the lift buttons"),
    "acoustic_announcement": ("akustická hlášení ve výtahu", "acoustic announcements in the lift"),
    "spoken_announcement": ("hlasová hlášení ve výtahu", "spoken announcements in the lift"),
    "door_braille": ("Braillovo písmo na dveřích", "Braille on doors"),
    "induction_loop": ("indukční smyčka", "induction loop"),
    "intercom_visual": ("interkom se světelnou signalizací", "intercom with a visual signal"),
    "lift_visual_display": ("digitální ukazatel ve výtahu", "visual display in the lift"),
}

_CATEGORY = {
    "accessible": ("přístupné", "accessible"),
    "partly": ("částečně přístupné", "partly accessible"),
    "inaccessible": ("nepřístupné", "inaccessible"),
}
_ALL_LABELS: dict[str, tuple[str, str]] = {}
for _name in dir(enums):
    _labels = getattr(enums, _name)
    if isinstance(_labels, dict) and _name.isupper():
        for _code, _pair in _labels.items():
            _ALL_LABELS.setdefault(_code, _pair)


def _value(value: object, path: str, lang: str) -> str:
    i = 0 if lang == "cs" else 1
    if value is True:
        return ("ano", "yes")[i]
    if value is False:
        return ("ne", "no")[i]
    if isinstance(value, str):
        f = field_for(path) if path else None
        if f is not None and f.enum and value in f.enum:
            return f.enum[value][i]
        return _ALL_LABELS.get(value, (value, value))[i]
    if isinstance(value, int | float):
        f = field_for(path) if path else None
        unit = f.unit if f is not None and f.unit in ("cm", "%") else ""
        return f"{format_number(value, lang)} {unit}".strip()
    return str(value)


def _required(kind: str, required: Any, path: str, lang: str) -> str:
    cs = lang == "cs"
    if kind == "min":
        return ("nejméně " if cs else "at least ") + _value(required, path, lang)
    if kind == "max":
        return ("nejvýše " if cs else "at most ") + _value(required, path, lang)
    if kind == "yes":
        return _value(True, path, lang)
    if kind == "no":
        return _value(False, path, lang)
    if kind == "equals":
        return _value(required, path, lang)
    if kind == "bars":
        return "po obou stranách" if cs else "on both sides"
    if kind == "ramp":
        max_slope, length, _ = required
        limit = _value(max_slope, path, lang)
        reach = format_number(length / 100, lang)
        return (f"nejvýše {limit} (nejdelší rameno {reach} m)" if cs
                else f"at most {limit} (longest leg {reach} m)")  # fmt: skip
    if kind == "toilets":
        return "přístupné nebo částečně přístupné" if cs else "accessible or partly accessible"
    # one_of: enum values, and for entrances possibly (MORE_STEPS, max steps)
    parts = []
    for option in required:
        if isinstance(option, tuple):
            kind_label = _value(option[0], path, lang)
            parts.append(f"{kind_label} (nejvýše {option[1]})" if cs
                         else f"{kind_label} (at most {option[1]})")  # fmt: skip
        else:
            parts.append(_value(option, path, lang))
    return (" nebo " if cs else " or ").join(parts)


def _measured(kind: str, measured: Any, path: str, lang: str) -> str:
    if kind == "toilets":
        i = 0 if lang == "cs" else 1
        return ", ".join(_CATEGORY[c][i] for c in measured)
    if kind == "bars":
        return "po jedné straně" if lang == "cs" else "on one side"
    return _value(measured, path, lang)


def _jsonable(value: object) -> object:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def reason_dict(reason: Reason) -> dict[str, Any]:
    """A reason with its texts. The same reason recurs across many objects: render it once."""
    return dict(_render(reason))


@lru_cache(maxsize=20000)
def _render(reason: Reason) -> dict[str, Any]:
    profile, level, rule, path, measured, required = reason
    title_cs, title_en, kind = RULES[rule]
    if path == "wc":
        label_cs, label_en = "WC", "toilets"
    else:
        label_cs, label_en = field_label(path)
    m_cs, m_en = _measured(kind, measured, path, "cs"), _measured(kind, measured, path, "en")
    r_cs, r_en = _required(kind, required, path, "cs"), _required(kind, required, path, "en")
    # "is 5 cm" reads well, "is no" does not: a yes/no answer stands on its own.
    is_cs, is_en = ("", "") if isinstance(measured, bool) else ("je ", "is ")
    return {
        "profile": profile,
        "level": level,
        "rule": rule,
        "field": path,
        "measured": _jsonable(measured),
        "required": required[0] if kind == "ramp" else _jsonable(required),
        "cs": f"{title_cs} – {label_cs}: {is_cs}{m_cs}, požadováno {r_cs}.",
        "en": f"{title_en} – {label_en}: {is_en}{m_en}, required {r_en}.",
    }


def feature_dict(feature: tuple[str, str]) -> dict[str, str]:
    name, path = feature
    cs, en = FEATURES[name]
    return {"feature": name, "field": path, "cs": cs, "en": en}
