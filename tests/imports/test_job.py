"""The import's job beyond one clean run: progress written where the coordinator's page reads
it, a run set straight when its job ended behind its back, files swept, object storage."""

import os
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils import timezone

from mapping.imports import files, job
from mapping.models import ImportRun, ImportStatus
from tests.imports.conftest import OSM_KREMS, VOZEJKMAP, commit, dry_run
from tests.personas import client_for


def make_run(**fields) -> ImportRun:
    return ImportRun.objects.create(kind="vozejkmap", file_name="points.geojson", **fields)


def set_job_status(job_id: int, status: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE procrastinate_jobs SET status = %s WHERE id = %s", [status, job_id])


@pytest.mark.django_db(transaction=True)
def test_progress_is_seen_while_the_imports_own_transaction_is_open_and_after_its_rollback():
    """The import's transaction hides its rows until it ends (a dry run's for ever); its
    progress goes through a connection of its own, so the coordinator's page sees it at once."""
    run = make_run(status=ImportStatus.RUNNING)
    progress = job.RunProgress(run.pk)
    page = connections.create_connection(DEFAULT_DB_ALIAS)  # another request, as it were
    try:
        with transaction.atomic():
            progress("import", 120, 500)
            with page.cursor() as cursor:
                cursor.execute("SELECT done, total FROM mapping_importrun WHERE id = %s", [run.pk])
                seen = cursor.fetchone()
            transaction.set_rollback(True)  # a dry run
    finally:
        progress.close()
        page.close()
    assert seen == (120, 500)
    run.refresh_from_db()
    assert (run.stage, run.done, run.total) == ("import", 120, 500)


@pytest.mark.django_db
def test_a_run_whose_job_failed_behind_its_back_is_failed_and_its_file_goes(charlie):
    run = dry_run(client_for(charlie), "vozejkmap", VOZEJKMAP)
    stuck = make_run(status=ImportStatus.RUNNING, commit=True, job_id=run.job_id, attempts=3)
    stuck.file = files.save(ContentFile(b"{}"), ".geojson")
    stuck.save()
    set_job_status(run.job_id, "failed")  # e.g. its worker killed on the last attempt
    job.reconcile(stuck)
    stuck.refresh_from_db()
    assert stuck.status == ImportStatus.FAILED and stuck.error
    assert not files.exists(stuck.file) and stuck.file == ""


@pytest.mark.django_db
def test_a_run_whose_worker_died_waits_for_its_next_attempt(charlie):
    run = dry_run(client_for(charlie), "vozejkmap", VOZEJKMAP)
    lost = make_run(status=ImportStatus.RUNNING, job_id=run.job_id, attempts=1)
    set_job_status(run.job_id, "todo")  # procrastinate queued it again (requeue_stalled_jobs)
    job.reconcile(lost)
    lost.refresh_from_db()
    assert lost.status == ImportStatus.QUEUED
    assert "1" in lost.error


@pytest.mark.django_db
def test_the_sweep_removes_expired_dry_run_files_and_stray_uploads_only(charlie, settings):
    client = client_for(charlie)
    old = dry_run(client, "vozejkmap", VOZEJKMAP)
    young = dry_run(client, "vozejkmap", VOZEJKMAP)
    ImportRun.objects.filter(pk=old.pk).update(
        finished_at=timezone.now() - timedelta(hours=settings.IMPORT_KEEP_DRY_RUN_HOURS + 1)
    )
    stray = files.save(ContentFile(b"{}"), ".json")
    fresh_stray = files.save(ContentFile(b"{}"), ".json")
    two_hours_ago = (timezone.now() - timedelta(hours=2)).timestamp()
    os.utime(files.storage().path(stray), (two_hours_ago, two_hours_ago))

    deleted = job.sweep()

    assert sorted(deleted) == sorted([old.file, stray])
    old.refresh_from_db()
    young.refresh_from_db()
    assert old.file == "" and files.exists(young.file) and files.exists(fresh_stray)
    page = client.get(f"/admin/mapping/importrun/{old.pk}/change/").content.decode()
    assert "už není uložen" in page  # the commit button gives way to "upload it again"


@pytest.mark.django_db
def test_an_import_reads_its_file_from_object_storage(charlie, media_storage, stored_files):
    """With MEDIA_STORAGE=s3 the upload waits in the private bucket, where any worker machine
    finds it; the network's reader gets a local copy. Nothing stays once written."""
    client = client_for(charlie)
    run = dry_run(client, "network", OSM_KREMS)
    assert run.status == ImportStatus.DONE, run.error
    assert [str(name) for name in stored_files()] != []
    written = commit(client, run)
    assert written.status == ImportStatus.DONE, written.error
    assert stored_files() == []
