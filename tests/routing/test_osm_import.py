"""The network import: dry run by default, --commit writes, every OSM format, atomic re-import."""

import shutil
from io import StringIO

import osmium
import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from mapping.models import NetworkEdge, NetworkNode
from mapping.routing.osm_import import ImportFileError, import_network, write_network
from mapping.routing.osm_reader import read_network
from tests.routing.conftest import OSM

# Each test reads a real extract (tests/fixtures/osm/), most of them into the database.
pytestmark = pytest.mark.slow


@pytest.mark.django_db
def test_the_dry_run_counts_the_network_and_writes_nothing():
    out = StringIO()
    call_command("import_osm_network", str(OSM / "krems.osm.gz"), stdout=out, stderr=StringIO())
    assert NetworkEdge.objects.count() == 0
    assert NetworkNode.objects.count() == 0
    counts = dict(line.split(": ") for line in out.getvalue().splitlines() if ": " in line)
    assert int(counts["edges"]) > 1000
    assert int(counts["steps_edges"]) > 0


@pytest.mark.django_db
def test_commit_writes_the_graph_with_lengths_in_metres_and_valid_vertices():
    call_command(
        "import_osm_network",
        str(OSM / "krems.osm.gz"),
        "--commit",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    network = read_network(OSM / "krems.osm.gz")
    assert NetworkEdge.objects.count() == len(network.edges)
    with connection.cursor() as cursor:
        # Every edge ends on a vertex, and its length is its length on the spheroid.
        cursor.execute(
            """SELECT count(*) FROM mapping_networkedge e
               LEFT JOIN mapping_networknode s ON s.id = e.source
               LEFT JOIN mapping_networknode t ON t.id = e.target
               WHERE s.id IS NULL OR t.id IS NULL
                  OR NOT ST_Equals(ST_StartPoint(e.geom), s.geom)
                  OR abs(e.length_m - ST_Length(e.geom::geography)) > 0.01
                  OR e.cost <> e.length_m"""
        )
        assert cursor.fetchone()[0] == 0
    assert NetworkEdge.objects.filter(steps=True).exists()
    assert NetworkEdge.objects.filter(length_m__lte=0).count() == 0


@pytest.mark.django_db
def test_it_splits_ways_at_intersections_so_no_edge_passes_through_a_vertex():
    import_network(OSM / "berlin-siegessaeule.osm.gz", commit=True)
    with connection.cursor() as cursor:
        # A vertex lying strictly inside an edge would be a junction routing cannot turn at.
        cursor.execute(
            """SELECT count(*) FROM mapping_networkedge e
               JOIN mapping_networknode n ON n.geom && e.geom
               WHERE n.id NOT IN (e.source, e.target)
                 AND ST_DWithin(e.geom::geography, n.geom::geography, 0.01)
                 AND EXISTS (SELECT 1 FROM ST_DumpPoints(e.geom) d
                             WHERE ST_Equals(d.geom, n.geom))"""
        )
        assert cursor.fetchone()[0] == 0


@pytest.mark.django_db
def test_it_leaves_out_ways_where_pedestrians_may_not_walk():
    network = read_network(OSM / "monaco.osm.gz")
    way_ids = {edge.way_id for edge in network.edges}
    forbidden = []
    for way in osmium.FileProcessor(str(OSM / "monaco.osm.gz"), osmium.osm.WAY):
        tags = dict(way.tags)
        if tags.get("foot") in {"no", "private"} or tags.get("highway") == "motorway":
            forbidden.append(way.id)
    assert forbidden, "the extract should contain ways closed to pedestrians"
    assert not way_ids.intersection(forbidden)


def _to_pbf(source, target):
    with osmium.SimpleWriter(str(target)) as writer:
        for obj in osmium.FileProcessor(str(source)):
            writer.add(obj)


def test_it_reads_osm_xml_gzip_bzip2_and_pbf(tmp_path):
    plain = tmp_path / "berlin.osm"
    import gzip

    plain.write_bytes(gzip.decompress((OSM / "berlin-siegessaeule.osm.gz").read_bytes()))
    pbf = tmp_path / "berlin.osm.pbf"
    _to_pbf(OSM / "berlin-siegessaeule.osm.gz", pbf)
    counts = {
        path.name: read_network(path).counts
        for path in (OSM / "berlin-siegessaeule.osm.gz", plain, pbf)
    }
    assert len({tuple(c.items()) for c in counts.values()}) == 1
    assert read_network(OSM / "West-Oakland.osm.bz2").counts["edges"] > 0


@pytest.mark.django_db
def test_it_refuses_a_file_that_is_not_osm_or_is_damaged(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(ImportFileError, match="not an OpenStreetMap file"):
        import_network(text)
    broken = tmp_path / "broken.osm.gz"
    broken.write_bytes((OSM / "krems.osm.gz").read_bytes()[:50000])
    with pytest.raises(CommandError, match="could not be read"):
        call_command("import_osm_network", str(broken), "--commit", stdout=StringIO())
    with pytest.raises(ImportFileError, match="does not exist"):
        import_network(tmp_path / "missing.osm")


def _other_connection():
    db = connection.settings_dict
    return psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"],
        autocommit=True,
    )


def _way_ids(conn) -> set[int]:
    return {row[0] for row in conn.execute("SELECT DISTINCT osm_way_id FROM mapping_networkedge")}


@pytest.mark.django_db(transaction=True)
def test_a_reimport_replaces_the_network_atomically(tmp_path):
    import_network(OSM / "krems.osm.gz", commit=True)
    krems = read_network(OSM / "krems.osm.gz")
    berlin = read_network(OSM / "berlin-siegessaeule.osm.gz")
    reader = _other_connection()
    try:
        old = _way_ids(reader)
        assert old == {e.way_id for e in krems.edges}
        with transaction.atomic():
            write_network(berlin)
            # Mid-swap, another connection sees the old graph or waits: never a mix.
            reader.execute("SET lock_timeout = '200ms'")
            with pytest.raises(psycopg.errors.LockNotAvailable):
                reader.execute("SELECT count(*) FROM mapping_networkedge")
        assert _way_ids(reader) == {e.way_id for e in berlin.edges}
        # A failed import leaves the graph as it was.
        broken = tmp_path / "broken.osm.gz"
        shutil.copy(OSM / "monaco.osm.gz", broken)
        broken.write_bytes(broken.read_bytes()[:40000])
        with pytest.raises(ImportFileError):
            import_network(broken, commit=True)
        assert reader.execute("SELECT count(*) FROM mapping_networkedge").fetchone()[0] == len(
            berlin.edges
        )
    finally:
        reader.close()


def test_the_import_marks_rough_and_plain_edges_as_their_tags_say(load_town):
    """`rough` and `plain` let the route query skip most edges; checked here against the tags."""
    from mapping.routing.tags import ROUGH_SURFACES, SMOOTHNESS_CLASS

    load_town("heidelberg-altstadt")
    plain = 0
    for edge in NetworkEdge.objects.all():
        # Where smoothness is tagged it decides; else the surface does.
        if edge.smoothness:
            rough = SMOOTHNESS_CLASS[edge.smoothness] > 0
        else:
            rough = edge.surface in ROUGH_SURFACES
        assert edge.rough == rough, edge.pk
        read_by_a_profile = (
            edge.steps
            or edge.kerb_height_cm is not None
            or edge.width_cm is not None
            or edge.incline_pct is not None
            or edge.incline_direction != 0
            or rough
            or edge.wheelchair in ("no", "limited")
            or edge.crossing != ""
            or edge.barrier != ""
        )
        assert edge.plain == (not read_by_a_profile), edge.pk
        plain += edge.plain
    assert 0 < plain < NetworkEdge.objects.count()
