"""Who may run the imports: coordinators (the coordinators' group) and administrators; never a
volunteer, nor a staff account without the import's permission."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from mapping.models import ImportKind, ImportRun, Role
from tests.factories import make_user
from tests.imports.conftest import KINDS, VOZEJKMAP, dry_run, run_url, upload, upload_url
from tests.personas import client_for

pytestmark = pytest.mark.django_db


def pages_of(run: ImportRun) -> list[tuple[str, str]]:
    return [
        ("get", run_url(run)),
        ("get", reverse("admin:mapping_importrun_status", args=[run.pk])),
        ("post", reverse("admin:mapping_importrun_commit", args=[run.pk])),
        ("get", reverse("admin:mapping_importrun_changelist")),
    ]


@pytest.fixture
def finished_dry_run(charlie) -> ImportRun:
    return dry_run(client_for(charlie), "vozejkmap", VOZEJKMAP)


@pytest.mark.parametrize("persona", ["alice", "dora"])
def test_a_volunteer_is_sent_to_the_login_from_every_import_page(
    request, persona, finished_dry_run
):
    client = client_for(request.getfixturevalue(persona))
    for kind in KINDS:
        answer = client.get(upload_url(kind))
        assert answer.status_code == 302 and "/admin/login/" in answer.url
        assert upload(client, kind, VOZEJKMAP).status_code == 302
    for method, url in pages_of(finished_dry_run):
        answer = getattr(client, method)(url)
        assert answer.status_code == 302 and "/admin/login/" in answer.url, url
    assert ImportRun.objects.count() == 1  # only the coordinator's dry run


def test_staff_without_the_import_permissions_is_refused(finished_dry_run):
    clerk = make_user("clerk", role=Role.COORDINATOR, is_staff=True, is_approved=True)
    client = client_for(clerk)
    for kind in KINDS:
        assert client.get(upload_url(kind)).status_code == 403
        assert upload(client, kind, VOZEJKMAP).status_code == 403
    for method, url in pages_of(finished_dry_run):
        assert getattr(client, method)(url).status_code == 403, url
    assert not ImportRun.objects.filter(dry_run=finished_dry_run).exists()


def test_each_import_asks_for_its_own_permission(finished_dry_run):
    """Seeing the runs is one permission; importing places does not let one replace the
    pedestrian network, nor write someone's dry run of a kind one may not import."""
    clerk = make_user("clerk", role=Role.COORDINATOR, is_staff=True, is_approved=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_importrun", "import_catalogue"])
    )
    client = client_for(clerk)
    assert client.get(upload_url(ImportKind.CATALOGUE)).status_code == 200
    assert client.get(upload_url(ImportKind.NETWORK)).status_code == 403
    assert client.get(run_url(finished_dry_run)).status_code == 200
    commit = reverse("admin:mapping_importrun_commit", args=[finished_dry_run.pk])
    assert client.post(commit).status_code == 403
    content = client.get(reverse("admin:index")).content.decode()
    assert upload_url(ImportKind.CATALOGUE) in content
    assert upload_url(ImportKind.NETWORK) not in content


@pytest.mark.parametrize("persona", ["charlie", "erin"])
def test_coordinators_and_administrators_may_run_every_import(request, persona, finished_dry_run):
    client = client_for(request.getfixturevalue(persona))
    for kind in KINDS:
        assert client.get(upload_url(kind)).status_code == 200
    for method, url in pages_of(finished_dry_run):
        assert getattr(client, method)(url).status_code in (200, 302), url
    assert ImportRun.objects.filter(dry_run=finished_dry_run).exists()


def test_an_unknown_import_is_a_404(charlie):
    assert client_for(charlie).get(upload_url("shapefile")).status_code == 404


def test_a_run_that_is_not_a_number_is_a_404(charlie):
    client = client_for(charlie)
    assert client.get("/admin/mapping/importrun/abc/change/").status_code == 404
    assert client.get("/admin/mapping/importrun/١٢/change/").status_code == 404
    assert client.get("/admin/mapping/importrun/999999/change/").status_code == 404
