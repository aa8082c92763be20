"""The survey structure and its validation.

An assessment's answers are one Mapy bez bariér exchange object (property names and types exactly
as the standard's schema.jsonschema has them) plus our own public-space (`publicSpace...`) and
sensory (`sensory...`) fields. `validate()` checks answers from the survey form; `validate_exchange`
checks the shape of a raw exchange document for the command line and the importer.
"""

from dataclasses import dataclass
from typing import Any

from mapping.methodology import applicability, fields_items
from mapping.methodology.answers import Answers
from mapping.methodology.fields import (
    BOOLEAN,
    DATETIME,
    ENUM,
    INTEGER,
    NUMBER,
    STRING,
    Field,
    _entrance,
    _general,
    _interior,
)

TOP_FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        _general()
        + _entrance(1)
        + _entrance(2)
        + _interior()
        + fields_items.public_space()
        + fields_items.sensory()
    )
}
ITEM_FIELDS: dict[str, dict[str, Field]] = {
    "rampskids": {f.name: f for f in fields_items.rampskids()},
    "platform": {f.name: f for f in fields_items.platform()},
    "elevator": {f.name: f for f in fields_items.elevator()},
    "wc": {f.name: f for f in fields_items.wc()},
}
MAX_ITEMS = 50
# The exchange standard requires these of every object.
EXCHANGE_REQUIRED = ("title", "accessibility", "mappingDate", "objectType")

GROUPS: dict[str, tuple[str, str]] = {
    "general": ("obecné údaje", "general"),
    "parking": ("parkování", "parking"),
    "entrance1": ("hlavní vstup", "main entrance"),
    "entrance2": ("vedlejší vstup", "side entrance"),
    "interior": ("interiér", "interior"),
    "rampskids": ("rampa / ližiny {n}", "ramp / skids {n}"),
    "platform": ("plošina {n}", "platform lift {n}"),
    "elevator": ("výtah {n}", "lift {n}"),
    "wc": ("WC {n}", "toilet {n}"),
    "public_space": ("veřejné prostranství", "public space"),
    "sensory": ("smyslová přístupnost", "sensory accessibility"),
}
PLACE_KINDS = ("building", "public_space", "parking", "toilet", "transport_stop")
REQUIRED_BY_KIND: dict[str, tuple[str, ...]] = {
    "building": ("entrance1Accessibility", "objectInteriorAccessibility"),
    "public_space": ("publicSpaceSurface", "publicSpaceLongitudinalSlope"),
    "parking": ("entrance1IsReservedParking",),
    "toilet": ("wc",),
    "transport_stop": ("publicSpaceSurface", "publicSpaceKerbHeight"),
}
UNIT_LABELS = {"cm": ("cm", "cm"), "%": ("%", "%"), "count": ("", ""), "kg": ("kg", "kg")}


@dataclass(frozen=True, slots=True)
class ValidationError:
    """`cs`, `en`: the message with the field's path, for files and the command line.
    `problem_cs`, `problem_en`: what is wrong, in words only, to show next to the field."""

    field: str
    code: str
    cs: str
    en: str
    problem_cs: str = ""
    problem_en: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "cs": self.cs, "en": self.en}

    def in_words(self) -> dict[str, Any]:
        """For the survey form: the label and the problem, never the internal key."""
        if not self.problem_cs:
            return self.to_dict()
        label_cs, label_en = field_label(self.field)
        return {
            "field": self.field,
            "code": self.code,
            "cs": f"{_capital(label_cs)}: {self.problem_cs}",
            "en": f"{_capital(label_en)}: {self.problem_en}",
            "problem": {"cs": _capital(self.problem_cs), "en": _capital(self.problem_en)},
        }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _field_error(path: str, code: str, problem_cs: str, problem_en: str) -> ValidationError:
    label_cs, label_en = field_label(path)
    return ValidationError(
        path,
        code,
        f"{label_cs} ({path}): {problem_cs}",
        f"{label_en} ({path}): {problem_en}",
        problem_cs,
        problem_en,
    )


def field_for(path: str) -> Field | None:
    """The definition of `entrance1Door1MainpanelWidth` or `wc[0].doorWidth`, also written with
    the exchange document's `object[3].` in front."""
    if path.startswith("object["):
        path = path.partition("].")[2]
    if "[" in path:
        group, _, rest = path.partition("[")
        _, _, name = rest.partition("].")
        return ITEM_FIELDS.get(group, {}).get(name)
    return TOP_FIELDS.get(path)


def field_label(path: str) -> tuple[str, str]:
    """Czech and English label of a field path, with its group: "WC 1: šířka dveří kabiny"."""
    f = field_for(path)
    if f is None:
        return path, path
    if path.startswith("object["):
        path = path.partition("].")[2]
    if "[" in path:
        n = int(path.partition("[")[2].partition("]")[0]) + 1
        g_cs, g_en = GROUPS[f.group]
        return f"{g_cs.format(n=n)}: {f.cs}", f"{g_en.format(n=n)}: {f.en}"
    if f.group in ("entrance1", "entrance2", "parking"):
        g_cs, g_en = GROUPS["entrance2" if f.name.startswith("entrance2") else "entrance1"]
        return f"{g_cs}: {f.cs}", f"{g_en}: {f.en}"
    return f.cs, f.en


def format_number(value: float, lang: str) -> str:
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "cs" else text


def field_unit(path: str) -> str:
    f = field_for(path)
    return f.unit if f is not None else ""


def display_value(path: str, value: object, language: str) -> str:
    """A stored answer as a reader sees it: code lists by their label, yes/no, units."""
    if value is None or value == "":
        return ""
    f = field_for(path)
    cs = language.startswith("cs")
    if isinstance(value, bool):
        return ("ano" if value else "ne") if cs else ("yes" if value else "no")
    if f is not None and f.enum and value in f.enum:
        label_cs, label_en = f.enum[value]
        return label_cs if cs else label_en
    if isinstance(value, int | float):
        text = format_number(value, "cs" if cs else "en")
        unit = f.unit if f is not None and f.unit in ("cm", "%", "kg") else ""
        return f"{text} {unit}".strip()
    return str(value)


def _type_error(path: str, f: Field, value: object) -> ValidationError | None:
    t = f.type
    if t == BOOLEAN:
        ok, cs, en = isinstance(value, bool), "ano, nebo ne (true/false)", "true or false"
    elif t == INTEGER:
        ok = isinstance(value, int) and not isinstance(value, bool)
        cs, en = "celé číslo", "a whole number"
    elif t == NUMBER:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        cs, en = "číslo", "a number"
    elif t in (STRING, DATETIME, ENUM):
        ok, cs, en = isinstance(value, str), "text", "text"
    else:  # pragma: no cover - every field has one of the types above
        raise ValueError(t)
    if ok:
        return None
    return _field_error(
        path, "type", f"hodnota {value!r} není {cs}.", f"the value {value!r} is not {en}."
    )


def check_value(path: str, f: Field, value: object) -> ValidationError | None:
    """Type, range and code list of one value; None if it is fine."""
    error = _type_error(path, f, value)
    if error is not None:
        return error
    if f.type == ENUM and f.enum is not None and value not in f.enum:
        allowed = ", ".join(f.enum) if len(f.enum) <= 12 else f"{len(f.enum)} hodnot/values"
        return _field_error(
            path,
            "enum",
            f"neznámá hodnota „{value}“. Povolené hodnoty: {allowed}.",
            f"unknown value '{value}'. Allowed values: {allowed}.",
        )
    if (
        f.type in (INTEGER, NUMBER)
        and isinstance(value, int | float)
        and (
            (f.minimum is not None and value < f.minimum)
            or (f.maximum is not None and value > f.maximum)
        )
    ):
        u_cs, u_en = UNIT_LABELS.get(f.unit, ("", ""))
        v_cs, v_en = format_number(value, "cs"), format_number(value, "en")
        return _field_error(
            path,
            "range",
            f"{v_cs} {u_cs} je mimo povolený rozsah{_range(f, u_cs, 'cs')}.".replace("  ", " "),
            f"{v_en} {u_en} is outside the allowed range{_range(f, u_en, 'en')}."
            .replace("  ", " "),
        )  # fmt: skip
    return None


def _range(f: Field, unit: str, lang: str) -> str:
    """` 30–300 cm`, or `: nejméně 0` / `: at least 0` for a field bounded on one side."""
    lo = None if f.minimum is None else format_number(f.minimum, lang)
    hi = None if f.maximum is None else format_number(f.maximum, lang)
    if hi is None:
        return f": {'nejméně' if lang == 'cs' else 'at least'} {lo} {unit}".rstrip()
    if lo is None:
        return f": {'nejvýše' if lang == 'cs' else 'at most'} {hi} {unit}".rstrip()
    return f" {lo}–{hi} {unit}"


def _check_object(
    obj: Answers, prefix: str, unknown_is_error: bool, errors: list[ValidationError]
) -> None:
    for key, value in obj.items():
        path = prefix + key
        if key in ITEM_FIELDS:
            _check_items(key, value, path, unknown_is_error, errors)
            continue
        f = TOP_FIELDS.get(key)
        if f is None:
            if unknown_is_error:
                errors.append(_unknown(path))
            continue
        if value is None:
            continue
        error = check_value(path, f, value)
        if error is not None:
            errors.append(error)


def _check_items(
    name: str, items: object, path: str, unknown_is_error: bool, errors: list[ValidationError]
) -> None:
    if items is None:
        return
    g_cs, g_en = GROUPS[name]
    if not isinstance(items, list):
        errors.append(ValidationError(
            path, "type",
            f"{path}: očekáván seznam (pole) záznamů „{g_cs.format(n='')}“.".replace(" “", "“"),
            f"{path}: expected a list (array) of '{g_en.format(n='').strip()}' records.",
        ))  # fmt: skip
        return
    if len(items) > MAX_ITEMS:
        errors.append(ValidationError(
            path, "range",
            f"{path}: nejvýše {MAX_ITEMS} záznamů, zadáno {len(items)}.",
            f"{path}: at most {MAX_ITEMS} records, {len(items)} given.",
        ))  # fmt: skip
    fields = ITEM_FIELDS[name]
    for i, item in enumerate(items):
        item_path = f"{path}[{i}]"
        if not isinstance(item, dict):
            errors.append(ValidationError(
                item_path, "type",
                f"{item_path}: záznam musí být objekt s poli.",
                f"{item_path}: a record must be an object with fields.",
            ))  # fmt: skip
            continue
        for key, value in item.items():
            f = fields.get(key)
            if f is None:
                if unknown_is_error:
                    errors.append(_unknown(f"{item_path}.{key}"))
                continue
            if value is not None:
                error = check_value(f"{item_path}.{key}", f, value)
                if error is not None:
                    errors.append(error)


def _unknown(path: str) -> ValidationError:
    return ValidationError(
        path,
        "unknown",
        f"{path}: neznámé pole, průzkum ho nezná.",
        f"{path}: unknown field, not part of the survey.",
    )


def _required(path: str) -> ValidationError:
    if path in ITEM_FIELDS:
        label_cs, label_en = (
            GROUPS[path][0].format(n="").strip(),
            GROUPS[path][1].format(n="").strip(),
        )
        return ValidationError(
            path,
            "required",
            f"{label_cs} ({path}): údaj je povinný.",
            f"{label_en} ({path}): this is required.",
        )
    return _field_error(path, "required", "údaj je povinný.", "this is required.")


def validate(answers: object, place_kind: str) -> list[ValidationError]:
    """Errors in a survey's answers for a place of `place_kind`; [] when they are fine."""
    if not isinstance(answers, dict):
        return [
            ValidationError("", "type", "Odpovědi musí být objekt.", "Answers must be an object.")
        ]
    if place_kind not in REQUIRED_BY_KIND:
        raise ValueError(f"Unknown place kind {place_kind!r}; known: {', '.join(PLACE_KINDS)}")
    errors: list[ValidationError] = []
    _check_object(answers, "", True, errors)
    for key in REQUIRED_BY_KIND[place_kind]:
        # A question that does not apply to these answers is never required (it is not asked).
        if answers.get(key) in (None, "", []) and applicability.TOP.applies(key, answers):
            errors.append(_required(key))
    return errors


def validate_exchange_object(obj: object, index: int) -> list[ValidationError]:
    """Errors in one object of an exchange document, paths prefixed `object[index].`.

    Properties the survey does not know are allowed, as the standard's schema allows them.
    """
    prefix = f"object[{index}]."
    if not isinstance(obj, dict):
        return [ValidationError(
            f"object[{index}]", "type",
            f"object[{index}]: objekt musí být JSON objekt s vlastnostmi.",
            f"object[{index}]: an object must be a JSON object with properties.",
        )]  # fmt: skip
    errors: list[ValidationError] = []
    for key in EXCHANGE_REQUIRED:
        if obj.get(key) is None:
            e = _required(key)
            errors.append(ValidationError(prefix + key, e.code, e.cs, e.en))
    _check_object(obj, prefix, False, errors)
    return errors


def validate_exchange(document: object) -> list[ValidationError]:
    """Errors in a whole exchange document `{"object": [...]}`."""
    if not isinstance(document, dict) or not isinstance(document.get("object"), list):
        return [ValidationError(
            "object", "type",
            "Soubor musí být JSON objekt s klíčem „object“ obsahujícím seznam objektů.",
            "The file must be a JSON object whose key 'object' holds a list of objects.",
        )]  # fmt: skip
    errors: list[ValidationError] = []
    for i, obj in enumerate(document["object"]):
        errors.extend(validate_exchange_object(obj, i))
    return errors


def describe() -> dict[str, Any]:
    """The structure as JSON, for the survey form and the API documentation."""

    def one(f: Field, rules: applicability.Applicability) -> dict[str, Any]:
        d: dict[str, Any] = {
            "name": f.name,
            "type": f.type,
            "group": f.group,
            "cs": f.cs,
            "en": f.en,
        }
        if f.unit:
            d["unit"] = f.unit
        if f.minimum is not None:
            d["minimum"] = f.minimum
        if f.maximum is not None:
            d["maximum"] = f.maximum
        if f.enum:
            d["enum"] = [{"value": v, "cs": cs, "en": en} for v, (cs, en) in f.enum.items()]
        d["required_for"] = [k for k, req in REQUIRED_BY_KIND.items() if f.name in req]
        if f.name in rules.rules:
            d["shown_if"] = rules.rules[f.name]
        if f.name in rules.section_of:
            d["section"] = rules.section_of[f.name]
        return d

    def sections(rules: applicability.Applicability) -> list[dict[str, Any]]:
        return [
            {
                "name": s.name,
                "cs": s.cs,
                "en": s.en,
                "add": {"cs": s.add_cs, "en": s.add_en},
                "shown_if": s.shown_if,
                "parent": s.parent,
                "before": s.before,
                "details": s.details,
            }
            for s in rules.sections.values()
        ]

    top = applicability.TOP
    return {
        "groups": {k: {"cs": cs, "en": en} for k, (cs, en) in GROUPS.items()},
        "fields": [one(f, top) for f in TOP_FIELDS.values()],
        "items": {
            name: [one(f, applicability.ITEMS[name]) for f in fs.values()]
            for name, fs in ITEM_FIELDS.items()
        },
        "sections": sections(top),
        "item_sections": {name: sections(r) for name, r in applicability.ITEMS.items()},
        "required_by_kind": {k: list(v) for k, v in REQUIRED_BY_KIND.items()},
    }
