"""No route request runs into the statement timeout: the search area grows in bounded steps, each
only for what is left of the request's time budget (ROUTING_BUDGET_MS). A route that leaves the
first search area is found by a wider one; when the budget is spent after the first step, the
answer is the explanation found so far and says how far the search reached; when not even the
first step can finish (here: the graph locked by another transaction), a 503 in Czech and
English, never a 500.

The network: a straight way of 3 km east, with steps in its middle, and a detour 2.5 km to the
north, beyond the first search area (a margin of half the distance, 1.5 km)."""

import psycopg
import pytest
from django.db import connection

from mapping.routing import service
from mapping.routing.osm_import import write_network
from mapping.routing.osm_reader import Edge, Network
from tests.routing.test_limits_agree import PLAIN

LON, LAT = 14.14, 49.30
EAST = 0.0413  # some 3 km at this latitude
NORTH = 0.0225  # some 2.5 km
A, B = (LON, LAT), (LON + EAST, LAT)
STEPS = {**PLAIN, "highway": "steps", "steps": True, "step_count": 4}
WHEELCHAIR = "/route.json?from={},{}&to={},{}&profile=wheelchair&lang={}"


def _write_ladder() -> None:
    network = Network()
    points = {
        1: A,
        2: (LON + EAST / 3, LAT),
        3: (LON + 2 * EAST / 3, LAT),
        4: B,
        5: (LON, LAT + NORTH),
        6: (LON + EAST, LAT + NORTH),
    }
    network.nodes.update(points)
    ways = [(1, 2, PLAIN), (2, 3, STEPS), (3, 4, PLAIN)]  # the straight way
    ways += [(1, 5, PLAIN), (5, 6, PLAIN), (6, 4, PLAIN)]  # the detour
    for number, (a, b, attrs) in enumerate(ways, start=1):
        network.edges.append(Edge(100 + number, a, b, [points[a], points[b]], dict(attrs)))
    write_network(network)


def _url(lang: str = "en") -> str:
    return WHEELCHAIR.format(A[1], A[0], B[1], B[0], lang)


@pytest.fixture
def ladder(db):
    _write_ladder()


def test_a_route_beyond_the_first_search_area_is_found_by_a_wider_step(client, ladder):
    answer = client.get(_url()).json()
    assert answer["found"]
    assert answer["search"]["complete"]
    # Around the detour, not through the steps.
    assert answer["length_m"] > 7000
    assert all(not edge["steps"] for edge in answer["edges"])


def test_a_spent_budget_answers_with_the_barrier_found_so_far(client, ladder, monkeypatch):
    # The budget is spent once the first step has answered: the wider steps do not run.
    monkeypatch.setattr(service.Budget, "left_ms", lambda self: 0.0)
    response = client.get(_url())
    assert response.status_code == 200
    answer = response.json()
    assert not answer["found"]
    assert answer["search"] == {"complete": False, "margin_m": pytest.approx(1500, rel=0.01)}
    reason = answer["reason"]
    assert reason["limit"] == "max_steps"
    assert "The search stopped after 1.5 km" in reason["message"]
    assert reason["search_note"] in reason["message"]


@pytest.mark.parametrize(
    ("budget_ms", "statement_timeout_ms"),
    # The budget, or the connection's statement timeout when that is shorter.
    [(300, 0), (60000, 300)],
)
def test_a_route_search_that_cannot_finish_in_its_budget_is_a_503_not_a_500(
    client, transactional_db, settings, budget_ms, statement_timeout_ms
):
    _write_ladder()
    settings.ROUTING_BUDGET_MS = budget_ms
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('statement_timeout', %s, false)", [str(statement_timeout_ms)]
        )
    params = connection.get_connection_params()
    # Another transaction holds the graph (as a TRUNCATE would): every search waits on it.
    with psycopg.connect(**params) as other:
        other.execute("LOCK TABLE mapping_networkedge IN ACCESS EXCLUSIVE MODE")
        english = client.get(_url("en"))
        czech = client.get(_url("cs"))
        other.rollback()
    for response in (english, czech):
        assert response.status_code == 503
        assert response["Retry-After"]
        body = response.json()
        assert body["code"] == "busy"
        assert "taking too long" in body["message_en"]
        assert "příliš dlouho" in body["message_cs"]
    # And the next request, with the graph free again, gets its route.
    assert client.get(_url()).json()["found"]
    with connection.cursor() as cursor:
        cursor.execute("RESET statement_timeout")
