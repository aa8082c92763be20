"""The search runs inside a box around the two ends first, then, when that box holds no route
within the limits, over the whole graph: a route that has to leave the box is still found, and it
is the shortest one (checked against an independent search in Python)."""

from dataclasses import asdict

import pytest
from django.db import connection, transaction

from mapping.route_profiles import PROFILES, with_overrides
from mapping.routing.service import apply_profile, shortest_path
from tests.routing.graph import shortest_length

# Two vertices of Krems at about the same latitude whose shortest way between them strays
# from the straight line (more than 1.3 times as long).
PAIR_SQL = """
WITH v AS (SELECT id, geom FROM mapping_networknode)
SELECT a.id, ST_X(a.geom), ST_Y(a.geom), b.id, ST_X(b.geom), ST_Y(b.geom),
       ST_Distance(a.geom::geography, b.geom::geography)
FROM v a JOIN v b ON a.id < b.id AND abs(ST_Y(a.geom) - ST_Y(b.geom)) < 0.00003
 AND ST_DWithin(a.geom::geography, b.geom::geography, 400)
 AND NOT ST_DWithin(a.geom::geography, b.geom::geography, 150)
ORDER BY a.id, b.id
"""


def _thin_box_pairs(limits, count: int = 3):
    with connection.cursor() as cursor:
        cursor.execute(PAIR_SQL)
        rows = cursor.fetchall()
    found = []
    for a, ax, ay, b, bx, by, straight in rows:
        length = shortest_length(a, b, limits)
        if length is not None and length > 1.3 * straight:
            found.append(((a, (ax, ay)), (b, (bx, by)), length))
            if len(found) == count:
                break
    return found


@pytest.mark.parametrize("limits", [{}, asdict(PROFILES["wheelchair"].limits)])
def test_a_route_that_must_leave_the_search_area_is_found_over_the_whole_graph(load_town, limits):
    load_town("krems")
    # The pedestrian profile has no soft costs: its cheapest route is the shortest.
    profile = with_overrides(PROFILES["pedestrian"], limits)
    limits = profile.limits
    pairs = _thin_box_pairs(limits)
    assert pairs
    for (a, a_point), (b, b_point), length in pairs:
        with transaction.atomic():
            area = apply_profile(profile, a_point, b_point)
            # A search area a few metres wide around the straight line between the two.
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('bf_route.search_area', ST_AsEWKT(ST_Expand(ST_MakeEnvelope("
                    "%s, %s, %s, %s, 4326), 0.00005)), true)",
                    [*a_point, *b_point],
                )
            in_area, _ = shortest_path(a, b, area, whole_graph=False)
            path, searched = shortest_path(a, b, area)
        assert in_area is None or not in_area.within_limits
        assert path is not None and path.within_limits
        assert searched.complete
        assert path.length_m == pytest.approx(length, abs=0.5)
