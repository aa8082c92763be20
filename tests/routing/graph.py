"""An independent check of the route service: the edges as stored, read through the ORM, and a
plain Dijkstra in Python over the ones a set of limits allows."""

import heapq

from django.contrib.gis.geos import Point
from django.db import connection

from mapping.models import NetworkEdge
from mapping.route_profiles import Limits
from mapping.routing.edges import EdgeBarrier, WalkedEdge


def incline_along(edge: NetworkEdge, forward: bool) -> float | None:
    if edge.incline_pct is None:
        return None
    return edge.incline_pct if forward else -edge.incline_pct


def allows(edge: NetworkEdge, forward: bool, limits: Limits) -> bool:
    """Whether `limits` let a route use `edge` in that direction; written apart from the SQL."""
    count = edge.step_count
    if edge.steps and limits.max_steps is not None and (count is None or count > limits.max_steps):
        return False
    incline = incline_along(edge, forward)
    if incline is not None:
        if limits.max_incline_up_pct is not None and incline > limits.max_incline_up_pct:
            return False
        if limits.max_incline_down_pct is not None and -incline > limits.max_incline_down_pct:
            return False
    kerb, width = edge.kerb_height_cm, edge.width_cm
    if kerb is not None and limits.max_kerb_cm is not None and kerb > limits.max_kerb_cm:
        return False
    if width is not None and limits.min_width_cm is not None and width < limits.min_width_cm:
        return False
    # The grades of mapping.routing.tags.SURFACE_CLASS, written out again: smoothness first.
    grade = SMOOTHNESS_GRADE.get(edge.smoothness)
    if grade is None:
        grade = 0
        for number, surfaces in enumerate(SURFACE_GRADES, start=1):
            grade = number if edge.surface in surfaces else grade
    if limits.avoid_bad_surfaces and grade > 0:
        return False
    if limits.max_surface_class is not None and grade > limits.max_surface_class:
        return False
    if edge.barrier:
        if edge.barrier_closed:
            return False
        if limits.avoid_wheelchair_no and edge.barrier_wheelchair == "no":
            return False
        if edge.barrier in limits.impassable_barriers and edge.barrier_wheelchair != "yes":
            return False
    return not (limits.avoid_wheelchair_no and edge.wheelchair == "no")


SMOOTHNESS_GRADE = {
    **dict.fromkeys(("excellent", "good", "intermediate"), 0),
    "bad": 1,
    **dict.fromkeys(("very_bad", "horrible"), 2),
    **dict.fromkeys(("very_horrible", "impassable"), 3),
}
SURFACE_GRADES = (
    {"sett", "grass_paver"},
    {"unhewn_cobblestone", "pebblestone", "gravel", "dirt", "ground", "grass", "woodchips"}
    | {"unpaved"},
    {"mud", "sand", "rock", "stepping_stones"},
)


def shortest_length(source: int, target: int, limits: Limits) -> float | None:
    graph: dict[int, list[tuple[int, float]]] = {}
    for edge in NetworkEdge.objects.all():
        if allows(edge, True, limits) and edge.cost >= 0:
            graph.setdefault(edge.source, []).append((edge.target, edge.length_m))
        if allows(edge, False, limits) and edge.reverse_cost >= 0:
            graph.setdefault(edge.target, []).append((edge.source, edge.length_m))
    best = {source: 0.0}
    queue = [(0.0, source)]
    while queue:
        length, node = heapq.heappop(queue)
        if node == target:
            return length
        if length > best.get(node, float("inf")):
            continue
        for neighbour, step in graph.get(node, ()):
            candidate = length + step
            if candidate < best.get(neighbour, float("inf")):
                best[neighbour] = candidate
                heapq.heappush(queue, (candidate, neighbour))
    return None


def fewest_blocked(source: int, target: int, limits: Limits) -> tuple[int, float] | None:
    """The least number of edges that break `limits` on any path, and the shortest length among
    the paths with that number: what the route service explains a missing route with."""
    graph: dict[int, list[tuple[int, int, float]]] = {}
    for edge in NetworkEdge.objects.all():
        if edge.cost >= 0:
            blocked = not allows(edge, True, limits)
            graph.setdefault(edge.source, []).append((edge.target, blocked, edge.length_m))
        if edge.reverse_cost >= 0:
            blocked = not allows(edge, False, limits)
            graph.setdefault(edge.target, []).append((edge.source, blocked, edge.length_m))
    best = {source: (0, 0.0)}
    queue = [(0, 0.0, source)]
    while queue:
        count, length, node = heapq.heappop(queue)
        if node == target:
            return count, length
        if (count, length) > best.get(node, (float("inf"), 0.0)):
            continue
        for neighbour, blocked, step in graph.get(node, ()):
            candidate = (count + blocked, length + step)
            if candidate < best.get(neighbour, (float("inf"), 0.0)):
                best[neighbour] = candidate
                heapq.heappush(queue, (*candidate, neighbour))
    return None


def walked(edge: dict) -> WalkedEdge:
    """An edge of a route's answer (its JSON, which leaves the geometry out) typed again."""
    barriers = [EdgeBarrier(**barrier) for barrier in edge["barriers"]]
    fields = {k: v for k, v in edge.items() if k != "knowledge"}  # a property, not a field
    typed = WalkedEdge(**{**fields, "geometry": {}, "barriers": barriers})
    assert typed.knowledge == edge["knowledge"]
    return typed


def middle_of_route(route: dict) -> Point:
    """The middle of the middle edge of a route."""
    edge = route["edges"][len(route["edges"]) // 2]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_LineInterpolatePoint(geom, 0.5) p "
            "FROM mapping_networkedge WHERE id = %s) q",
            [edge["id"]],
        )
        return Point(*cursor.fetchone(), srid=4326)


def metres_from(route: dict, point: Point) -> float:
    """How near a route passes to a point, in metres."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT min(ST_Distance(geom::geography, %s::geography)) FROM mapping_networkedge "
            "WHERE id = ANY(%s)",
            [point.ewkt, [e["id"] for e in route["edges"]]],
        )
        return cursor.fetchone()[0]
