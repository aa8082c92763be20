"""Barriers from the survey, along the real path: a volunteer submits a public-space survey from
the phone, a coordinator approves it in the review, and from then on routing treats what was
measured (a kerb, steps, a clear width, a slope, the surface) as a barrier on the ways there; when
a newer survey of the place is approved, the old measurement stops counting. A barrier report
from the public counts once a coordinator publishes it, until the end of its validity."""

import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mapping.models import Assessment, Barrier, BarrierKind, Report, ReportStatus, ReviewStatus
from mapping.routing.routes import plan_route
from tests.personas import client_for
from tests.routing.graph import metres_from, middle_of_route
from tests.survey.conftest import submission

START, END = (15.595, 48.408), (15.605, 48.412)  # across the old town of Krems
# What a public-space survey must answer before it can be submitted, plus the measurement.
LEVEL = {"publicSpaceSurface": "asphalt", "publicSpaceLongitudinalSlope": 1}
HIGH_KERB = {**LEVEL, "publicSpaceKerbHeight": 12}
LOW_KERB = {**LEVEL, "publicSpaceKerbHeight": 2}
RADIUS_M = 10  # routing applies a surveyed public space to the ways this close


def _edge_ids(route: dict) -> list[int]:
    return [edge["id"] for edge in route["edges"]]


def _survey(volunteer, answers: dict, point=None, place_id: int | None = None) -> Assessment:
    """A public-space survey sent from the phone, as the survey app sends it."""
    place = (
        {"id": place_id}
        if place_id
        else {"name": "Přechod", "kind": "public_space", "lat": point.y, "lon": point.x}
    )
    response = client_for(volunteer).post(
        reverse("survey:submit"), submission(place=place, answers=answers)
    )
    assert response.status_code == 201, response.content
    assessment = Assessment.objects.get(pk=response.json()["assessment"]["id"])
    assert assessment.status == ReviewStatus.SUBMITTED
    return assessment


def _approve(coordinator, assessment: Assessment) -> None:
    response = client_for(coordinator).post(reverse("review:approve", args=[assessment.pk]))
    assert response.status_code == 302, response.content


def test_a_surveyed_barrier_on_the_shortest_path_diverts_the_route(load_town, alice, charlie):
    load_town("krems")
    before = plan_route(START, END, "wheelchair")
    pedestrian_before = plan_route(START, END, "pedestrian")
    assert before["found"]
    point = middle_of_route(before)
    assert metres_from(before, point) < 1

    survey = _survey(alice, HIGH_KERB, point)
    # Submitted but not approved: routing does not know it yet.
    assert _edge_ids(plan_route(START, END, "wheelchair")) == _edge_ids(before)

    _approve(charlie, survey)
    after = plan_route(START, END, "wheelchair")
    assert after["found"]
    assert metres_from(after, point) > RADIUS_M
    assert after["length_m"] > before["length_m"]
    # A 12 cm kerb is no barrier to a pedestrian: that route does not change.
    assert _edge_ids(plan_route(START, END, "pedestrian")) == _edge_ids(pedestrian_before)


def test_a_newer_survey_that_finds_the_kerb_lowered_lifts_the_barrier(load_town, alice, charlie):
    load_town("krems")
    before = plan_route(START, END, "wheelchair")
    point = middle_of_route(before)
    first = _survey(alice, HIGH_KERB, point)
    _approve(charlie, first)
    assert metres_from(plan_route(START, END, "wheelchair"), point) > RADIUS_M

    second = _survey(alice, LOW_KERB, place_id=first.place_id)
    _approve(charlie, second)
    first.refresh_from_db()
    assert first.status == ReviewStatus.SUPERSEDED
    assert _edge_ids(plan_route(START, END, "wheelchair")) == _edge_ids(before)


def test_recategorising_the_surveys_keeps_the_measured_barrier(load_town, alice, charlie):
    load_town("krems")
    before = plan_route(START, END, "wheelchair")
    point = middle_of_route(before)
    survey = _survey(alice, HIGH_KERB, point)
    _approve(charlie, survey)
    diverted = plan_route(START, END, "wheelchair")
    call_command("recategorize_assessments", "--all", "--commit", stdout=io.StringIO())
    survey.refresh_from_db()
    assert survey.status == ReviewStatus.APPROVED
    assert _edge_ids(plan_route(START, END, "wheelchair")) == _edge_ids(diverted)


@pytest.mark.parametrize(
    ("measured", "limit"),
    [
        ({"publicSpaceKerbHeight": 12}, "max_kerb_cm"),
        ({"publicSpaceStepsNumberOf": 3}, "max_steps"),
        ({"publicSpaceClearWidth": 60}, "min_width_cm"),
        ({"publicSpaceLongitudinalSlope": 15}, "max_incline"),
        ({"publicSpaceSurface": "gravel"}, "avoid_bad_surfaces"),
    ],
)
def test_each_measurement_that_breaks_a_wheelchair_limit_closes_the_way_to_it(
    load_town, alice, charlie, measured, limit
):
    load_town("krems")
    before = plan_route(START, END, "wheelchair")
    pedestrian_before = plan_route(START, END, "pedestrian")
    point = middle_of_route(before)
    _approve(charlie, _survey(alice, {**LEVEL, **measured}, point))
    after = plan_route(START, END, "wheelchair")
    if after["found"]:
        assert metres_from(after, point) > RADIUS_M
    else:
        # No way round: the answer names the surveyed place as the barrier.
        assert after["reason"]["limit"].startswith(limit)
        assert any(b["source"] == "assessment" for b in after["reason"]["barriers"])
    assert _edge_ids(plan_route(START, END, "pedestrian")) == _edge_ids(pedestrian_before)


def test_a_coordinators_barrier_for_a_survey_replaces_it_and_goes_with_it(
    load_town, alice, charlie
):
    load_town("krems")
    before = plan_route(START, END, "pedestrian")
    point = middle_of_route(before)
    survey = _survey(alice, HIGH_KERB, point)
    _approve(charlie, survey)
    # The coordinator closes the way for everybody on the strength of the survey.
    Barrier.objects.create(
        kind=BarrierKind.OBSTACLE, location=point, radius_m=3, blocks=True, assessment=survey
    )
    assert metres_from(plan_route(START, END, "pedestrian"), point) > 3
    second = _survey(alice, LOW_KERB, place_id=survey.place_id)
    _approve(charlie, second)
    # Superseded: neither the survey nor the barrier that rested on it counts any more.
    assert _edge_ids(plan_route(START, END, "pedestrian")) == _edge_ids(before)


def test_a_reported_closure_counts_once_published_and_until_its_end(
    load_town, client, admin_client
):
    load_town("krems")
    cache.clear()  # the report form's rate limit
    before = plan_route(START, END, "pedestrian")
    point = middle_of_route(before)
    response = client.post(
        reverse("reports:new"),
        {
            "kind": "barrier",
            "text": "Rozkopaný chodník",
            "latitude": str(point.y),
            "longitude": str(point.x),
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.status == ReportStatus.NEW
    assert _edge_ids(plan_route(START, END, "pedestrian")) == _edge_ids(before)

    # The coordinator gives it the end of the road works and publishes it in the admin.
    today = timezone.localdate()
    report.valid_until = today + timedelta(days=14)
    report.save(update_fields=["valid_until"])
    response = admin_client.post(
        reverse("admin:mapping_report_changelist"),
        {"action": "publish", "_selected_action": [report.pk]},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.PUBLISHED
    closed = plan_route(START, END, "pedestrian")
    assert closed["found"]
    assert metres_from(closed, point) > 5

    # The works are over: the way is open again.
    report.valid_until = today - timedelta(days=1)
    report.save(update_fields=["valid_until"])
    assert _edge_ids(plan_route(START, END, "pedestrian")) == _edge_ids(before)
