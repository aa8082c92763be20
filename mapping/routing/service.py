"""The route service: runs the route search's SQL (mapping/routing/sql/, read by
mapping.routing.route_sql) with bound values, and reads its answer as typed edges.

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
from mapping.routing.edges import EdgeBarrier, WalkedEdge
from mapping.routing.route_sql import (
    BLOCKED_COST,
    EDGES_SQL,
    EDGES_WHOLE_SQL,
    EDGES_WHOLE_WITHIN_LIMITS_SQL,
    PATH_SQL,
    PROFILE_SQL,
    SNAP_SQL,
    WALK_SQL,
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

    edges: list[WalkedEdge]
    length_m: float
    cost: float
    within_limits: bool = True


def _limit(value: float | None) -> str:
    return str(float("inf") if value is None else value)


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _settings_params(profile: Profile) -> dict[str, str]:
    """The values of profile.sql's settings, as set_config wants them: text."""
    lim, pref = profile.limits, profile.preferences
    return {
        "max_up": _limit(lim.max_incline_up_pct),
        "max_down": _limit(lim.max_incline_down_pct),
        "max_kerb": _limit(lim.max_kerb_cm),
        "min_width": str(-1 if lim.min_width_cm is None else lim.min_width_cm),
        "max_steps": _limit(lim.max_steps),
        "avoid_rough": _flag(lim.avoid_bad_surfaces),
        "avoid_wc_no": _flag(lim.avoid_wheelchair_no),
        "max_surface": _limit(lim.max_surface_class),
        "only_known": _flag(lim.only_known),
        # A text array literal of barrier kinds: letters, digits, '_' and '-' only (tags.py).
        "barriers": "{" + ",".join(sorted(lim.impassable_barriers)) + "}",
        # A hard limit makes the matching soft cost moot.
        "w_rough": "0" if lim.avoid_bad_surfaces else str(pref.rough_surface),
        "w_unknown_incline": str(pref.unknown_incline),
        "w_steep": str(pref.steep),
        "w_no_tactile": str(pref.crossing_without_tactile),
        "w_no_sound": str(pref.crossing_without_sound),
        "w_wc_limited": str(pref.wheelchair_limited),
        "w_steps": str(pref.steps),
        "barrier_m": str(pref.barrier_m),
        "soft": _flag(any(getattr(pref, f.name) for f in fields(pref))),
    }


def _ends(start: tuple[float, float], end: tuple[float, float]) -> dict[str, float]:
    return {"start_lon": start[0], "start_lat": start[1], "end_lon": end[0], "end_lat": end[1]}


def apply_profile(profile: Profile, start: tuple[float, float], end: tuple[float, float]) -> float:
    """Set the search area and the profile's limits for the rest of the current transaction;
    returns the straight distance between the ends in metres."""
    margin = getattr(settings, "ROUTING_SEARCH_MARGIN_M", 1000.0)
    with connection.cursor() as cursor:
        cursor.execute(
            PROFILE_SQL, {**_ends(start, end), "margin_m": margin, **_settings_params(profile)}
        )
        return cursor.fetchone()[0]


def snap_both(
    start: tuple[float, float], end: tuple[float, float], any_edge: bool = False
) -> tuple[Snap | None, Snap | None]:
    """The vertices nearest to both ends on the nearest edges usable with the applied profile
    (with `any_edge`, on the nearest edges whatever the limits)."""
    with connection.cursor() as cursor:
        cursor.execute(
            SNAP_SQL,
            {
                **_ends(start, end),
                "any_edge": any_edge,
                "snap_max_m": getattr(settings, "ROUTING_SNAP_MAX_M", 200.0),
            },
        )
        rows = cursor.fetchall()
    found: list[Snap | None] = [None, None]
    for n, edge_id, source, target, distance, fraction in rows:
        found[n] = Snap(edge_id, source if fraction < 0.5 else target, distance)
    return found[0], found[1]


def walked_edges(edge_ids: list[int], nodes: list[int], costs: list[float]) -> list[WalkedEdge]:
    """The edges `edge_ids`, each entered from the vertex in `nodes` at the cost in `costs` (as
    the search gave them), with their barriers: blocked when the cost says they break a limit."""
    with connection.cursor() as cursor:
        cursor.execute(WALK_SQL, {"edges": edge_ids, "nodes": nodes, "costs": costs})
        columns = [column.name for column in cursor.description]
        rows = cursor.fetchall()
    edges = []
    for row in rows:
        edge = dict(zip(columns, row, strict=True))
        blocked = edge["cost"] >= BLOCKED_COST
        edge.update(
            geometry=json.loads(edge["geometry"]),
            barriers=[EdgeBarrier(**barrier) for barrier in edge["barriers"]],
            cost=edge["cost"] - BLOCKED_COST if blocked else edge["cost"],
            blocked=blocked,
        )
        edges.append(WalkedEdge(**edge))
    return edges


def _search(edges_sql: str, source: int, target: int) -> Path | None:
    """The cheapest path over the edges of `edges_sql`; None when none joins the two."""
    with connection.cursor() as cursor:
        cursor.execute(PATH_SQL, {"edges_sql": edges_sql, "source": source, "target": target})
        edge_ids, nodes, costs = cursor.fetchone()
    if not edge_ids:
        return None
    edges = walked_edges(edge_ids, nodes, costs)
    return Path(
        edges,
        length_m=sum(e.length_m for e in edges),
        cost=sum(e.cost for e in edges),
        within_limits=not any(e.blocked for e in edges),
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


def snap_dict(value: Snap | None) -> dict | None:
    return asdict(value) if value else None
