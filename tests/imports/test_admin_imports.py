"""Each import from the admin, as a coordinator runs it: the dry run and its report (nothing
written), then the commit (written, the file gone), through HTTP with the personas."""

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.urls import reverse

from mapping.models import (
    Assessment,
    ImportStatus,
    NetworkEdge,
    Place,
    ReviewStatus,
    Service,
)
from tests.catalogue.conftest import create_demo_town
from tests.imports.conftest import (
    CATALOGUE_CSV,
    KINDS,
    MBB_JSON,
    MBB_MALFORMED,
    MBB_XML,
    OSM_KREMS,
    VOZEJKMAP,
    commit,
    dry_run,
    run_url,
    upload,
    upload_url,
)
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def page(client, run) -> str:
    answer = client.get(run_url(run))
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_admin_index_links_every_import_a_coordinator_may_run(charlie):
    content = client_for(charlie).get(reverse("admin:index")).content.decode()
    for kind in KINDS:
        assert f'href="{upload_url(kind)}"' in content


@pytest.mark.parametrize("kind", KINDS)
def test_each_upload_page_lists_the_fields_its_file_needs(charlie, kind):
    answer = client_for(charlie).get(upload_url(kind), HTTP_ACCEPT_LANGUAGE="en")
    content = answer.content.decode()
    assert answer.status_code == 200
    needed = {
        "mapybezbarier": ["objectId", "latitude", "mappingDate", "entrance1Door1MainpanelWidth"],
        "vozejkmap": ["location_type", "attr1", "Nájezd či rampa"],
        "catalogue": ["Poskytovatel", "Druh služby", "Registrační číslo"],
        "network": ["highway", "kerb:height", "footway"],
    }[kind]
    for name in needed:
        assert name in content
    assert "What the file must contain" in content


@pytest.mark.parametrize(
    ("path", "fmt"), [(MBB_JSON, ""), (MBB_XML, ""), (MBB_JSON, "json"), (MBB_XML, "xml")]
)
def test_mapy_bez_barier_dry_run_reports_then_the_commit_writes(charlie, stored_imports, path, fmt):
    client = client_for(charlie)
    run = dry_run(client, "mapybezbarier", path, format=fmt, source="mapybezbarier")
    created = run.report["counts"]["created"]
    assert run.status == ImportStatus.DONE and not run.commit
    assert created >= 1 and run.report["counts"]["skipped"] == 0
    assert Place.objects.count() == 0  # a dry run writes nothing
    assert len(stored_imports()) == 1  # kept for the commit
    assert "nic nebylo zapsáno" in page(client, run)  # Czech, the admin's default language

    written = commit(client, run)
    assert written.status == ImportStatus.DONE and written.commit
    assert written.report["counts"]["created"] == created
    assert Assessment.objects.filter(source="mapybezbarier").count() == created
    assert stored_imports() == []  # the file went with the commit

    again = dry_run(client, "mapybezbarier", path, format=fmt, source="mapybezbarier")
    assert again.report["counts"]["unchanged"] == created  # found again by objectId


def test_invalid_objects_are_skipped_with_their_reasons(charlie):
    client = client_for(charlie)
    run = dry_run(client, "mapybezbarier", MBB_MALFORMED, source="mapybezbarier")
    skipped = [row for row in run.report["rows"] if row["action"] == "skipped"]
    assert len(skipped) == run.report["counts"]["skipped"] >= 2
    assert all(row["reasons"] for row in skipped)
    content = page(client, run)
    for row in skipped:
        assert row["reasons"][0][:40] in content.replace("&#x27;", "'").replace("&quot;", '"')


def test_vozejkmap_places_wait_for_review_unless_published(charlie, stored_imports):
    client = client_for(charlie)
    run = dry_run(client, "vozejkmap", VOZEJKMAP)
    created = run.report["counts"]["created"]
    assert created >= 3 and Place.objects.count() == 0
    written = commit(client, run)
    assert written.report["counts"]["created"] == created
    statuses = set(Assessment.objects.filter(source="vozejkmap").values_list("status", flat=True))
    assert statuses == {ReviewStatus.SUBMITTED}
    assert stored_imports() == []

    Assessment.objects.all().delete()
    Place.objects.all().delete()
    published = commit(client, dry_run(client, "vozejkmap", VOZEJKMAP, approve="on"))
    assert published.report["counts"]["created"] == created
    statuses = set(Assessment.objects.filter(source="vozejkmap").values_list("status", flat=True))
    assert statuses == {ReviewStatus.APPROVED}


def test_the_catalogue_dry_run_reports_rows_and_the_commit_leaves_history(charlie):
    create_demo_town()
    client = client_for(charlie)
    run = dry_run(client, "catalogue", CATALOGUE_CSV)
    created = run.report["counts"]["created"]
    assert created >= 60 and Service.objects.count() == 0
    assert "12345678" in page(client, run)  # a rejected row's reason names its bad IČO
    written = commit(client, run)
    assert Service.objects.count() == created
    entries = LogEntry.objects.filter(action_flag=ADDITION, user=charlie)
    assert entries.count() == created
    assert "demo_catalogue.csv" in entries.first().get_change_message()
    assert written.report["counts"]["created"] == created


def test_the_network_dry_run_counts_and_the_commit_replaces_the_network(charlie, stored_imports):
    client = client_for(charlie)
    run = dry_run(client, "network", OSM_KREMS)
    figures = dict(run.report["figures"])
    assert run.status == ImportStatus.DONE and NetworkEdge.objects.count() == 0
    assert any(value > 100 for value in figures.values())
    written = commit(client, run)
    assert written.status == ImportStatus.DONE
    assert NetworkEdge.objects.count() in figures.values()  # the edges the dry run counted
    assert stored_imports() == []


def test_a_dry_run_is_written_once_however_often_the_button_is_pressed(charlie):
    client = client_for(charlie)
    run = dry_run(client, "vozejkmap", VOZEJKMAP)
    first = client.post(reverse("admin:mapping_importrun_commit", args=[run.pk]))
    second = client.post(reverse("admin:mapping_importrun_commit", args=[run.pk]))
    assert first.url == second.url
    assert client.get(reverse("admin:mapping_importrun_commit", args=[run.pk])).status_code == 405


def test_a_waiting_run_says_that_no_worker_is_running(charlie):
    client = client_for(charlie)
    answer = upload(client, "vozejkmap", VOZEJKMAP)
    content = client.get(answer.url).content.decode()
    assert "čeká na zpracování na pozadí" in content
    assert "Právě neběží žádné zpracování na pozadí" in content
    assert 'role="status"' in content and "<progress" in content
