"""Temporary barriers end by themselves: the hourly job resolves a published report whose end of
validity has passed, so that the API no longer lists it; one valid until today, or without an
end, stays."""

from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone

from mapping.models import Report, ReportKind, ReportStatus
from tests.jobs import work_off_queue

pytestmark = pytest.mark.django_db

REPORTS = "/api/v1/reports/"


def published(text: str, valid_until=None) -> Report:
    return Report.objects.create(
        kind=ReportKind.BARRIER,
        location=Point(14.147, 49.309, srid=4326),
        text=text,
        valid_until=valid_until,
        status=ReportStatus.PUBLISHED,
        moderator_note="Ověřeno na místě.",
    )


def listed(client) -> set[str]:
    return {report["text"] for report in client.get(REPORTS).json()["results"]}


def test_the_hourly_job_resolves_reports_whose_validity_ended(client):
    from mapping.reports.tasks import resolve_expired_reports_job

    today = timezone.localdate()
    ended = published("Rozkopaný chodník", valid_until=today - timedelta(days=1))
    published("Lešení přes chodník", valid_until=today)
    published("Schod u vchodu")
    # The public sees only what is still valid, before the job as after it.
    assert listed(client) == {"Lešení přes chodník", "Schod u vchodu"}
    assert ended.status == ReportStatus.PUBLISHED

    resolve_expired_reports_job.defer(timestamp=0)
    assert work_off_queue() == [1]

    assert listed(client) == {"Lešení přes chodník", "Schod u vchodu"}
    ended.refresh_from_db()
    assert ended.status == ReportStatus.RESOLVED
    day = ended.valid_until.strftime("%d. %m. %Y")
    assert ended.moderator_note == f"Ověřeno na místě.\nVyřešeno: platilo do {day}."
    assert work_off_queue() == []  # nothing queued twice
