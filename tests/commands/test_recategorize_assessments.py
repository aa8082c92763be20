"""`manage.py recategorize_assessments`: re-run the engine over stored assessments."""

import datetime
from io import StringIO

import pytest
from django.contrib.gis.geos import Point
from django.core.management import call_command
from django.utils import translation

from mapping.methodology.rules import METHODOLOGY_VERSION
from mapping.models import Assessment, Place
from tests.methodology.objects import BUILDING, NARROW_RAMP, changed

pytestmark = pytest.mark.django_db

ONE_STEP = changed(BUILDING, entrance1Accessibility="OneStepEntranceAccessibility", wc=[])


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English, whatever the deployment's language."""
    with translation.override("en"):
        yield


def assessment(name: str, answers: dict, version: str, **categories) -> Assessment:
    place = Place.objects.create(name=name, location=Point(18.1449, 49.6405, srid=4326))
    return Assessment.objects.create(
        place=place,
        survey_date=datetime.date(2025, 6, 1),
        methodology_version=version,
        answers=answers,
        **categories,
    )


def run(*args) -> str:
    out = StringIO()
    call_command("recategorize_assessments", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def stored():
    old = assessment(
        "Knihovna",
        ONE_STEP,
        "mkpo-2019",
        wheelchair="accessible",
        seniors="partly",
        pram="partly",
        has_accessible_toilet=True,
    )
    current = assessment(
        "Radnice", BUILDING, METHODOLOGY_VERSION, wheelchair="accessible", seniors="accessible",
        pram="accessible",
    )  # fmt: skip
    return old, current


def test_a_dry_run_reports_what_would_change_and_writes_nothing(stored):
    old, _ = stored

    output = run()

    assert f"Knihovna (assessment {old.pk}): wheelchair accessible -> partly" in output
    assert "has_accessible_toilet True -> False" in output
    assert "Radnice" not in output
    assert "1 assessments would be re-evaluated" in output
    old.refresh_from_db()
    assert (old.wheelchair, old.methodology_version, old.result) == ("accessible", "mkpo-2019", {})


def test_commit_writes_the_result_the_categories_and_the_version(stored):
    old, current = stored

    output = run("--commit")

    assert f"1 assessments re-evaluated under {METHODOLOGY_VERSION}, 1 changed category." in output
    old.refresh_from_db()
    assert (old.wheelchair, old.seniors, old.pram) == ("partly", "partly", "partly")
    assert old.has_accessible_toilet is False
    assert old.methodology_version == METHODOLOGY_VERSION
    assert old.result["wheelchair"] == "partly"
    assert old.result["profiles"]["wheelchair"]["reasons"][0]["rule"] == "entrance"
    current.refresh_from_db()
    assert current.result == {}


def test_a_second_run_finds_nothing_left_to_do(stored):
    run("--commit")

    assert "0 assessments would be re-evaluated" in run()


def test_all_takes_every_assessment_whatever_its_version(stored):
    _, current = stored

    output = run("--all", "--commit")

    assert "2 assessments re-evaluated" in output
    current.refresh_from_db()
    assert current.result["methodology_version"] == METHODOLOGY_VERSION
    assert current.wheelchair == "accessible"


def test_switching_the_town_to_the_other_ramp_variant_changes_what_the_variant_changes():
    narrow = assessment(
        "Sokolovna", NARROW_RAMP, METHODOLOGY_VERSION, wheelchair="inaccessible",
        seniors="inaccessible", pram="inaccessible",
    )  # fmt: skip

    output = run("--methodology", "mkpo-12m-2026.1", "--commit")

    assert f"Sokolovna (assessment {narrow.pk}): wheelchair inaccessible -> accessible" in output
    narrow.refresh_from_db()
    assert narrow.methodology_version == "mkpo-12m-2026.1"
    assert narrow.wheelchair == "accessible"


def test_the_deployment_setting_chooses_the_current_version(settings):
    settings.METHODOLOGY_VERSION = "mkpo-12m-2026.1"
    narrow = assessment("Sokolovna", NARROW_RAMP, METHODOLOGY_VERSION)

    run("--commit")

    narrow.refresh_from_db()
    assert (narrow.methodology_version, narrow.wheelchair) == ("mkpo-12m-2026.1", "accessible")


def test_background_queues_the_run_for_the_worker_which_writes_what_commit_writes(stored):
    from django.core.management.base import CommandError

    from tests.jobs import queued, work_off_queue

    old, _ = stored
    with pytest.raises(CommandError, match="--commit"):
        run("--background")
    assert queued() == []

    output = run("--commit", "--background")

    [job] = queued("recategorize_assessments")
    assert f"Queued as background job {job.id}" in output
    assert job.queue_name == "bulk"
    old.refresh_from_db()
    assert old.methodology_version == "mkpo-2019"  # nothing written here
    assert work_off_queue() == [{"seen": 1, "changed": 1, "version": METHODOLOGY_VERSION}]
    old.refresh_from_db()
    assert (old.wheelchair, old.methodology_version) == ("partly", METHODOLOGY_VERSION)
