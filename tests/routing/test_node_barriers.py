"""Barrier and entrance nodes, per-country access, graded surfaces, known and assumed stretches and
lifts out of order, on a small hand-written extract of Prague-like streets
(tests/fixtures/osm/prague-barriers.osm: each situation in a region of its own)."""

from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.utils import timezone

from mapping.models import NetworkEdge, Report, ReportKind, ReportStatus
from mapping.models.assessments import SurveyKind
from mapping.route_profiles import PROFILES
from mapping.routing.osm_import import import_network
from mapping.routing.osm_reader import is_walkable
from mapping.routing.routes import plan_route
from tests.factories import make_assessment, make_place
from tests.routing.conftest import OSM

LON0, LAT0, DX, DY = 14.4200, 50.0800, 0.0010, 0.0005


def at(region: int, x: float, y: float) -> tuple[float, float]:
    """A position in the fixture's grid (as the fixture's generator placed its nodes)."""
    return LON0 + x * DX, LAT0 + region * 0.01 + y * DY


@pytest.fixture
def prague(db):
    return import_network(OSM / "prague-barriers.osm", commit=True)


def _ways(answer: dict) -> list[int]:
    return [edge["osm_way_id"] for edge in answer["edges"]]


def _barriers_passed(answer: dict) -> set[str]:
    return {edge["barrier"] for edge in answer["edges"] if edge["barrier"]}


def test_the_import_reads_barrier_and_entrance_nodes_onto_the_ways_that_lead_through_them(prague):
    underpass = NetworkEdge.objects.get(osm_way_id=1002)
    assert (underpass.barrier, underpass.barrier_wheelchair) == ("subway_entrance", "no")
    # The turnstile stands inside its way's only edge.
    assert NetworkEdge.objects.get(osm_way_id=2001).barrier == "turnstile"
    assert {e.barrier for e in NetworkEdge.objects.filter(osm_way_id=2002)} == {"kissing_gate"}
    assert {e.barrier for e in NetworkEdge.objects.filter(osm_way_id=6001)} == {"elevator"}
    # The detours carry nothing: a barrier is not smeared onto the ways beside it.
    assert {e.barrier for e in NetworkEdge.objects.filter(osm_way_id=2003)} == {""}


def test_a_wheelchair_route_never_leaves_through_a_subway_entrance_marked_wheelchair_no(prague):
    pedestrian = plan_route(at(0, 0, 0), at(0, 4, 0), "pedestrian")
    assert pedestrian["found"] and 1002 in _ways(pedestrian)
    wheelchair = plan_route(at(0, 0, 0), at(0, 4, 0), "wheelchair")
    assert not wheelchair["found"]
    reason = wheelchair["reason"]
    assert reason["limit"] == "barrier_wheelchair_no"
    assert "subway entrance" in reason["message"]
    assert "not passable by wheelchair" in reason["message"]


def test_wheelchairs_and_prams_go_round_turnstiles_and_kissing_gates(prague):
    pedestrian = plan_route(at(1, 0, 0), at(1, 2, 0), "pedestrian")
    assert pedestrian["found"] and _barriers_passed(pedestrian) == {"turnstile"}
    for profile in ("wheelchair", "electric_wheelchair", "pram"):
        answer = plan_route(at(1, 0, 0), at(1, 2, 0), profile)
        assert answer["found"], profile
        assert _barriers_passed(answer) == set(), profile
        assert set(_ways(answer)) == {2003}, profile
        assert answer["length_m"] > pedestrian["length_m"] * 2


def test_the_explanation_names_the_turnstile_that_closes_the_only_way(prague):
    answer = plan_route(at(2, 0, 0), at(2, 2, 0), "wheelchair")
    assert not answer["found"]
    reason = answer["reason"]
    assert reason["limit"] == "impassable_barrier"
    assert reason["value"] == "turnstile"
    assert "turnstile" in reason["message"]
    assert "impassable_barrier" in reason["relaxed"]["limits"]
    # A turnstile the mapper marked wheelchair=yes (a wheelchair gate beside it) is passable.
    NetworkEdge.objects.filter(barrier="turnstile", osm_way_id=3001).update(
        barrier_wheelchair="yes"
    )
    assert plan_route(at(2, 0, 0), at(2, 2, 0), "wheelchair")["found"]


def test_a_cycle_crossing_shared_with_pedestrians_is_walkable_and_a_plain_cycleway_is_not(prague):
    assert NetworkEdge.objects.filter(osm_way_id=4002).exists()  # footway=crossing
    assert NetworkEdge.objects.filter(osm_way_id=4005).exists()  # segregated=yes
    assert not NetworkEdge.objects.filter(osm_way_id=4004).exists()  # a plain cycleway, in CZ
    answer = plan_route(at(3, 0, 0), at(3, 3, 0), "pedestrian")
    assert answer["found"]
    assert 4002 in _ways(answer)


def test_a_locked_gate_or_a_private_one_is_closed_and_a_gap_in_a_wall_says_nothing():
    from mapping.routing.osm_reader import apply_barrier_node, way_attributes

    def read(node_tags):
        attrs = way_attributes({"highway": "footway"})
        apply_barrier_node(attrs, node_tags)
        return attrs["barrier"], attrs["barrier_closed"], attrs["width_cm"]

    assert read({"barrier": "gate", "locked": "yes"}) == ("gate", True, None)
    assert read({"barrier": "gate", "access": "private"}) == ("gate", True, None)
    assert read({"barrier": "gate", "access": "private", "foot": "yes"}) == ("gate", False, None)
    assert read({"barrier": "bollard", "maxwidth": "1.2"}) == ("bollard", False, 120.0)
    assert read({"entrance": "yes"}) == ("", False, None)
    assert read({"barrier": "kerb", "kerb": "raised"}) == ("", False, None)


def test_the_country_decides_whether_a_plain_trunk_road_admits_pedestrians():
    trunk = {"highway": "trunk"}
    assert not is_walkable(trunk, "CZ")
    assert not is_walkable(trunk, "DE")
    assert is_walkable(trunk, "FR")  # not in the table: the wiki's worldwide default
    assert is_walkable({**trunk, "foot": "yes"}, "CZ")
    assert not is_walkable({"highway": "cycleway"}, "FR")
    assert is_walkable({"highway": "cycleway", "segregated": "yes", "foot": ""}, "CZ")
    assert not is_walkable({"highway": "cycleway", "segregated": "yes", "foot": "no"}, "CZ")


def test_a_sett_crossing_is_uncomfortable_for_a_manual_wheelchair_unless_rough_is_avoided(prague):
    answer = plan_route(at(4, 0, 0), at(4, 2, 0.4), "wheelchair")
    assert answer["found"]
    crossing = [e for e in answer["edges"] if e["osm_way_id"] == 5002]
    assert crossing and crossing[0]["surface_class"] == 1
    assert answer["uncomfortable_m"] == pytest.approx(crossing[0]["length_m"], abs=0.2)
    assert "cobbles" in {w["kind"] for w in answer["warnings"]}
    assert any("Uneven surface" in sentence for sentence in answer["summary"])

    avoiding = plan_route(at(4, 0, 0), at(4, 2, 0.4), "wheelchair", {"avoid_bad_surfaces": True})
    assert not avoiding["found"]
    assert avoiding["reason"]["limit"] == "avoid_bad_surfaces"
    assert "cobbles" in avoiding["reason"]["message"]


def test_gravel_blocks_a_manual_wheelchair_but_not_an_electric_one():
    from mapping.routing.tags import surface_class

    gravel = surface_class("gravel", "")
    assert gravel > PROFILES["wheelchair"].limits.max_surface_class
    assert gravel <= PROFILES["electric_wheelchair"].limits.max_surface_class
    assert surface_class("sett", "intermediate") == 0  # smoothness, where tagged, decides
    assert surface_class("asphalt", "very_bad") == 2


def test_a_route_says_which_stretches_are_surveyed_tagged_or_assumed(prague):
    # A volunteer measured the far sidewalk (an approved public-space assessment).
    place = make_place("Chodník u přechodu", *at(4, 1.5, 0.4), kind="public_space")
    make_assessment(
        place, survey_kind=SurveyKind.PUBLIC_SPACE, answers={"publicSpaceClearWidth": 200}
    )
    answer = plan_route(at(4, 0, 0), at(4, 2, 0.4), "wheelchair")
    assert answer["found"]
    by_way = {e["osm_way_id"]: e["knowledge"] for e in answer["edges"]}
    assert by_way == {5001: "assumed", 5002: "tagged", 5003: "surveyed"}
    known = answer["knowledge_m"]
    assert all(known[name] > 0 for name in ("surveyed", "tagged", "assumed"))
    assert sum(known.values()) == pytest.approx(answer["length_m"], abs=0.5)
    assert any("assumed passable" in sentence for sentence in answer["summary"])
    stretches = answer["stretches"]["features"]
    assert [f["properties"]["knowledge"] for f in stretches] == ["assumed", "tagged", "surveyed"]
    line = answer["geojson"]["geometry"]["coordinates"]
    assert sum(len(f["geometry"]["coordinates"]) - 1 for f in stretches) == len(line) - 1

    # Only known ways: the route starts where the first known way is, and says how far that is.
    only_known = plan_route(at(4, 0, 0), at(4, 2, 0.4), "wheelchair", {"only_known": "true"})
    assert only_known["found"]
    assert {e["knowledge"] for e in only_known["edges"]} == {"tagged", "surveyed"}
    assert only_known["from"]["distance_m"] > 50


def test_only_known_ways_explains_an_assumed_way_it_cannot_avoid(prague, settings):
    settings.ROUTING_SNAP_MAX_M = 20  # the ends stay on the untagged sidewalk
    answer = plan_route(at(4, 0, 0), at(4, 2, 0.4), "wheelchair", {"only_known": "true"})
    assert not answer["found"]
    assert answer["reason"]["limit"] == "only_known"
    assert "nobody has described" in answer["reason"]["message"]
    assert answer["reason"]["relaxed"]["edges"][0]["knowledge"] == "assumed"


def _lift_report(**dates) -> Report:
    return Report.objects.create(
        kind=ReportKind.LIFT,
        location=Point(*at(5, 1.00003, 0.00004), srid=4326),  # a few metres from the lift
        text="Výtah na lávku nejede.",
        status=ReportStatus.PUBLISHED,
        **dates,
    )


def test_a_lift_reported_out_of_order_diverts_the_route_until_it_is_repaired(prague):
    before = plan_route(at(5, 0, 0), at(5, 3, 0), "wheelchair")
    assert before["found"] and "elevator" in _barriers_passed(before)
    # Waiting for the lift costs the search the profile's metres for a barrier passed.
    for edge in before["edges"]:
        waiting = PROFILES["wheelchair"].preferences.barrier_m if edge["barrier"] else 0
        assert edge["cost"] == pytest.approx(edge["length_m"] + waiting, abs=0.01)
    today = timezone.localdate()
    report = _lift_report(valid_until=today + timedelta(days=2))
    after = plan_route(at(5, 0, 0), at(5, 3, 0), "wheelchair")
    assert after["found"]
    assert "elevator" not in _barriers_passed(after)
    assert set(_ways(after)) == {6004}
    # The report stands by the lift, not by the way round beneath it: nothing else is closed.
    assert after["length_m"] > before["length_m"]
    # Repaired: the report's validity has ended.
    report.valid_until = today - timedelta(days=1)
    report.save()
    again = plan_route(at(5, 0, 0), at(5, 3, 0), "wheelchair")
    assert [e["id"] for e in again["edges"]] == [e["id"] for e in before["edges"]]


def test_an_unpublished_lift_report_changes_nothing(prague):
    before = plan_route(at(5, 0, 0), at(5, 3, 0), "wheelchair")
    report = _lift_report()
    report.status = ReportStatus.NEW
    report.save()
    after = plan_route(at(5, 0, 0), at(5, 3, 0), "wheelchair")
    assert [e["id"] for e in after["edges"]] == [e["id"] for e in before["edges"]]


def test_with_the_lift_out_of_order_and_no_way_round_the_explanation_names_the_lift(
    prague, settings
):
    settings.ROUTING_SNAP_MAX_M = 20  # the ends stay by the lift
    NetworkEdge.objects.filter(osm_way_id=6004).delete()
    _lift_report()
    answer = plan_route(at(5, 0, 0), at(5, 3, 0), "wheelchair")
    assert not answer["found"]
    assert answer["reason"]["limit"] == "blocked"
    assert "lift out of order" in answer["reason"]["message"]
