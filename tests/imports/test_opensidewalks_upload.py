"""The pedestrian network from an OpenSidewalks dataset, uploaded in the admin as its zip: the
dry run counts edges and kerbs, the commit replaces the network; a zip without an edges file is
refused at once, with the reason."""

import zipfile

from mapping.models import ImportStatus, NetworkEdge
from tests.imports.conftest import FIXTURES, commit, dry_run, upload
from tests.personas import client_for

CORNER = FIXTURES / "opensidewalks"


def _zipped(tmp_path, layers=("edges", "nodes")):
    path = tmp_path / "corner.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for layer in layers:
            name = f"corner.{layer}.OSW.geojson"
            archive.write(CORNER / name, f"corner/{name}")
    return path


def test_an_osw_zip_dry_runs_then_replaces_the_network(charlie, stored_imports, tmp_path):
    client = client_for(charlie)
    run = dry_run(client, "network", _zipped(tmp_path))
    figures = dict(run.report["figures"])
    assert run.status == ImportStatus.DONE and NetworkEdge.objects.count() == 0
    assert 11 in figures.values() and 3 in figures.values()  # edges; kerbed crossings
    written = commit(client, run)
    assert written.status == ImportStatus.DONE
    assert NetworkEdge.objects.count() == 11
    assert NetworkEdge.objects.filter(footway="crossing", kerb_height_cm=12).count() == 2
    assert stored_imports() == []


def test_a_zip_without_edges_is_refused_with_the_reason(charlie, tmp_path):
    client = client_for(charlie)
    answer = upload(client, "network", _zipped(tmp_path, layers=("nodes",)))
    assert answer.status_code == 200
    assert "*.edges.geojson" in answer.content.decode()
    broken = upload(client, "network", tmp_path / "x.zip", content=b"PK not a zip")
    assert broken.status_code == 200
    assert "x.zip" in broken.content.decode()
    assert not NetworkEdge.objects.exists()
