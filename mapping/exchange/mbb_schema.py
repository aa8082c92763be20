"""The Mapy bez bariér exchange standard: its two schemas, its fields, and object validation.

An object is accepted only if it is valid against BOTH the JSON Schema and the XML Schema: the
two differ in a few limits (the XSD forbids negative slopes, the JSON Schema caps a platform at
400 cm and the XSD at 300 cm, the XSD knows a Euro-key access the JSON Schema does not), and
what we store must export to either format. Errors name the object's index and the field
(`wc[0].doorWidth`, the notation the survey engine uses too).
"""

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import jsonschema
import xmlschema
from django.utils.translation import gettext as _
from xmlschema.validators import XsdComplexType, XsdElement, XsdGroup

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "mapybezbarier"
NAMESPACE = "http://mapybezbarier.cz/XMLSchema"
ARRAYS = ("rampskids", "platform", "elevator", "wc")
# The standard's categories, by profile, as the exchange writes them.
PROFILE_KEYS = {
    "wheelchair": "accessibility",
    "seniors": "accessibilitySeniors",
    "pram": "accessibilityPram",
}
OBJECT_CATEGORIES = {
    "accessible": "AccessibleObjectMKPO",
    "partly": "PartlyAccessibleObjectMKPO",
    "inaccessible": "InAccessibleObjectMKPO",
}
WC_CATEGORIES = {
    "accessible": "AccessibleWCMKPO",
    "partly": "PartlyAccessibleWCMKPO",
    "inaccessible": "InAccessibleWCMKPO",
}
CATEGORY_FROM_EXCHANGE = {
    **{v: k for k, v in OBJECT_CATEGORIES.items()},
    **{v: k for k, v in WC_CATEGORIES.items()},
}
# xs:dateTime; the JSON Schema's "format": "DATE_TIME" is not a format jsonschema knows.
_DATE_TIME = re.compile(
    r"^-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$",
)


@dataclass(frozen=True)
class FieldError:
    """One problem in one object: its index in the file, the field path and a message."""

    index: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("object %(index)s, field %(field)s: %(message)s") % {
            "index": self.index,
            "field": self.field or "-",
            "message": self.message,
        }


@cache
def json_schema() -> dict[str, Any]:
    with open(SCHEMA_DIR / "schema.jsonschema", encoding="utf-8") as f:
        schema: dict[str, Any] = json.load(f)
    return schema


@cache
def object_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json_schema()["properties"]["object"]["items"]
    return schema


@cache
def _object_validator() -> jsonschema.Draft3Validator:
    return jsonschema.Draft3Validator(object_schema())


@cache
def xml_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA_DIR / "schema.xsd"))


@cache
def field_types() -> dict[str, str]:
    """Top-level field -> JSON type ("string", "integer", "number", "boolean", "array")."""
    return {name: spec["type"] for name, spec in object_schema()["properties"].items()}


@cache
def item_field_types(array: str) -> dict[str, str]:
    props = object_schema()["properties"][array]["items"]["properties"]
    return {name: spec["type"] for name, spec in props.items()}


@cache
def date_time_fields() -> tuple[str, ...]:
    props = object_schema()["properties"]
    return tuple(n for n, s in props.items() if s.get("format") == "DATE_TIME")


@cache
def xml_order() -> tuple[str, ...]:
    """Top-level element order of the XSD's <object> sequence (it differs from the JSON's)."""
    obj = _sequence(xml_schema().elements["objects"])[0]
    if not isinstance(obj, XsdElement):
        raise TypeError("schema.xsd: <objects> must be a sequence of <object> elements")
    return tuple(str(e.local_name) for e in _sequence(obj).iter_elements())


def _sequence(element: XsdElement) -> XsdGroup:
    """The children of an element of complex type (xmlschema types them as a union)."""
    type_ = element.type
    if not isinstance(type_, XsdComplexType) or not isinstance(type_.content, XsdGroup):
        raise TypeError(f"schema.xsd: <{element.local_name}> has no child elements")
    return type_.content


def _path(parts: Iterable[str | int]) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _json_message(error: jsonschema.ValidationError) -> str:
    v = error.validator
    if v == "required":
        return _("this field is required")
    if v == "type":
        return _("the value %(value)s is not of type %(type)s") % {
            "value": json.dumps(error.instance, ensure_ascii=False)[:80],
            "type": error.validator_value,
        }
    if v == "enum":
        return _("the value %(value)s is not one of the allowed codes") % {
            "value": json.dumps(error.instance, ensure_ascii=False)[:80]
        }
    if v == "maximum":
        return _("the value %(value)s is greater than the maximum %(limit)s") % {
            "value": error.instance,
            "limit": error.validator_value,
        }
    if v == "minimum":
        return _("the value %(value)s is less than the minimum %(limit)s") % {
            "value": error.instance,
            "limit": error.validator_value,
        }
    return error.message


def _check_dates(obj: dict[str, Any], index: int) -> list[FieldError]:
    errors = []
    for name in date_time_fields():
        value = obj.get(name)
        if not isinstance(value, str):
            continue
        try:
            ok = bool(_DATE_TIME.match(value)) and datetime.fromisoformat(value) is not None
        except ValueError:
            ok = False
        if not ok:
            errors.append(
                FieldError(
                    index,
                    name,
                    _("%(value)s is not a date and time such as 2021-05-09T14:30:00")
                    % {"value": json.dumps(value, ensure_ascii=False)[:40]},
                )
            )
    return errors


def json_errors(obj: object, index: int) -> list[FieldError]:
    """Errors of one exchange object against the JSON Schema (and xs:dateTime dates)."""
    if not isinstance(obj, dict):
        return [FieldError(index, "", _("an object must be a JSON object {...}"))]
    errors = [
        FieldError(index, _path(e.path), _json_message(e))
        for e in _object_validator().iter_errors(obj)
    ]
    errors += _check_dates(obj, index)
    return sorted(errors, key=lambda e: e.field)


def xml_element_errors(element: ET.Element, index: int) -> list[FieldError]:
    """Errors of one <object> element against the XML Schema."""
    paths: dict[int, str] = {id(element): ""}
    counts: dict[str, int] = {}
    for child in element:
        name = child.tag.rpartition("}")[2]
        if len(child) and name in ARRAYS:
            n = counts.get(name, 0)
            counts[name] = n + 1
            paths[id(child)] = f"{name}[{n}]"
            for leaf in child:
                paths[id(leaf)] = f"{name}[{n}].{leaf.tag.rpartition('}')[2]}"
        else:
            paths[id(child)] = name
    wrapper = ET.Element(f"{{{NAMESPACE}}}objects")
    wrapper.append(element)
    errors = []
    for e in xml_schema().iter_errors(wrapper):
        field = paths.get(id(e.elem), "") if e.elem is not None else ""
        errors.append(FieldError(index, field, str(e.reason or e.message)))
    return errors
