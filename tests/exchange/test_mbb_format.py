"""Reading and writing the Mapy bez bariér exchange format, checked against its own schemas."""

import json

import jsonschema
import pytest

from mapping.exchange import mbb_format
from mapping.exchange.mbb_schema import (
    ARRAYS,
    field_types,
    item_field_types,
    json_schema,
    xml_schema,
)
from tests.exchange.conftest import FIXTURES


def test_our_fixture_objects_use_every_field_of_the_standard(mbb_document):
    objects = mbb_document["object"]
    used = set().union(*(o.keys() for o in objects))
    assert set(field_types()) - used == set()
    for array in ARRAYS:
        used_items = {k for o in objects for item in o.get(array, []) for k in item}
        assert set(item_field_types(array)) - used_items == set(), array


def test_our_fixture_objects_are_valid_against_both_schemas(mbb_document, mbb_bytes):
    jsonschema.Draft3Validator(json_schema()).validate(mbb_document)
    parsed = mbb_format.read_json(mbb_bytes)
    assert [o.errors for o in parsed] == [[], [], []]
    xml_schema().validate(mbb_format.write_xml([o.data for o in parsed]).decode())


def test_the_xml_writer_puts_elements_in_the_order_of_the_xsd(mbb_document):
    xml = mbb_format.write_xml(mbb_document["object"]).decode()
    # The XSD has accessibilityPram before accessibilitySeniors, the JSON Schema the other way.
    assert xml.index("<accessibilityPram>") < xml.index("<accessibilitySeniors>")
    assert xml.count("<wc>") == 3 and xml.count("<rampskids>") == 2


def test_json_to_xml_and_back_keeps_every_value_and_its_type(mbb_bytes):
    objects = [o.data for o in mbb_format.read_json(mbb_bytes)]
    back = mbb_format.read_xml(mbb_format.write_xml(objects))
    assert [o.errors for o in back] == [[], [], []]
    for original, parsed in zip(objects, back, strict=True):
        assert parsed.data == original
        for key, value in original.items():
            assert type(parsed.data[key]) is type(value), key


def test_it_reads_a_hand_written_xml_file_with_repeated_toilets():
    parsed = mbb_format.read_xml((FIXTURES / "objects.xml").read_bytes())
    assert [o.errors for o in parsed] == [[], []]
    first = parsed[0].data
    assert first["certified"] is True
    assert first["longitude"] == 14.1521 and first["streetOrientNo"] == 7
    assert [t["wcAccessibility"] for t in first["wc"]] == ["AccessibleWCMKPO", "InAccessibleWCMKPO"]
    assert first["elevator"] == [
        {"elevatorCageWidth": 100, "elevatorCageDepth": 130, "door1Width": 80}
    ]


def test_a_json_error_names_the_object_index_and_the_field(mbb_document):
    mbb_document["object"][2]["wc"][0]["doorWidth"] = 4000
    del mbb_document["object"][1]["title"]
    parsed = mbb_format.read_json(json.dumps(mbb_document))
    assert parsed[0].is_valid
    assert [(e.index, e.field) for e in parsed[1].errors] == [(1, "title")]
    assert [(e.index, e.field) for e in parsed[2].errors] == [(2, "wc[0].doorWidth")]
    assert "4000" in parsed[2].errors[0].message
    assert "object 2, field wc[0].doorWidth" in str(parsed[2].errors[0])


def test_an_xml_error_names_the_object_index_and_the_field():
    xml = (FIXTURES / "objects.xml").read_text(encoding="utf-8")
    xml = xml.replace("<doorWidth>60</doorWidth>", "<doorWidth>4000</doorWidth>")
    parsed = mbb_format.read_xml(xml.encode())
    assert parsed[1].is_valid
    assert [(e.index, e.field) for e in parsed[0].errors] == [(0, "wc[1].doorWidth")]


def test_it_rejects_a_value_that_only_one_of_the_two_schemas_allows(mbb_document):
    # JSON Schema: no minimum on slopes; XSD: 0..100. What we store must export to both.
    mbb_document["object"][0]["entrance1LongitudinalInclination"] = -5
    parsed = mbb_format.read_json(json.dumps(mbb_document))
    assert [e.field for e in parsed[0].errors] == ["entrance1LongitudinalInclination"]


def test_it_rejects_a_date_that_is_not_an_xml_date_time(mbb_document):
    mbb_document["object"][1]["mappingDate"] = "30. 9. 2020"
    parsed = mbb_format.read_json(json.dumps(mbb_document))
    assert [e.field for e in parsed[1].errors] == ["mappingDate"]


def test_it_drops_fields_the_standard_does_not_define_and_says_which(mbb_document):
    mbb_document["object"][1]["myNote"] = "x"
    mbb_document["object"][1]["wc"][0]["colour"] = "blue"
    parsed = mbb_format.read_json(json.dumps(mbb_document))
    assert parsed[1].is_valid
    assert sorted(parsed[1].ignored) == ["myNote", "wc[0].colour"]
    assert "myNote" not in parsed[1].data and "colour" not in parsed[1].data["wc"][0]


@pytest.mark.parametrize(
    ("data", "fmt"),
    [(b"{not json", "json"), (b'{"objects": []}', "json"), (b"<a>", "xml"), (b"<a/>", "xml")],
)
def test_it_rejects_a_file_that_is_not_an_exchange_document(data, fmt):
    with pytest.raises(mbb_format.DocumentError):
        mbb_format.read(data, fmt)
