"""A wheelchair route never uses steps, never breaks its limits (checked edge by edge against the
stored edges), and is no longer than the limits make necessary. Real OSM extracts; the cases are
the steps of each town: from the bottom of a flight to its top."""

from dataclasses import asdict

import pytest

from mapping.models import NetworkEdge
from mapping.route_profiles import PROFILES
from mapping.routing.routes import plan_route
from tests.routing.graph import allows, incline_along, shortest_length

WHEELCHAIR = PROFILES["wheelchair"].limits


def _steps_cases(limit: int = 12):
    for edge in NetworkEdge.objects.filter(steps=True).order_by("id")[:limit]:
        yield edge.geom.coords[0], edge.geom.coords[-1]


def _check_edge_by_edge(route: dict, limits) -> None:
    for step in route["edges"]:
        stored = NetworkEdge.objects.get(pk=step["id"])
        assert not stored.steps
        assert allows(stored, step["forward"], limits), stored.pk
        incline = incline_along(stored, step["forward"])
        if incline is not None:
            assert incline <= limits.max_incline_up_pct
            assert -incline <= limits.max_incline_down_pct
        assert stored.kerb_height_cm is None or stored.kerb_height_cm <= limits.max_kerb_cm
        assert stored.width_cm is None or stored.width_cm >= limits.min_width_cm


@pytest.mark.parametrize("town", ["krems", "monaco", "heidelberg-altstadt"])
def test_a_wheelchair_route_never_uses_steps_nor_breaks_its_limits(load_town, town):
    load_town(town)
    found = 0
    for start, end in _steps_cases():
        pedestrian = plan_route(start, end, "pedestrian")
        wheelchair = plan_route(start, end, "wheelchair")
        assert pedestrian["found"]
        if wheelchair["found"]:
            found += 1
            _check_edge_by_edge(wheelchair, WHEELCHAIR)
            assert all(w["kind"] != "steps" for w in wheelchair["warnings"])
    assert found > 0


@pytest.mark.parametrize("town", ["krems", "monaco", "heidelberg-altstadt"])
def test_a_route_within_limits_is_no_longer_than_the_limits_make_necessary(load_town, town):
    load_town(town)
    hard_limits_only = asdict(WHEELCHAIR)
    compared = 0
    for start, end in _steps_cases(limit=40):
        unconstrained = plan_route(start, end, "pedestrian")
        # Wheelchair limits on the pedestrian profile: the same hard limits, no soft costs.
        limited = plan_route(start, end, "pedestrian", overrides=hard_limits_only)
        if not limited["found"]:
            continue
        if (unconstrained["from"]["vertex"], unconstrained["to"]["vertex"]) != (
            limited["from"]["vertex"],
            limited["to"]["vertex"],
        ):
            continue  # the limits moved an end to another way: not the same question
        source, target = limited["from"]["vertex"], limited["to"]["vertex"]
        assert any(e["steps"] for e in unconstrained["edges"])
        assert limited["length_m"] == pytest.approx(
            shortest_length(source, target, WHEELCHAIR), abs=0.5
        )
        assert limited["length_m"] >= unconstrained["length_m"]
        _check_edge_by_edge(limited, WHEELCHAIR)
        compared += 1
    assert compared > 0


def test_the_visitors_own_incline_limit_is_respected_in_the_direction_of_travel(load_town):
    load_town("heidelberg-altstadt")
    limits = {"max_incline_up_pct": 2, "max_incline_down_pct": 4}
    inclined = NetworkEdge.objects.filter(incline_pct__isnull=False).order_by("id")
    assert inclined.exists()
    routes = 0
    for edge in inclined[:15]:
        start, end = edge.geom.coords[0], edge.geom.coords[-1]
        for a, b in ((start, end), (end, start)):
            route = plan_route(a, b, "wheelchair", overrides=limits)
            routes += route["found"]
            for step in route.get("edges", []):
                stored = NetworkEdge.objects.get(pk=step["id"])
                incline = incline_along(stored, step["forward"])
                assert incline is None or -4 <= incline <= 2
                assert step["incline_pct"] == incline
    assert routes > 0


def test_every_profile_finds_a_route_with_time_instructions_and_geojson(load_town):
    load_town("krems")
    start, end = (15.595, 48.408), (15.605, 48.412)
    for name, profile in PROFILES.items():
        route = plan_route(start, end, name)
        assert route["found"], name
        coordinates = route["geojson"]["geometry"]["coordinates"]
        assert len(coordinates) >= 2
        assert route["duration_s"] >= route["length_m"] / profile.speed_m_s - 1
        total = sum(i["distance_m"] for i in route["instructions"])
        assert abs(total - route["length_m"]) <= len(route["instructions"])
        assert route["instructions"][-1]["turn"] == "arrive"
