"""The export_open_data command: every format, to a file or standard output."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from mapping.exchange import mbb_format

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fmt", ["mbb-json", "mbb-xml", "a11yjson", "osm-tags", "geojson"])
def test_it_writes_each_format_to_a_file(imported, tmp_path, fmt):
    out = tmp_path / "export.out"
    err = StringIO()
    call_command("export_open_data", "--format", fmt, str(out), stderr=err)
    assert "3 places exported, 0 left out" in err.getvalue()
    content = out.read_bytes()
    if fmt == "mbb-xml":
        assert all(o.is_valid for o in mbb_format.read_xml(content))
    else:
        assert len(json.loads(content)) >= 1


def test_the_geojson_export_is_a_feature_collection_of_points(imported):
    out = StringIO()
    call_command("export_open_data", "--format", "geojson", "-", stdout=out, stderr=StringIO())
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    feature = next(
        f for f in doc["features"] if f["properties"]["name"] == "Knihovna U Kamenného mostu"
    )
    assert feature["geometry"] == {"type": "Point", "coordinates": [14.1461, 49.3072]}
    assert feature["properties"]["wheelchair"] == "partly"
    assert feature["properties"]["osm_tags"]["wheelchair"] == "limited"
