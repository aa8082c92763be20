"""Bad files in the imports: refused at upload with a message in Czech and in English (the
form again, as the admin does, never a 500), nothing stored or queued; a file that passes the
quick check but breaks in the job fails its run with the reason, writes nothing, keeps nothing."""

import pytest

from mapping.imports import job
from mapping.models import ImportRun, ImportStatus, Place
from tests.imports.conftest import (
    MBB_BROKEN,
    MBB_JSON,
    OSM_KREMS,
    VOZEJKMAP,
    dry_run,
    run_jobs,
    run_url,
    upload,
)
from tests.jobs import queued
from tests.personas import client_for

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
# (kind, file name, content, what the Czech message says, what the English one says)
BAD_FILES = [
    (
        "mapybezbarier",
        "objects.json",
        MBB_BROKEN.read_bytes(),
        "není platný JSON",
        "not valid JSON",
    ),
    ("mapybezbarier", "objects.xml", b"<objects><object>", "není platné XML", "not valid XML"),
    ("mapybezbarier", "mista.txt", b"{}", "s příponou .json, .xml", "ending in .json, .xml"),
    ("mapybezbarier", "objects.json", b"[1, 2]", "jehož klíč", "whose key"),
    ("vozejkmap", "points.geojson", PNG, "není platný JSON", "not valid JSON"),
    (
        "vozejkmap",
        "points.geojson",
        b'{"type": "Feature"}',
        "FeatureCollection",
        "FeatureCollection",
    ),
    ("catalogue", "katalog.xlsx", b"nonsense", "čitelný sešit XLSX", "readable XLSX"),
    ("catalogue", "katalog.csv", b"Jmeno;Adresa\nA;B\n", "chybí: Poskytovatel", "missing: Posk"),
    ("catalogue", "katalog.pdf", b"%PDF-1.4", ".csv, .xlsx, .json", ".csv, .xlsx, .json"),
    ("network", "krems.osm.gz", PNG, "neobsahuje data OpenStreetMap", "does not contain"),
    ("network", "krems.osm", b"<html></html>", "neobsahuje data OpenStreetMap", "does not contain"),
    ("network", "krems.shp", b"\0\0\x27\x0a", ".osm.pbf", ".osm.pbf"),
    ("network", "empty.osm", b"", "prázdný", "empty"),
]


def refused(client, kind, name, content, language) -> str:
    answer = upload(client, kind, VOZEJKMAP, name=name, content=content, source="x")
    body = answer.content.decode()
    assert answer.status_code == 200 and 'class="errorlist' in body, (kind, name)
    return body


@pytest.mark.parametrize(("kind", "name", "content", "czech", "english"), BAD_FILES)
def test_a_bad_file_is_refused_with_a_message_in_czech_and_english(
    charlie, stored_imports, kind, name, content, czech, english
):
    client = client_for(charlie)
    assert czech in refused(client, kind, name, content, "cs")
    client.cookies["django_language"] = "en"
    english_page = upload(client, kind, VOZEJKMAP, name=name, content=content, source="x")
    assert english in english_page.content.decode()
    assert ImportRun.objects.count() == 0 and queued() == [] and stored_imports() == []


def test_a_file_over_the_limit_is_refused_before_it_is_read(charlie, settings, stored_imports):
    settings.IMPORT_MAX_BYTES = 1000
    client = client_for(charlie)
    body = refused(client, "mapybezbarier", "objects.json", MBB_JSON.read_bytes(), "cs")
    assert "Soubor je větší než 1000" in body
    assert ImportRun.objects.count() == 0 and stored_imports() == []


def test_a_file_that_breaks_in_the_job_fails_its_run_with_the_reason(charlie, stored_imports):
    """A truncated extract passes the look at its first bytes and breaks in the reader."""
    client = client_for(charlie)
    truncated = OSM_KREMS.read_bytes()[:150_000]
    answer = upload(client, "network", OSM_KREMS, content=truncated)
    assert answer.status_code == 302
    run = ImportRun.objects.get()
    run_jobs()
    run.refresh_from_db()
    assert run.status == ImportStatus.FAILED and run.report is None
    assert "krems.osm.gz" in run.error  # the coordinator's own file name, not the stored one
    assert stored_imports() == []
    page = client.get(run_url(run)).content.decode()
    assert run.error in page and "Nahrát soubor znovu" in page


def test_an_error_mid_import_writes_nothing_and_fails_after_the_retries(
    charlie, stored_imports, monkeypatch
):
    """An error the import does not expect (the database gone, a bug) rolls back the whole
    import, the run waits for its retry, and once the retries are spent it fails for good."""
    client = client_for(charlie)
    run = dry_run(client, "mapybezbarier", MBB_JSON, source="mapybezbarier")
    written = ImportRun.objects.create(
        kind=run.kind, commit=True, file=run.file, file_name=run.file_name, options=run.options
    )
    calls = []

    def fails_on_the_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return real_upsert(*args, **kwargs)

    from mapping.exchange import importer

    real_upsert = importer._upsert
    monkeypatch.setattr(importer, "_upsert", fails_on_the_second)
    for attempt in (1, 2, 3):
        calls.clear()
        with pytest.raises(RuntimeError):
            job.execute(written.pk)
        written.refresh_from_db()
        assert Place.objects.count() == 0  # the first object's place went with the rollback
        assert written.attempts == attempt
    assert written.status == ImportStatus.FAILED
    assert "nic nezapsal" in written.error
    assert stored_imports() == []
