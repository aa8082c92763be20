"""Where the limits allow no route, the pedestrian profile still has one, and the answer says
which barrier blocks the way and what route the visitor would have if they relaxed the limits it
breaks. Both come from the one search that looked for the route: the path that crosses the fewest
blocked edges, checked here against an independent search in Python."""

from dataclasses import asdict

import pytest
from django.db import connection
from django.utils import translation

from mapping.models import NetworkEdge, NetworkNode
from mapping.route_profiles import PROFILES
from mapping.routing.routes import broken_limits, plan_route
from tests.routing.graph import fewest_blocked, walked

WHEELCHAIR = PROFILES["wheelchair"].limits


def _steps_ends(limit: int = 40):
    for edge in NetworkEdge.objects.filter(steps=True).order_by("id")[:limit]:
        yield edge.geom.coords[0], edge.geom.coords[-1]


@pytest.mark.parametrize("town", ["berlin-siegessaeule", "monaco"])
def test_it_explains_the_barrier_when_only_the_pedestrian_profile_has_a_route(load_town, town):
    load_town(town)
    explained = 0
    for start, end in _steps_ends():
        wheelchair = plan_route(start, end, "wheelchair")
        pedestrian = plan_route(start, end, "pedestrian")
        if wheelchair["found"]:
            continue
        assert pedestrian["found"]
        reason = wheelchair["reason"]
        assert reason["message"]
        relaxed = reason["relaxed"]
        # The blocking edge is the first edge of the relaxed route that breaks a limit, and it
        # really breaks the limit named.
        on_route = [walked(edge) for edge in relaxed["edges"]]
        first = next(i for i, e in enumerate(on_route) if broken_limits(e, WHEELCHAIR))
        assert on_route[first].id == reason["edge_id"]
        assert reason["limit"] in {name for name, _v in broken_limits(on_route[first], WHEELCHAIR)}
        assert reason["distance_from_start_m"] == round(sum(e.length_m for e in on_route[:first]))
        # The relaxed route breaks exactly the limits it names, on the edges marked blocked.
        broken = {name for e in on_route for name, _v in broken_limits(e, WHEELCHAIR)}
        assert broken == set(relaxed["limits"])
        assert all(e.blocked == bool(broken_limits(e, WHEELCHAIR)) for e in on_route)
        assert relaxed["limit"] == reason["limit"] and relaxed["needs"]
        assert relaxed["length_m"] > 0 and relaxed["message"]
        explained += 1
    assert explained > 0


@pytest.mark.parametrize("town", ["berlin-siegessaeule", "monaco"])
def test_the_explained_route_crosses_the_fewest_barriers_then_is_the_shortest(load_town, town):
    load_town(town)
    # The wheelchair's hard limits on the pedestrian profile: no soft costs, so that lengths
    # compare with the independent search.
    hard_limits_only = asdict(WHEELCHAIR)
    compared = 0
    for start, end in _steps_ends():
        answer = plan_route(start, end, "pedestrian", overrides=hard_limits_only)
        if answer["found"]:
            continue
        relaxed = answer["reason"]["relaxed"]
        blocked = sum(e["blocked"] for e in relaxed["edges"])
        expected = fewest_blocked(answer["from"]["vertex"], answer["to"]["vertex"], WHEELCHAIR)
        assert expected is not None
        assert blocked == expected[0] > 0
        assert relaxed["length_m"] == pytest.approx(expected[1], abs=0.5)
        compared += 1
    assert compared > 0


def test_the_explanation_names_the_steps_in_english(load_town):
    load_town("berlin-siegessaeule")
    start, end = next(_steps_ends())
    with translation.override("en"):
        answer = plan_route(start, end, "wheelchair")
    assert not answer["found"]
    assert answer["reason"]["limit"] == "max_steps"
    assert "steps" in answer["reason"]["message"]
    relaxed = answer["reason"]["relaxed"]
    assert "steps" in relaxed["message"]
    assert any(edge["steps"] for edge in relaxed["edges"])
    assert any(w["kind"] == "steps" for w in relaxed["warnings"])


def test_ends_that_no_way_connects_are_said_to_be_unconnected(load_town):
    load_town("monaco")
    # A vertex of the main network and one of a separate piece of it.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT component, min(node), count(*) FROM pgr_connectedComponents("
            "'SELECT id, source, target, cost, reverse_cost FROM mapping_networkedge') "
            "GROUP BY component ORDER BY count(*) DESC LIMIT 2"
        )
        (_c1, main, _n1), (_c2, apart, _n2) = cursor.fetchall()
    nodes = {node.pk: node.geom.coords for node in NetworkNode.objects.filter(pk__in=[main, apart])}
    with translation.override("en"):
        answer = plan_route(nodes[main], nodes[apart], "pedestrian")
    assert not answer["found"]
    assert answer["reason"]["limit"] is None
    assert "no way" in answer["reason"]["message"]
