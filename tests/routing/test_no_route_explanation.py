"""Where the limits allow no route, the pedestrian profile still has one, and the answer says which
barrier on the unconstrained route blocks the way and what route relaxing that limit would give."""

import pytest
from django.utils import translation

from mapping.models import NetworkEdge
from mapping.routing.profiles import PROFILES
from mapping.routing.routes import broken_limits, plan_route


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
        # The blocking edge lies on the pedestrian route and really breaks the named limit.
        on_route = {e["id"]: e for e in pedestrian["edges"]}
        assert reason["edge_id"] in on_route
        blocking = on_route[reason["edge_id"]]
        assert reason["limit"] in {
            name for name, _value in broken_limits(blocking, PROFILES["wheelchair"].limits)
        }
        assert reason["message"]
        # Relaxing that one limit gives a route, which uses what the limit forbade.
        relaxed = reason.get("relaxed")
        if relaxed:
            assert relaxed["limit"] == reason["limit"]
            assert relaxed["needs"]
            assert relaxed["length_m"] > 0
        explained += 1
    assert explained > 0


def test_the_explanation_names_the_steps_in_english(load_town):
    load_town("berlin-siegessaeule")
    start, end = next(_steps_ends())
    with translation.override("en"):
        answer = plan_route(start, end, "wheelchair")
    assert not answer["found"]
    assert answer["reason"]["limit"] == "max_steps"
    assert "steps" in answer["reason"]["message"]
    relaxed = answer["reason"]["relaxed"]
    assert any(edge["steps"] for edge in relaxed["edges"])
    assert any(w["kind"] == "steps" for w in relaxed["warnings"])
