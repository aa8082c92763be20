"""Mapy bez bariér -> us -> Mapy bez bariér keeps every field, in JSON and in XML."""

import json

import jsonschema
import pytest

from mapping.exchange import mbb_format
from mapping.exchange.export import export
from mapping.exchange.importer import import_objects
from mapping.exchange.mbb_schema import json_schema, xml_schema
from mapping.models import Assessment, Place
from tests.exchange.doubles import always, declared_evaluate

pytestmark = pytest.mark.django_db


def _by_id(objects: list[dict]) -> dict[int, dict]:
    return {o["objectId"]: o for o in objects}


@pytest.mark.parametrize("fmt", ["mbb-json", "mbb-xml"])
def test_a_round_trip_keeps_every_field_of_every_object(mbb_document, imported, fmt):
    result = export(fmt)
    assert result.left_out == [] and result.count == 3
    if fmt == "mbb-json":
        jsonschema.Draft3Validator(json_schema()).validate(json.loads(result.content))
        parsed = mbb_format.read_json(result.content)
    else:
        xml_schema().validate(result.content.decode())
        parsed = mbb_format.read_xml(result.content)
    assert all(o.is_valid for o in parsed)
    assert _by_id([o.data for o in parsed]) == _by_id(mbb_document["object"])


def test_both_exports_validate_against_both_schemas(imported):
    for fmt in ("mbb-json", "mbb-xml"):
        content = export(fmt).content
        objects = (
            json.loads(content)["object"]
            if fmt == "mbb-json"
            else [o.data for o in mbb_format.read_xml(content)]
        )
        jsonschema.Draft3Validator(json_schema()).validate({"object": objects})
        xml_schema().validate(mbb_format.write_xml(objects).decode())


@pytest.mark.parametrize("fmt", ["mbb-json", "mbb-xml"])
def test_an_export_re_imports_to_the_same_categories(imported, fmt):
    before = {
        a.source_id: (a.wheelchair, a.seniors, a.pram, a.result["wc"])
        for a in Assessment.objects.all()
    }
    content = export(fmt).content
    report = import_objects(
        mbb_format.read(content, fmt.removeprefix("mbb-")),
        source="second-map",
        evaluate=declared_evaluate,
        commit=True,
    )
    assert report.count("created") == 3
    after = {
        a.source_id: (a.wheelchair, a.seniors, a.pram, a.result["wc"])
        for a in Assessment.objects.filter(source="second-map")
    }
    assert after == before


def test_the_export_writes_our_computed_categories_unless_told_to_keep_the_declared(mbb_bytes):
    import_objects(
        mbb_format.read_json(mbb_bytes),
        source="mapybezbarier",
        evaluate=always("partly"),
        commit=True,
    )
    computed = _by_id(json.loads(export("mbb-json").content)["object"])
    assert computed[40211]["accessibility"] == "PartlyAccessibleObjectMKPO"
    assert computed[40211]["wc"][0]["wcAccessibility"] == "PartlyAccessibleWCMKPO"
    declared = _by_id(json.loads(export("mbb-json", categories="declared").content)["object"])
    assert declared[40211]["accessibility"] == "AccessibleObjectMKPO"
    assert declared[40211]["wc"][0]["wcAccessibility"] == "AccessibleWCMKPO"


def test_an_edit_of_the_place_shows_in_the_export_and_nothing_else_changes(mbb_document, imported):
    place = Place.objects.get(source_id="40212")
    place.name = "Městská knihovna Písek"
    place.house_number = "75/2b"
    place.save()
    exported = _by_id(json.loads(export("mbb-json").content)["object"])[40212]
    original = _by_id(mbb_document["object"])[40212]
    assert exported["title"] == "Městská knihovna Písek"
    assert (exported["streetDescNo"], exported["streetOrientNo"]) == (75, 2)
    assert exported["streetOrientSymbol"] == "b"
    changed = {k for k in original.keys() | exported.keys() if original.get(k) != exported.get(k)}
    assert changed == {"title", "streetOrientNo", "streetOrientSymbol"}


def test_only_approved_assessments_are_exported(imported):
    Assessment.objects.filter(source_id="40213").update(status="superseded")
    objects = json.loads(export("mbb-json").content)["object"]
    assert sorted(o["objectId"] for o in objects) == [40211, 40212]


def test_a_place_that_would_not_validate_is_left_out_with_the_reason(imported):
    Assessment.objects.filter(source_id="40213").update(wheelchair="")
    a = Assessment.objects.get(source_id="40213")
    a.answers.pop("accessibility")
    a.save()
    result = export("mbb-xml")
    assert result.count == 2
    assert [(name, "accessibility" in why) for _, name, why in result.left_out] == [
        ("Vinárna Na Schodech", True)
    ]


def test_with_the_real_engine_our_objects_keep_every_field_and_the_xml_ones_are_flagged(
    mbb_document, mbb_bytes
):
    """The production path: the methodology engine itself categorises, not the test double."""
    import_objects(mbb_format.read_json(mbb_bytes), source="mapybezbarier", commit=True)
    assert not Assessment.objects.filter(disagrees_with_declared=True).exists()
    exported = mbb_format.read_json(export("mbb-json").content)
    assert _by_id([o.data for o in exported]) == _by_id(mbb_document["object"])
    from tests.exchange.conftest import FIXTURES

    report = import_objects(
        mbb_format.read_xml((FIXTURES / "objects.xml").read_bytes()),
        source="xml",
        commit=True,
    )
    # Poliklinika declares the pram profile accessible; its partly accessible interior says not.
    assert {o.index: o.disagrees for o in report.flagged}[0] == ["pram"]
