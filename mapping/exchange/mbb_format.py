"""Read and write Mapy bez bariér exchange documents, JSON and XML.

Both readers give the same thing: the file's objects as plain dicts, keyed and typed as the JSON
Schema says, each checked against both schemas (see mbb_schema). A bad object does not stop the
file: it is returned with its errors, and the caller skips it. A file that is not a document at
all (not JSON, not XML, no list of objects) raises DocumentError.

XML: the root is <objects> in the namespace http://mapybezbarier.cz/XMLSchema with one <object>
per object; its children follow the XSD's sequence; each array item is a repeated element
(<rampskids>, <platform>, <elevator>, <wc>) whose children are the item's fields.
"""

import json
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from django.utils.translation import gettext as _

from mapping.exchange.mbb_schema import (
    ARRAYS,
    NAMESPACE,
    FieldError,
    field_types,
    item_field_types,
    json_errors,
    xml_element_errors,
    xml_order,
)
from mapping.ids import is_ascii_digits
from mapping.progress import READ, Progress

_NS = f"{{{NAMESPACE}}}"


class DocumentError(ValueError):
    """The file is not a Mapy bez bariér exchange document; the message says why."""


@dataclass
class ParsedObject:
    index: int
    data: dict[str, Any]
    errors: list[FieldError] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    # Place columns a converter knows better than the objectType does (VozejkMap's parking).
    place_overrides: dict[str, Any] = field(default_factory=dict)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def _known_fields_only(obj: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Drop fields the standard does not define (the schemas would let JSON keep them, the XML
    could not carry them); report their names so that nothing disappears silently."""
    types = field_types()
    kept: dict[str, Any] = {}
    ignored: list[str] = []
    for key, value in obj.items():
        if key not in types:
            ignored.append(key)
        elif key in ARRAYS and isinstance(value, list):
            item_types = item_field_types(key)
            items = []
            for n, item in enumerate(value):
                if isinstance(item, dict):
                    ignored += [f"{key}[{n}].{k}" for k in item if k not in item_types]
                    item = {k: v for k, v in item.items() if k in item_types}
                items.append(item)
            kept[key] = items
        else:
            kept[key] = value
    return kept, ignored


def check_object(obj: dict[str, Any], index: int) -> list[FieldError]:
    """Errors of one object against the JSON Schema, then (if it passed) the XML Schema."""
    errors = json_errors(obj, index)
    if not errors:
        errors = xml_element_errors(to_element(obj), index)
    return errors


def load_json_document(text: str | bytes) -> list[Any]:
    """The list of objects of a JSON document; DocumentError when it is not one."""
    try:
        doc = json.loads(text)
    except (ValueError, UnicodeDecodeError) as e:
        raise DocumentError(_("The file is not valid JSON: %(error)s") % {"error": e}) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("object"), list):
        raise DocumentError(
            _('A Mapy bez bariér JSON file is an object whose key "object" holds a list.')
        )
    objects: list[Any] = doc["object"]
    return objects


def read_json(text: str | bytes, progress: Progress | None = None) -> list[ParsedObject]:
    raws = load_json_document(text)
    out = []
    for index, raw in enumerate(raws):
        if not isinstance(raw, dict):
            out.append(ParsedObject(index, {}, json_errors(raw, index)))
        else:
            data, ignored = _known_fields_only(raw)
            out.append(ParsedObject(index, data, check_object(data, index), ignored))
        if progress is not None:
            progress(READ, index + 1, len(raws))
    return out


def _typed(text: str | None, json_type: str) -> str | int | float | bool:
    text = text or ""
    if json_type == "integer":
        return int(text.strip())
    if json_type == "number":
        s = text.strip()
        # Keep "8" an integer so that a JSON 8 -> XML -> JSON round trip gives 8, not 8.0.
        digits = s.lstrip("+-")
        return int(s) if is_ascii_digits(digits) else float(s)
    if json_type == "boolean":
        return text.strip() in ("true", "1")
    return text


def from_element(element: ET.Element) -> dict[str, Any]:
    """An <object> element (already valid against the XSD) as an exchange dict."""
    types = field_types()
    obj: dict[str, Any] = {}
    for child in element:
        name = child.tag.removeprefix(_NS)
        if name in ARRAYS:
            item_types = item_field_types(name)
            obj.setdefault(name, []).append(
                {
                    leaf.tag.removeprefix(_NS): _typed(
                        leaf.text, item_types[leaf.tag.removeprefix(_NS)]
                    )
                    for leaf in child
                }
            )
        else:
            obj[name] = _typed(child.text, types[name])
    return obj


def load_xml_root(data: bytes) -> ET.Element:
    """The <objects> root of an XML document; DocumentError when it is not one."""
    # ElementTree resolves no external entities, and the expat it uses refuses entity-expansion
    # bombs, so a hostile upload cannot read files or exhaust memory through the parser.
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise DocumentError(_("The file is not valid XML: %(error)s") % {"error": e}) from None
    if root.tag != f"{_NS}objects":
        raise DocumentError(
            _("A Mapy bez bariér XML file has the root element <objects> in the namespace %(ns)s.")
            % {"ns": NAMESPACE}
        )
    return root


def read_xml(data: bytes, progress: Progress | None = None) -> list[ParsedObject]:
    root = load_xml_root(data)
    total = len(root)
    out = []
    for index, element in enumerate(root):
        errors = xml_element_errors(element, index)
        if errors:
            out.append(ParsedObject(index, {}, errors))
        else:
            obj = from_element(element)
            # The JSON Schema is stricter in places (see mbb_schema): what we keep must export
            # to both.
            out.append(ParsedObject(index, obj, json_errors(obj, index)))
        if progress is not None:
            progress(READ, index + 1, total)
    return out


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def to_element(obj: dict[str, Any]) -> ET.Element:
    """An exchange dict as an <object> element, children in the XSD's order."""
    element = ET.Element(f"{_NS}object")
    for name in xml_order():
        if name not in obj or obj[name] is None:
            continue
        value = obj[name]
        if name in ARRAYS:
            order = item_field_types(name)
            for item in value:
                item_el = ET.SubElement(element, f"{_NS}{name}")
                for leaf in order:
                    if item.get(leaf) is not None:
                        ET.SubElement(item_el, f"{_NS}{leaf}").text = _text(item[leaf])
        else:
            ET.SubElement(element, f"{_NS}{name}").text = _text(value)
    return element


def write_xml(objects: list[dict[str, Any]]) -> bytes:
    root = ET.Element(f"{_NS}objects")
    for obj in objects:
        root.append(to_element(obj))
    ET.indent(root)
    # The default namespace is given here, not registered globally: another library (WeasyPrint
    # renders SVG) may register its own default namespace in the same process.
    xml: bytes = ET.tostring(
        root, encoding="utf-8", xml_declaration=True, default_namespace=NAMESPACE
    )
    return xml


def write_json(objects: list[dict[str, Any]]) -> str:
    return json.dumps({"object": objects}, ensure_ascii=False, indent=1)


def read(data: bytes, fmt: str, progress: Progress | None = None) -> list[ParsedObject]:
    """`fmt` is "json" or "xml"; `progress` (mapping.progress) hears of every object read."""
    return read_xml(data, progress) if fmt == "xml" else read_json(data, progress)


def check_document(data: bytes, fmt: str) -> None:
    """DocumentError unless `data` is a document of format `fmt`: the quick check of an upload,
    before its objects are read one by one."""
    if fmt == "xml":
        load_xml_root(data)
    else:
        load_json_document(data)


def guess_format(name: str, data: bytes) -> str:
    if name.lower().endswith(".xml") or data.lstrip()[:1] == b"<":
        return "xml"
    return "json"
