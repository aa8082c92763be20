"""The survey structure records what the Mapy bez bariér standard records, and validates answers."""

import json
from pathlib import Path

import pytest

from mapping.methodology import structure
from mapping.methodology.structure import validate, validate_exchange
from tests.methodology.objects import BUILDING, PUBLIC_SPACE, changed

SCHEMA = Path(__file__).resolve().parents[2] / "mapping/exchange/schemas/mapybezbarier"
OBJECT_SCHEMA = json.loads((SCHEMA / "schema.jsonschema").read_text())["properties"]["object"][
    "items"
]


def test_every_property_of_the_standard_is_a_field_of_the_survey_and_nothing_else_is_unprefixed():
    ours = {k for k in structure.TOP_FIELDS if not k.startswith(("publicSpace", "sensory"))}
    theirs = {k for k, v in OBJECT_SCHEMA["properties"].items() if v["type"] != "array"}

    assert ours == theirs


@pytest.mark.parametrize("group", ["rampskids", "platform", "elevator", "wc"])
def test_every_property_of_each_repeated_part_is_a_field(group):
    theirs = OBJECT_SCHEMA["properties"][group]["items"]["properties"]

    assert list(structure.ITEM_FIELDS[group]) == list(theirs)


def _all_fields():
    yield from (
        (name, f, OBJECT_SCHEMA["properties"].get(name)) for name, f in structure.TOP_FIELDS.items()
    )
    for group, fields in structure.ITEM_FIELDS.items():
        props = OBJECT_SCHEMA["properties"][group]["items"]["properties"]
        yield from ((name, f, props[name]) for name, f in fields.items())


def test_field_types_enums_and_ranges_agree_with_the_schema():
    for name, f, prop in _all_fields():
        if prop is None:
            continue
        if "enum" in prop:
            assert f.type == "enum" and list(f.enum) == prop["enum"], name
        elif prop.get("format") == "DATE_TIME":
            assert f.type == "datetime", name
        else:
            assert f.type == prop["type"], name
        # our ranges may be tighter than the schema's, never looser
        if "maximum" in prop:
            assert f.maximum is not None and f.maximum <= prop["maximum"], name
        if "minimum" in prop:
            assert f.minimum is not None and f.minimum >= prop["minimum"], name


def test_every_field_has_czech_and_english_labels_and_numbers_have_units():
    for name, f, _ in _all_fields():
        assert f.cs and f.en, name
        if f.type in ("integer", "number") and f.group not in ("general",):
            assert f.unit in ("cm", "%", "count", "kg"), name


def test_every_code_list_value_has_czech_and_english_labels():
    for name, f, _ in _all_fields():
        for value, (cs, en) in (f.enum or {}).items():
            assert cs and en, (name, value)


def test_a_complete_building_is_valid():
    assert validate(BUILDING, "building") == []
    assert validate(PUBLIC_SPACE, "public_space") == []


@pytest.mark.parametrize(
    ("answers", "field", "code", "in_cs", "in_en"),
    [
        (changed(BUILDING, entrance1Door1MainpanelWidth=4000), "entrance1Door1MainpanelWidth",
         "range", "4000 cm je mimo povolený rozsah 30–300 cm", "outside the allowed range 30–300"),
        (changed(BUILDING, entrance1LongitudinalInclination=-5), "entrance1LongitudinalInclination",
         "range", "-5 % je mimo povolený rozsah 0–100 %", "-5 % is outside"),
        (changed(BUILDING, objectId=-1), "objectId", "range",
         "-1 je mimo povolený rozsah: nejméně 0.", "-1 is outside the allowed range: at least 0."),
        (changed(PUBLIC_SPACE, publicSpaceLongitudinalSlope=-5.5), "publicSpaceLongitudinalSlope",
         "range", "-5,5 %", "-5.5 %"),
        (changed(BUILDING, entrance1Accessibility="Levitation"), "entrance1Accessibility",
         "enum", "neznámá hodnota „Levitation“", "unknown value 'Levitation'"),
        (changed(BUILDING, entrance1Door1StepHeight="2"), "entrance1Door1StepHeight",
         "type", "není celé číslo", "is not a whole number"),
        (changed(BUILDING, objectIsStairs="yes"), "objectIsStairs", "type", "není ano, nebo ne",
         "is not true or false"),
        (changed(BUILDING, entrance1Door1MainpanelWidth=True), "entrance1Door1MainpanelWidth",
         "type", "není celé číslo", "not a whole number"),
        (changed(BUILDING, wc__0__doorWidth=4000), "wc[0].doorWidth", "range", "WC 1: šířka dveří",
         "toilet 1: cabin door width"),
        (changed(BUILDING, rampskids__0__rampleg1Inclination=-5),
         "rampskids[0].rampleg1Inclination", "range", "rampa / ližiny 1", "ramp / skids 1"),
        (changed(BUILDING, elevator__0__elevatorCageWidth=20), "elevator[0].elevatorCageWidth",
         "range", "výtah 1: šířka kabiny", "lift 1: cabin width"),
        (changed(BUILDING, entrance1Door1Colour="red"), "entrance1Door1Colour", "unknown",
         "neznámé pole", "unknown field"),
        (changed(BUILDING, wc="none"), "wc", "type", "seznam", "list"),
        (changed(BUILDING, entrance1Accessibility=None), "entrance1Accessibility", "required",
         "údaj je povinný", "this is required"),
    ],
)  # fmt: skip
def test_a_bad_answer_is_rejected_with_a_message_naming_the_field(
    answers, field, code, in_cs, in_en
):
    kind = "public_space" if "publicSpaceSurface" in answers else "building"

    errors = validate(answers, kind)

    assert [(e.field, e.code) for e in errors] == [(field, code)]
    assert field in errors[0].cs and in_cs in errors[0].cs
    assert field in errors[0].en and in_en in errors[0].en


@pytest.mark.parametrize(
    ("kind", "answers", "required"),
    [
        ("building", {}, ["entrance1Accessibility", "objectInteriorAccessibility"]),
        ("public_space", {}, ["publicSpaceSurface", "publicSpaceLongitudinalSlope"]),
        ("toilet", {"wc": []}, ["wc"]),
        ("parking", {}, ["entrance1IsReservedParking"]),
        ("transport_stop", {}, ["publicSpaceSurface", "publicSpaceKerbHeight"]),
    ],
)
def test_each_place_kind_requires_its_own_fields(kind, answers, required):
    errors = validate(answers, kind)

    assert [e.field for e in errors] == required
    assert {e.code for e in errors} == {"required"}


def test_an_unknown_place_kind_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown place kind"):
        validate({}, "castle")


def test_an_exchange_document_names_the_object_index_and_the_field():
    document = {"object": [BUILDING, changed(BUILDING, title=None, wc__0__wcCabinWidth="wide")]}

    errors = validate_exchange(document)

    assert [(e.field, e.code) for e in errors] == [
        ("object[1].title", "required"),
        ("object[1].wc[0].wcCabinWidth", "type"),
    ]


def test_an_exchange_document_may_carry_properties_the_survey_does_not_know():
    assert validate_exchange({"object": [changed(BUILDING, vendorExtra=1)]}) == []


@pytest.mark.parametrize("document", [[], {"objects": []}, {"object": {}}, "x"])
def test_a_document_of_the_wrong_shape_is_rejected(document):
    errors = validate_exchange(document)

    assert [(e.field, e.code) for e in errors] == [("object", "type")]


def test_the_structure_describes_itself_as_json_for_the_survey_form():
    described = json.loads(json.dumps(structure.describe()))

    door = next(f for f in described["fields"] if f["name"] == "entrance1Door1MainpanelWidth")
    assert door["unit"] == "cm" and door["minimum"] == 30 and door["maximum"] == 300
    assert door["group"] == "entrance1"
    surface = next(f for f in described["fields"] if f["name"] == "publicSpaceSurface")
    assert surface["required_for"] == ["public_space", "transport_stop"]
    assert {"value": "asphalt", "cs": "asfalt", "en": "asphalt"} in surface["enum"]
