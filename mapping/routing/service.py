"""The route service: runs the route search's SQL (mapping.routing.route_sql), parameterised, and
reads its answer.

pgr_dijkstra takes the edges query as text, so values cannot be bound inside it. Instead the
profile's limits are set as transaction-local settings (set_config(..., true), with bound values)
and the constant edges query reads them with current_setting(). No value is ever formatted into SQL.

An edge that breaks a hard limit costs BLOCKED_COST more, so one search gives the route or the
barrier to explain; the cost model: docs/decisions/0003-routing-cost-model.md.
"""

import json
from dataclasses import asdict, dataclass, fields

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext_lazy

from mapping.json_errors import lazy_message
from mapping.route_profiles import Profile, RouteInputError
from mapping.routing.route_sql import (
    BLOCKED_COST,
    EDGE_FIELDS,
    EDGES_SQL,
    EDGES_WHOLE_SQL,
    EDGES_WHOLE_WITHIN_LIMITS_SQL,
    NO_LIMIT,
    ROUTE_SQL,
    SET_SQL,
    SNAP_SQL,
)


@dataclass
class Snap:
    edge_id: int
    vertex: int
    distance_m: float


@dataclass
class Path:
    """A path of the search. `within_limits` is False when it crosses blocked edges (each marked
    `blocked`): then it is no route for the profile, but the one with the fewest barriers."""

    edges: list[dict]
    length_m: float
    cost: float
    within_limits: bool = True


def _limit(value) -> str:
    return str(NO_LIMIT if value is None else value)


def _settings_params(profile: Profile) -> list[str]:
    lim, pref = profile.limits, profile.preferences
    return [
        _limit(lim.max_incline_up_pct),
        _limit(lim.max_incline_down_pct),
        _limit(lim.max_kerb_cm),
        str(-1 if lim.min_width_cm is None else lim.min_width_cm),
        _limit(lim.max_steps),
        "1" if lim.avoid_bad_surfaces else "0",
        "1" if lim.avoid_wheelchair_no else "0",
        # A hard limit makes the matching soft cost moot.
        "0" if lim.avoid_bad_surfaces else str(pref.rough_surface),
        str(pref.unknown_incline),
        str(pref.steep),
        str(pref.crossing_without_tactile),
        str(pref.crossing_without_sound),
        str(pref.wheelchair_limited),
        str(pref.steps),
        "1" if any(getattr(pref, f.name) for f in fields(pref)) else "0",
    ]


def apply_profile(profile: Profile, start: tuple[float, float], end: tuple[float, float]) -> float:
    """Set the search area and the profile's limits for the rest of the current transaction;
    returns the straight distance between the ends in metres."""
    margin = getattr(settings, "ROUTING_SEARCH_MARGIN_M", 1000.0)
    with connection.cursor() as cursor:
        cursor.execute(SET_SQL, [*start, *end, margin, *_settings_params(profile)])
        return cursor.fetchone()[0]


def snap_both(
    start: tuple[float, float], end: tuple[float, float], any_edge: bool = False
) -> tuple[Snap | None, Snap | None]:
    """The vertices nearest to both ends on the nearest edges usable with the applied profile
    (with `any_edge`, on the nearest edges whatever the limits)."""
    with connection.cursor() as cursor:
        cursor.execute(SNAP_SQL, [*start, *end, any_edge])
        rows = cursor.fetchall()
    found: list[Snap | None] = [None, None]
    for n, edge_id, source, target, distance, fraction in rows:
        found[n] = Snap(edge_id, source if fraction < 0.5 else target, distance)
    return found[0], found[1]


def _search(edges_sql: str, source: int, target: int) -> Path | None:
    with connection.cursor() as cursor:
        cursor.execute(ROUTE_SQL, [edges_sql, source, target])
        rows = cursor.fetchall()
    if not rows:
        return None
    edges = []
    for row in rows:
        edge = dict(zip(EDGE_FIELDS, row, strict=True))
        edge["geometry"] = json.loads(edge["geometry"])
        barriers = edge["barriers"]
        edge["barriers"] = json.loads(barriers) if isinstance(barriers, str) else barriers or []
        edge["blocked"] = edge["cost"] >= BLOCKED_COST
        if edge["blocked"]:
            edge["cost"] -= BLOCKED_COST
        edges.append(edge)
    return Path(
        edges,
        length_m=sum(e["length_m"] for e in edges),
        cost=sum(e["cost"] for e in edges),
        within_limits=not any(e["blocked"] for e in edges),
    )


def shortest_path(source: int, target: int, whole_graph: bool = True) -> Path | None:
    """The cheapest path for the applied profile. First inside the search area; if that is no
    route within the limits, then (unless `whole_graph` is False) over the whole graph: for a
    route within the limits only, when the area gave a path that crosses barriers (which stays
    the explanation if the whole graph has no route either), else with the barriers at their
    penalty, to have the explanation from the same search. None when the graph does not connect
    the two vertices at all."""
    if source == target:
        return Path([], 0.0, 0.0)
    path = _search(EDGES_SQL, source, target)
    if not whole_graph or (path is not None and path.within_limits):
        return path
    if path is None:
        return _search(EDGES_WHOLE_SQL, source, target)
    return _search(EDGES_WHOLE_WITHIN_LIMITS_SQL, source, target) or path


def route_between(
    profile: Profile,
    start: tuple[float, float],
    end: tuple[float, float],
    whole_graph: bool = True,
) -> tuple[Snap | None, Snap | None, Path | None]:
    """Snap both ends and search. The path is a route when `path.within_limits`; otherwise it is
    the path with the fewest blocked edges (to explain why there is no route), and None when the
    two ends are not connected at all."""
    for lon, lat in (start, end):
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise RouteInputError(
                lazy_message(
                    gettext_lazy("The position %(lon)s, %(lat)s is outside the valid range."),
                    lon=lon,
                    lat=lat,
                )
            )
    max_distance = getattr(settings, "ROUTING_MAX_DISTANCE_M", 30000.0)
    with transaction.atomic():
        distance = apply_profile(profile, start, end)
        if distance > max_distance:
            raise RouteInputError(
                lazy_message(
                    gettext_lazy("The start and the destination are more than %(km)s km apart."),
                    km=round(max_distance / 1000),
                )
            )
        from_snap, to_snap = snap_both(start, end)
        if from_snap is None or to_snap is None:
            # An end with no usable way in the area: start from the nearest way of any kind, so
            # that the answer can say what is in the way.
            any_from, any_to = snap_both(start, end, any_edge=True)
            from_snap, to_snap = from_snap or any_from, to_snap or any_to
        if from_snap is None or to_snap is None:
            return from_snap, to_snap, None
        path = shortest_path(from_snap.vertex, to_snap.vertex, whole_graph)
    return from_snap, to_snap, path


def plain_dijkstra(source: int, target: int) -> int:
    """The floor for the benchmark: pgr_dijkstra on the bare graph. Returns the path's size."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pgr_dijkstra("
            "'SELECT id, source, target, cost, reverse_cost FROM mapping_networkedge', "
            "%s::bigint, %s::bigint, true)",
            [source, target],
        )
        return cursor.fetchone()[0]


def snap_dict(value: Snap | None) -> dict | None:
    return asdict(value) if value else None
