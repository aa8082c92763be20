"""Barriers that a coordinator enters, and moderated reports, block or penalise the edges they lie
on while valid. (Barriers from approved public-space surveys: test_barriers_from_survey.py.)"""

from datetime import timedelta

from django.utils import timezone

from mapping.models import Barrier, BarrierKind, Report, ReportKind, ReportStatus
from mapping.routing.routes import plan_route
from tests.routing.graph import metres_from as _metres_from
from tests.routing.graph import middle_of_route as _middle_of_route

START, END = (15.595, 48.408), (15.605, 48.412)  # across the old town of Krems


def test_road_works_entered_by_a_coordinator_divert_the_route(load_town):
    load_town("krems")
    before = plan_route(START, END, "pedestrian")
    point = _middle_of_route(before)
    Barrier.objects.create(kind=BarrierKind.ROAD_WORKS, location=point, radius_m=3, blocks=True)
    after = plan_route(START, END, "pedestrian")
    assert after["found"]
    assert _metres_from(after, point) > 3
    assert after["length_m"] > before["length_m"]


def test_an_expired_or_future_barrier_does_not_divert_the_route(load_town):
    load_town("krems")
    before = plan_route(START, END, "pedestrian")
    point = _middle_of_route(before)
    now = timezone.now()
    Barrier.objects.create(
        kind=BarrierKind.ROAD_WORKS, location=point, blocks=True, valid_until=now - timedelta(1)
    )
    Barrier.objects.create(
        kind=BarrierKind.ROAD_WORKS, location=point, blocks=True, valid_from=now + timedelta(1)
    )
    after = plan_route(START, END, "pedestrian")
    assert [e["id"] for e in after["edges"]] == [e["id"] for e in before["edges"]]


def test_a_measured_kerb_blocks_the_wheelchair_but_not_the_pedestrian(load_town):
    load_town("krems")
    wheelchair_before = plan_route(START, END, "wheelchair")
    pedestrian_before = plan_route(START, END, "pedestrian")
    assert wheelchair_before["found"]
    point = _middle_of_route(wheelchair_before)
    Barrier.objects.create(kind=BarrierKind.KERB, location=point, radius_m=3, kerb_height_cm=9)
    wheelchair = plan_route(START, END, "wheelchair")
    pedestrian = plan_route(START, END, "pedestrian")
    if wheelchair["found"]:
        assert _metres_from(wheelchair, point) > 3
    else:
        assert wheelchair["reason"]["limit"] == "max_kerb_cm"
    # The pedestrian profile has no kerb limit: its route does not change.
    assert [e["id"] for e in pedestrian["edges"]] == [e["id"] for e in pedestrian_before["edges"]]


def test_a_penalty_makes_the_route_avoid_the_stretch_when_a_fair_detour_exists(load_town):
    load_town("krems")
    before = plan_route(START, END, "pedestrian")
    point = _middle_of_route(before)
    Barrier.objects.create(kind=BarrierKind.SURFACE, location=point, radius_m=3, penalty_m=5000)
    after = plan_route(START, END, "pedestrian")
    assert _metres_from(after, point) > 3
    assert after["length_m"] > before["length_m"]


def test_a_published_report_of_road_works_closes_the_way_until_its_end(load_town):
    load_town("krems")
    before = plan_route(START, END, "pedestrian")
    point = _middle_of_route(before)
    today = timezone.localdate()
    report = Report.objects.create(
        kind=ReportKind.BARRIER,
        location=point,
        text="Road works",
        valid_until=today + timedelta(days=3),
        status=ReportStatus.NEW,
    )
    unmoderated = plan_route(START, END, "pedestrian")
    assert [e["id"] for e in unmoderated["edges"]] == [e["id"] for e in before["edges"]]
    report.status = ReportStatus.PUBLISHED
    report.save()
    after = plan_route(START, END, "pedestrian")
    assert _metres_from(after, point) > 5
    report.valid_until = today - timedelta(days=1)
    report.save()
    ended = plan_route(START, END, "pedestrian")
    assert [e["id"] for e in ended["edges"]] == [e["id"] for e in before["edges"]]
