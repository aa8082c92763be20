"""Imports started from the admin, as a coordinator runs them: upload, dry run, report, commit.

The job runs here, in the test's transaction (tests/jobs.py); the worker's own part (progress
seen from another process, a killed worker) is in tests/worker/test_import_jobs.py.
"""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mapping.models import ImportRun
from tests.imports.points import VOZEJKMAP, vozejkmap_points  # noqa: F401
from tests.jobs import work_off_queue

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MBB_JSON = FIXTURES / "mapybezbarier" / "exchange_objects.json"
MBB_XML = FIXTURES / "mapybezbarier" / "objects.xml"
MBB_MALFORMED = FIXTURES / "mapybezbarier" / "malformed.json"
MBB_BROKEN = FIXTURES / "mapybezbarier" / "broken.json"
CATALOGUE_CSV = FIXTURES / "catalogue" / "demo_catalogue.csv"
OSM_KREMS = FIXTURES / "osm" / "krems.osm.gz"
KINDS = ("mapybezbarier", "vozejkmap", "catalogue", "network")


def upload_url(kind: str) -> str:
    return reverse("admin:mapping_importrun_new", args=[kind])


def run_url(run: ImportRun) -> str:
    return reverse("admin:mapping_importrun_change", args=[run.pk])


def upload(client, kind: str, path: Path, name: str | None = None, content=None, **fields):
    """POST the file (its content, or `content`) to the kind's upload page."""
    data = content if content is not None else path.read_bytes()
    return client.post(
        upload_url(kind), {"file": SimpleUploadedFile(name or path.name, data), **fields}
    )


def run_jobs() -> list:
    return work_off_queue("run_import")


def dry_run(client, kind: str, path: Path, **fields) -> ImportRun:
    """Upload, follow to the run's page and run its job; the run as it then stands."""
    answer = upload(client, kind, path, **fields)
    assert answer.status_code == 302, answer.content.decode()[:2000]
    run = ImportRun.objects.get(pk=answer.url.rstrip("/").split("/")[-2])
    assert answer.url == run_url(run)
    run_jobs()
    run.refresh_from_db()
    return run


def commit(client, run: ImportRun) -> ImportRun:
    answer = client.post(reverse("admin:mapping_importrun_commit", args=[run.pk]))
    assert answer.status_code == 302, answer.content.decode()[:2000]
    written = ImportRun.objects.get(dry_run=run)
    assert answer.url == run_url(written)
    run_jobs()
    written.refresh_from_db()
    return written


@pytest.fixture
def stored_imports(settings):
    """The import files left in the private storage."""

    def files() -> list[str]:
        folder = Path(settings.STORAGES["private"]["OPTIONS"]["location"]) / "imports"
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []

    return files
