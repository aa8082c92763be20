"""The hostile values, broken bodies and bad files the sweep sends."""

from __future__ import annotations

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.survey.conftest import small_jpeg

# ---------------------------------------------------------------------------------------------
# Inputs.

HOSTILE_VALUES = [
    "",
    "abc",
    "-1",
    "1e309",
    "NaN",
    "999999999999999999999",  # past bigint
    "1,2,3",
    "NaN,NaN,NaN,NaN",
    "-200,-100,200,100",
    "\x00",  # PostgreSQL refuses NUL in text
    "²",  # a Unicode digit: str.isdigit() says yes, int() says no
    "Žluťoučký kůň 🦽 <script>",
    "9" * 5000,  # past Python's int-from-string limit
    "x" * 10240,
]
# The light sweep of every persona and every id: the value that most often slips past a check
# (a NUL character is refused for every URL by mapping.middleware, tested on its own).
LIGHT_VALUES = ["²"]
# One parameter at a time gets the values that differ in kind (the bbox shapes only matter to the
# parameters sent all at once above, which include every bbox-like one).
PER_KEY_VALUES = ["abc", "-1", "1e309", "NaN", "999999999999999999999", "²"]
PER_KEY_VALUES += ["9" * 5000, "x" * 10240]
# Django's admin parses its own parameters (search, ordering, filters, pages); ours are the
# filters and search fields its change lists are given: a few values of each kind reach them.
SHORT_VALUES = ["abc", "-1", "\x00", "²", "x" * 10240]
# Answers that take a tenth of a second or more (PDF layout, the OpenAPI document, GeoPackage,
# the printable map): they read few parameters, and get the short list of values.
EXPENSIVE = {"api:schema", "catalogue:pdf", "catalogue:place_sheet", "catalogue:provider_sheet"}
EXPENSIVE |= {"opendata:gpkg", "public:print_map"}
# Names many views of this project (or of the API) read; sent all at once, besides what the
# spy finds, so that a key read only when another one is present is found too.
GENERIC_KEYS = [
    "bbox",
    "limit",
    "offset",
    "page",
    "page_size",
    "q",
    "lat",
    "lon",
    "radius",
    "profile",
    "limits",
    "kind",
    "category",
    "purpose",
    "municipality",
    "format",
    "from",
    "to",
    "from_place",
    "to_place",
    "place",
    "photo",
    "lang",
    "next",
    "status",
    "toilet",
    "parking",
    "service_type",
    "target_group",
    "max_kerb_cm",
    "min_width_cm",
    "hide_barriers",
    "accessible_for",
    "o",
    "p",
    "e",
    "_changelist_filters",
]
JSON_BODIES = [
    b"{not json",
    b"\xff\xfe\x00garbage",
    b"[]",
    b"[1, 2, 3]",
    b"null",
    b'"a string"',
    b"1e309",
    b'{"a": null}',
]


JSON_IN_A_FIELD = ["{not json", "[]", "null", '{"a": null}', '{"answers": [null]}']


def json_of_nulls(keys) -> list[bytes]:
    """Objects with the keys the view reads, holding nulls, lists and nested nulls."""
    keys = sorted(keys) or ["payload"]
    bodies = []
    for value in (None, [], {"x": None}, "abc", -1, 1e300, [None], "\u0000"):
        bodies.append(json.dumps(dict.fromkeys(keys, value)).encode())
    return bodies


def bad_files() -> list[tuple[str, SimpleUploadedFile]]:
    text = b"this is not a photo\n" * 10
    return [
        ("a zero-byte file", SimpleUploadedFile("empty.jpg", b"", content_type="image/jpeg")),
        ("text named .jpg", SimpleUploadedFile("photo.jpg", text, content_type="text/plain")),
        ("a PDF", SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")),
        ("a truncated JPEG", SimpleUploadedFile("cut.jpg", small_jpeg()[:40], "image/jpeg")),
    ]
