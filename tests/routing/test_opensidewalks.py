"""OpenSidewalks (OSW 0.2): a town's pedestrian network read from the schema's edges and nodes
into the routing graph (kerb nodes onto the crossings, inclines as per cent), routes over it, the
graph written back as OSW that validates against the schema and comes back as it went out, and a
malformed file answered with a message, never a traceback.

The fixture (tests/fixtures/opensidewalks/corner.*) is a made-up street corner: a sidewalk on each
side, a short crossing with raised kerbs (west), a long way round by a crossing with lowered kerbs
(east), an unmarked crossing with a raised kerb to a bus-stop island, six steps up to a square.
"""

import io
import json
import math
import zipfile
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from mapping.models import NetworkEdge
from mapping.routing.opensidewalks import import_opensidewalks
from mapping.routing.opensidewalks_export import osw_collections, osw_zip
from mapping.routing.routes import plan_route

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "opensidewalks"
EDGES = FIXTURES / "corner.edges.OSW.geojson"
NODES = FIXTURES / "corner.nodes.OSW.geojson"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "opensidewalks-osw"
LON0, LAT0 = 17.25, 49.594


def at(x: float, y: float) -> tuple[float, float]:
    """The position x metres east and y metres north of the fixture's corner (as it was made)."""
    return LON0 + x / (111320 * math.cos(math.radians(LAT0))), LAT0 + y / 110540


def edge(osw_id: str) -> NetworkEdge:
    """The stored edge of the fixture's edge `osw_id` (its id is kept as the way id)."""
    return NetworkEdge.objects.get(osm_way_id=int(osw_id))


@pytest.fixture
def corner(db):
    return import_opensidewalks([EDGES], commit=True)


def test_it_reads_kerbs_onto_the_crossings_and_inclines_as_per_cent(corner):
    assert corner.counts["edges"] == 11 and corner.counts["crossing_edges"] == 3
    west, east, island = edge("7"), edge("8"), edge("9")
    assert (west.kerb_height_cm, east.kerb_height_cm, island.kerb_height_cm) == (12.0, 2.0, 12.0)
    assert east.tactile_paving is True and west.crossing == "marked"
    assert island.crossing == "unmarked"
    # The sidewalks pass the kerb nodes: the kerb is the crossing's, not theirs.
    assert all(edge(i).kerb_height_cm is None for i in ("1", "2", "3", "4", "5", "6"))
    assert edge("2").incline_pct == 1.0 and edge("3").incline_pct == -2.0
    assert edge("2").width_cm == 180.0 and edge("2").name == "Severní chodník"
    steps = edge("11")
    assert steps.steps and steps.step_count == 6 and steps.incline_pct == 30.0
    assert edge("1").surface == "paving_stones" and edge("10").footway == "traffic_island"
    assert all(e.tagged for e in NetworkEdge.objects.all())


def _crossings_used(route: dict) -> set[int]:
    used = {step["id"] for step in route["edges"]}
    crossings = NetworkEdge.objects.filter(footway="crossing", id__in=used)
    return {e.osm_way_id for e in crossings}


def test_a_pedestrian_takes_the_short_crossing_and_a_wheelchair_the_lowered_kerbs(corner):
    north, south = at(5, 10), at(5, -10)
    pedestrian = plan_route(north, south, "pedestrian")
    wheelchair = plan_route(north, south, "wheelchair")
    assert pedestrian["found"] and wheelchair["found"]
    assert _crossings_used(pedestrian) == {7}
    assert _crossings_used(wheelchair) == {8}
    assert wheelchair["length_m"] > 300 > 70 > pedestrian["length_m"]


def test_a_raised_kerb_blocks_the_wheelchair_and_the_answer_names_it(corner):
    north, island = at(5, 10), at(215, -30)
    assert plan_route(north, island, "pedestrian")["found"]
    wheelchair = plan_route(north, island, "wheelchair")
    assert not wheelchair["found"]
    reason = wheelchair["reason"]
    assert reason["limit"] == "max_kerb_cm"
    assert reason["edge_id"] == edge("9").id


def _schema_validator():
    schema = json.loads((FIXTURES / "opensidewalks-0.2.schema.json").read_text())
    return jsonschema.Draft7Validator(schema)


def test_the_export_is_valid_osw_and_keeps_the_kerbs_on_nodes(corner):
    edges, nodes = osw_collections()
    validator = _schema_validator()
    for collection in (edges, nodes):
        errors = [e.message for e in validator.iter_errors(collection)]
        assert errors == []
    assert len(edges["features"]) == 11 and len(nodes["features"]) == 11
    kerbs = {
        f["properties"]["_id"]: f["properties"]["kerb"]
        for f in nodes["features"]
        if f["properties"].get("barrier") == "kerb"
    }
    original = json.loads(NODES.read_text())
    # Every kerb comes back of its kind; the graph keeps a kerb on its crossing, not on an end of
    # it, so the island crossing's raised kerb is written at both of its ends (204 and 301).
    assert kerbs == {
        f["properties"]["_id"]: f["properties"]["kerb"]
        for f in original["features"]
        if f["properties"].get("barrier") == "kerb"
    } | {"204": "raised"}
    by_id = {f["properties"]["ext:osm_way_id"]: f["properties"] for f in edges["features"]}
    assert by_id[2]["incline"] == 0.01 and by_id[2]["width"] == 1.8
    assert by_id[7]["footway"] == "crossing" and by_id[11]["step_count"] == 6


def test_export_import_export_gives_the_same_files(corner, tmp_path):
    first = osw_zip()
    path = tmp_path / "town.zip"
    path.write_bytes(first)
    before = list(NetworkEdge.objects.order_by("id").values())
    import_opensidewalks([path], commit=True)
    after = list(NetworkEdge.objects.order_by("id").values())
    assert osw_zip() == first
    # The graph itself came back column by column (geometry to OSM's 7 decimals).
    for old, new in zip(before, after, strict=True):
        assert old.pop("geom").equals_exact(new.pop("geom"), tolerance=1e-7)
        assert old == new


@pytest.mark.slow
def test_an_osm_imported_graph_round_trips_through_osw(load_town, tmp_path):
    load_town("heidelberg-altstadt")
    validator = _schema_validator()
    for collection in osw_collections():
        assert [e.message for e in validator.iter_errors(collection)][:3] == []
    first = osw_zip()
    path = tmp_path / "heidelberg.zip"
    path.write_bytes(first)
    import_opensidewalks([path], commit=True)
    again = osw_collections()
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        for layer, collection in zip(("edges", "nodes"), again, strict=True):
            name = f"bezbarierova-mapa/bezbarierova-mapa.{layer}.OSW.geojson"
            before = json.loads(archive.read(name))["features"]
            for old, new in zip(before, collection["features"], strict=True):
                assert old == new
    assert osw_zip() == first


def test_the_commands_export_and_import_a_dataset(corner, tmp_path):
    out = io.StringIO()
    call_command("export_opensidewalks", str(tmp_path / "out"), stdout=out)
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == ["bezbarierova-mapa.edges.OSW.geojson", "bezbarierova-mapa.nodes.OSW.geojson"]
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_opensidewalks",
        str(tmp_path / "out" / "bezbarierova-mapa.edges.OSW.geojson"),
        "--dry-run",
        stdout=out,
        stderr=err,
    )
    assert "edges: 11" in out.getvalue() and "kerb_edges: 3" in out.getvalue()
    assert "--commit" in out.getvalue() and err.getvalue()


def test_the_download_is_the_osw_zip_and_the_data_page_links_it(corner, client):
    url = reverse("routing:opensidewalks")
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert sorted(archive.namelist()) == [
            "bezbarierova-mapa/bezbarierova-mapa.edges.OSW.geojson",
            "bezbarierova-mapa/bezbarierova-mapa.nodes.OSW.geojson",
        ]
    assert url in client.get(reverse("opendata:index")).content.decode()


def test_a_network_too_large_to_download_is_a_503_that_names_the_command(
    corner, client, monkeypatch
):
    monkeypatch.setattr("mapping.routing.views.OSW_DOWNLOAD_MAX_EDGES", 10)
    response = client.get(reverse("routing:opensidewalks"), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 503
    assert "export_opensidewalks" in response.content.decode()


def test_the_download_without_a_network_is_a_404_with_a_message(db, client):
    response = client.get(reverse("routing:opensidewalks"))
    assert response.status_code == 404
    assert "import_osm_network" in response.content.decode()


def _feature_file(tmp_path: Path, features: list, name: str = "bad.edges.geojson") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def _line(**properties):
    return {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": [[17.25, 49.59], [17.251, 49.59]]},
        "properties": {"_id": "1", "_u_id": "1", "_v_id": "2", "highway": "footway", **properties},
    }


MALFORMED = {
    "not json": ("{ not json", "is not valid JSON (line 1)"),
    "not a collection": ('{"type": "Feature"}', "is not a GeoJSON FeatureCollection"),
    "a point for a line": (
        [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [17, 49]},
                "properties": {},
            }
        ],
        "Feature 1 of the edges file: its geometry is not a LineString",
    ),
    "no end node": (
        [_line(_v_id=None)],
        "Feature 1 of the edges file: it has no _u_id or no _v_id",
    ),
    "incline as text": ([_line(incline="upside")], "its incline is not a number (upside)"),
    "no highway": ([_line(highway=None)], "Feature 1 of the edges file: it has no highway"),
    "latitude out of range": (
        [_line() | {"geometry": {"type": "LineString", "coordinates": [[17, 49], [17, 95]]}}],
        "the position 17, 95 is not a longitude and latitude",
    ),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_file_is_a_clear_error_not_a_traceback(db, tmp_path, case):
    content, message = MALFORMED[case]
    if isinstance(content, str):
        path = tmp_path / "bad.edges.geojson"
        path.write_text(content)
    else:
        path = _feature_file(tmp_path, content)
    with pytest.raises(CommandError) as raised:
        call_command("import_opensidewalks", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert message in str(raised.value)
    assert not NetworkEdge.objects.exists()


def test_a_file_that_is_no_osw_dataset_is_named(db, tmp_path):
    other = tmp_path / "town.osm"
    other.write_text("<osm/>")
    with pytest.raises(CommandError, match="is not an OpenSidewalks file"):
        call_command("import_opensidewalks", str(other))
    broken = tmp_path / "town.zip"
    broken.write_bytes(b"PK not really")
    with pytest.raises(CommandError, match="is not a readable zip archive"):
        call_command("import_opensidewalks", str(broken))


def test_the_error_is_in_czech_for_a_czech_coordinator(db, tmp_path):
    path = _feature_file(tmp_path, [_line(incline="upside")])
    with translation.override("cs"), pytest.raises(CommandError) as raised:
        call_command("import_opensidewalks", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert "Prvek 1 souboru hran: jeho incline není číslo (upside)." in str(raised.value)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared OSW data is not beside the project")
def test_the_real_redmond_dataset_imports_with_its_kerbs_and_inclines(db):
    result = import_opensidewalks(
        [SHARED / "tdei-validation-test-assets" / "valid.zip"], commit=True
    )
    assert result.counts["edges"] == 3234
    assert NetworkEdge.objects.filter(footway="crossing", kerb_height_cm__gt=3).exists()
    assert NetworkEdge.objects.filter(footway="crossing", kerb_height_cm__lte=2).exists()
    assert NetworkEdge.objects.exclude(incline_pct=None).count() == result.counts["incline_edges"]


def test_ids_that_are_not_numbers_get_numbers_of_their_own(db, tmp_path):
    for layer in ("edges", "nodes"):
        collection = json.loads((FIXTURES / f"corner.{layer}.OSW.geojson").read_text())
        for feature in collection["features"]:
            properties = feature["properties"]
            for key in ("_id", "_u_id", "_v_id"):
                node = key != "_id" or layer == "nodes"
                if key in properties:
                    properties[key] = f"{'node' if node else 'edge'}-{properties[key]}"
        (tmp_path / f"renamed.{layer}.OSW.geojson").write_text(json.dumps(collection))
    import_opensidewalks([tmp_path / "renamed.edges.OSW.geojson"], commit=True)
    assert NetworkEdge.objects.count() == 11
    kerbs = NetworkEdge.objects.filter(footway="crossing").values_list("kerb_height_cm", flat=True)
    assert sorted(kerbs) == [2.0, 12.0, 12.0]
    assert plan_route(at(5, 10), at(5, -10), "wheelchair")["found"]


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared OSW data is not beside the project")
def test_on_the_real_redmond_data_a_wheelchair_route_never_climbs_a_raised_kerb(db):
    import_opensidewalks([SHARED / "tdei-validation-test-assets" / "valid.zip"], commit=True)
    raised = NetworkEdge.objects.filter(footway="crossing", kerb_height_cm__gt=3).order_by("id")
    routed = 0
    for crossing in raised[:10]:
        start, end = crossing.geom.coords[0], crossing.geom.coords[-1]
        assert plan_route(start, end, "pedestrian")["found"]
        wheelchair = plan_route(start, end, "wheelchair")
        if not wheelchair["found"]:
            assert wheelchair["reason"]["message"]
            continue
        routed += 1
        used = NetworkEdge.objects.filter(id__in=[step["id"] for step in wheelchair["edges"]])
        assert not used.filter(kerb_height_cm__gt=3).exists()
    assert routed > 0
