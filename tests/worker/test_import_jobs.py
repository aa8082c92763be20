"""Imports from the admin run by real worker processes: the coordinator's page sees the
progress while the job runs, then the report; a worker killed in the middle of a commit has the
job run again on another worker, which writes everything once and leaves no file behind."""

import json

from django.urls import reverse

from mapping.models import Assessment, ImportRun, ImportStatus, JobError
from tests.imports.conftest import stored_imports, upload, vozejkmap_points  # noqa: F401
from tests.personas import client_for
from tests.worker.conftest import SIGKILL, STALLED_SECONDS, job_row, wait_until

# A worker writes its progress often here, so that a run of a few seconds shows some.
FAST_PROGRESS = {"IMPORT_PROGRESS_SECONDS": "0.2"}


def status(client, run: ImportRun) -> dict:
    answer = client.get(reverse("admin:mapping_importrun_status", args=[run.pk]))
    assert answer.status_code == 200
    return json.loads(answer.content)


def started_dry_run(client, points: int) -> ImportRun:
    answer = upload(
        client, "vozejkmap", None, name="points.geojson", content=vozejkmap_points(points)
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    return ImportRun.objects.get()


def test_the_page_sees_the_progress_of_the_job_then_its_report(charlie, workers):
    client = client_for(charlie)
    run = started_dry_run(client, 200)
    assert status(client, run)["message"] == "čeká na zpracování na pozadí"
    worker = workers(FAST_PROGRESS)
    seen = []
    wait_until(
        lambda: seen.append(status(client, run)) or seen[-1]["finished"],
        timeout=180,
        what="the dry run finished",
        log=worker,
    )
    running = [s for s in seen if s["status"] == "running" and s["total"]]
    assert any(0 < s["done"] < s["total"] == 200 for s in running), seen
    assert any(s["message"].startswith("Import: ") and " z 200 (" in s["message"] for s in running)
    assert seen[-1]["status"] == ImportStatus.DONE
    run.refresh_from_db()
    assert run.report["counts"]["created"] == 200
    page = client.get(reverse("admin:mapping_importrun_change", args=[run.pk])).content.decode()
    assert "Zapsat import" in page and 'aria-live="polite"' in page


def test_a_commit_whose_worker_is_killed_runs_again_and_leaves_no_file(
    charlie,
    workers,
    stored_imports,  # noqa: F811
):
    client = client_for(charlie)
    dry_run = started_dry_run(client, 300)
    first = workers(FAST_PROGRESS)
    wait_until(
        lambda: ImportRun.objects.get(pk=dry_run.pk).status == ImportStatus.DONE,
        timeout=240,
        what="the dry run finished",
        log=first,
    )
    created = ImportRun.objects.get(pk=dry_run.pk).report["counts"]["created"]
    client.post(reverse("admin:mapping_importrun_commit", args=[dry_run.pk]))
    commit = ImportRun.objects.get(dry_run=dry_run)
    wait_until(
        lambda: (s := status(client, commit))["stage"] == "import" and s["done"] > 0,
        timeout=120,
        what="the commit is importing",
        log=first,
    )
    first.signal(SIGKILL)
    first.wait(timeout=10)
    assert Assessment.objects.count() == 0  # the killed attempt's transaction went with it

    rescuer = workers(FAST_PROGRESS)
    wait_until(
        lambda: status(client, commit)["finished"],
        timeout=4 * int(STALLED_SECONDS) + 240,
        what="the commit ran again to its end",
        log=rescuer,
    )
    commit.refresh_from_db()
    assert commit.status == ImportStatus.DONE, commit.error
    assert commit.attempts == 2 and job_row(commit.job_id)["attempts"] == 2
    assert "worker running this job stopped" in JobError.objects.get(job_id=commit.job_id).error
    assert commit.report["counts"]["created"] == created == Assessment.objects.count()
    assert stored_imports() == []
