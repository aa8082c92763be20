"""A long import tells on stderr how far it is, stage by stage, from its first item: a dry run
of VozejkMap's 8,340 points printed nothing for five minutes."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from mapping.imports import texts
from tests.imports.conftest import vozejkmap_points

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def many_points(tmp_path) -> Path:
    path = tmp_path / "points.geojson"
    path.write_bytes(vozejkmap_points(25))
    return path


@pytest.mark.django_db
def test_the_vozejkmap_dry_run_tells_every_n_items_of_each_stage(many_points, monkeypatch, english):
    monkeypatch.setattr(texts, "EVERY_ITEMS", 10)
    err = StringIO()
    call_command("import_vozejkmap", str(many_points), stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "Reading the file: 1 of 25 (4 %)",
        "Reading the file: 11 of 25 (44 %)",
        "Reading the file: 21 of 25 (84 %)",
        "Reading the file: 25 of 25 (100 %)",
        "Importing: 1 of 25 (4 %)",
        "Importing: 11 of 25 (44 %)",
        "Importing: 21 of 25 (84 %)",
        "Importing: 25 of 25 (100 %)",
    ]


@pytest.mark.django_db
def test_the_network_import_tells_the_ways_read_and_the_splitting(english):
    err = StringIO()
    call_command(
        "import_osm_network", str(FIXTURES / "osm" / "krems.osm.gz"), stdout=StringIO(), stderr=err
    )
    lines = err.getvalue().splitlines()
    assert lines[0] == "Reading the file: 1"
    assert "Reading the file: 501" in lines
    assert lines[-1].startswith("Splitting the ways at intersections: ") and lines[-1].endswith(
        "(100 %)"
    )


@pytest.mark.django_db
def test_the_progress_speaks_czech_like_the_report(many_points):
    err = StringIO()
    call_command("import_vozejkmap", str(many_points), stdout=StringIO(), stderr=err)
    assert err.getvalue().splitlines()[-1] == "Import: 25 z 25 (100 %)"
