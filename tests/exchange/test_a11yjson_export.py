"""A11yJSON export, validated with the official schema of @sozialhelden/a11yjson 31.1.0."""

import json

import pytest

from mapping.exchange.export import export
from mapping.models import Assessment
from tests.factories import make_assessment, make_place

pytestmark = pytest.mark.django_db


def test_the_a11yjson_export_validates_with_the_official_schema(
    imported, tmp_path, a11yjson_validator
):
    path = tmp_path / "places.a11y.json"
    path.write_bytes(export("a11yjson").content)
    code, output = a11yjson_validator(path)
    assert code == 0, output
    assert "3 passed, 0 failed" in output


def test_the_validator_catches_a_wrong_value(imported, tmp_path, a11yjson_validator):
    doc = json.loads(export("a11yjson").content)
    doc["features"][0]["properties"]["accessibility"]["wheelchairAccessibilityGrade"] = "mostly"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc))
    code, output = a11yjson_validator(path)
    assert code == 1 and "1 failed" in output and "wheelchairAccessibilityGrade" in output


def test_a_place_of_our_own_survey_exports_too(tmp_path, a11yjson_validator):
    place = make_place("Sociální služby města Písku", purposes=["social"], street="Budovcova")
    make_assessment(place, wheelchair="partly", seniors="accessible", answers={})
    path = tmp_path / "own.json"
    path.write_bytes(export("a11yjson").content)
    code, output = a11yjson_validator(path)
    assert code == 0, output


def test_each_place_is_a_geojson_feature_with_its_categories(imported):
    doc = json.loads(export("a11yjson").content)
    assert doc["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]["cs"]: f for f in doc["features"]}
    town_hall = by_name["Městský úřad Písek – radnice"]
    assert town_hall["type"] == "Feature"
    assert town_hall["geometry"] == {"type": "Point", "coordinates": [14.1476212, 49.3088401]}
    access = town_hall["properties"]["accessibility"]
    assert access["accessibleWith"] == {"wheelchair": True, "mobilityImpairment": True}
    assert access["entrances"][0]["properties"]["hasFixedRamp"] is True
    assert access["restrooms"][0]["isAccessibleWithWheelchair"] is True
    bar = by_name["Vinárna Na Schodech"]["properties"]["accessibility"]
    assert bar["wheelchairAccessibilityGrade"] == "not"
    assert bar["partiallyAccessibleWith"]["mobilityImpairment"] is False


def test_unpublished_assessments_are_not_exported(imported):
    Assessment.objects.update(status="submitted")
    assert json.loads(export("a11yjson").content)["features"] == []
