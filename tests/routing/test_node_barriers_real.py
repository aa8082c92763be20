"""On a real extract (Heidelberg's old town, tests/fixtures/osm/): chains, cycle barriers, a
turnstile, closed gates and entrances marked wheelchair=no stand on its ways. Routes across each
of them never pass one that the profile cannot pass, and when there is no route the answer names
what blocks it."""

import pytest
from django.db import connection

from mapping.route_profiles import PROFILES
from mapping.routing.routes import plan_route

pytestmark = pytest.mark.slow

BARRIER_LIMITS = {"barrier_closed", "barrier_wheelchair_no", "impassable_barrier"}


def _cannot_pass(edge: dict, profile: str) -> bool:
    limits = PROFILES[profile].limits
    if not edge["barrier"]:
        return False
    return (
        edge["barrier_closed"]
        or (limits.avoid_wheelchair_no and edge["barrier_wheelchair"] == "no")
        or (edge["barrier"] in limits.impassable_barriers and edge["barrier_wheelchair"] != "yes")
    )


def _across_barriers() -> list[tuple[int, str, tuple, tuple]]:
    """Each edge with a barrier that some profile cannot pass, with its two ends (the shortest
    way from one to the other is the edge itself)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT id, barrier,
                      ST_X(ST_StartPoint(geom)), ST_Y(ST_StartPoint(geom)),
                      ST_X(ST_EndPoint(geom)), ST_Y(ST_EndPoint(geom))
               FROM mapping_networkedge
               WHERE barrier_closed OR barrier_wheelchair = 'no'
                  OR barrier IN ('chain', 'cycle_barrier', 'turnstile', 'kissing_gate', 'stile')
               ORDER BY id"""
        )
        return [(row[0], row[1], (row[2], row[3]), (row[4], row[5])) for row in cursor.fetchall()]


@pytest.mark.parametrize("profile", ["wheelchair", "pram", "pedestrian"])
def test_routes_across_real_barriers_never_pass_one_the_profile_cannot_pass(load_town, profile):
    load_town("heidelberg-altstadt")
    cases = _across_barriers()
    assert len(cases) >= 15
    named = found = 0
    for edge_id, kind, start, end in cases:
        answer = plan_route(start, end, profile)
        if answer["found"]:
            found += 1
            assert not [e for e in answer["edges"] if _cannot_pass(e, profile)], (edge_id, kind)
            continue
        reason = answer["reason"]
        if reason["limit"] in BARRIER_LIMITS:
            named += 1
            assert reason["value"] in {kind} | {e["barrier"] for e in reason["relaxed"]["edges"]}
    assert found > 0
    if profile == "wheelchair":
        # Some of these barriers close the only way between their two sides for a wheelchair.
        assert named > 0
