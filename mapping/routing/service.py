"""The route service: runs the route search's SQL (mapping/routing/sql/, read by
mapping.routing.route_sql) with bound values, and reads its answer as typed edges.

pgr_dijkstra takes the edges query as text, so values cannot be bound inside it. Instead the
profile's limits are set as transaction-local settings (set_config(..., true), with bound values)
and the constant edges query reads them with current_setting(). No value is ever formatted into SQL.

An edge that breaks a hard limit costs BLOCKED_COST more, so one search gives the route or the
barrier to explain; the cost model: docs/decisions/0003-routing-cost-model.md.
"""

import json
import time
from dataclasses import asdict, dataclass, fields

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils.translation import gettext_lazy
from psycopg.errors import QueryCanceled

from mapping.json_errors import lazy_message
from mapping.route_profiles import Profile, RouteInputError
from mapping.routing.edges import EdgeBarrier, WalkedEdge
from mapping.routing.route_sql import (
    BLOCKED_COST,
    EDGES_SQL,
    EDGES_WHOLE_SQL,
    EDGES_WHOLE_WITHIN_LIMITS_SQL,
    EDGES_WITHIN_LIMITS_SQL,
    GROW_AREA_SQL,
    PROFILE_SQL,
    ROUTE_SQL,
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


class Budget:
    """The time a route request may spend on its searches (ROUTING_BUDGET_MS), never more than
    the connection's statement timeout (`cap_ms`, 0: none). `arm` lets the next statements run
    for what is left of it, so that no statement runs into the statement timeout of the
    connection: PostgreSQL cancels the one that would overrun the budget instead."""

    def __init__(self, ms: float, cap_ms: int = 0, clock=time.monotonic) -> None:
        self.ms = min(ms, cap_ms) if cap_ms else ms
        self.clock = clock
        self.started = clock()

    def left_ms(self) -> float:
        return self.ms - (self.clock() - self.started) * 1000

    def arm(self) -> bool:
        """Set the statement timeout to what is left; False when nothing is."""
        left = int(self.left_ms())
        if left < 1:
            return False
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [str(left)])
        return True


@dataclass
class Area:
    """The search area as profile.sql set it: the straight distance between the ends, how far
    around them the area reaches, the time budget, and whether the area holds the whole graph
    (snap_both finds out; until then, False: a wider step more at worst)."""

    distance_m: float
    margin_m: float
    budget: Budget
    covers_graph: bool = False


def budget_ms() -> float:
    # At least a millisecond: a statement timeout of 0 would mean none at all.
    return max(1.0, float(getattr(settings, "ROUTING_BUDGET_MS", 10000)))


def apply_profile(profile: Profile, start: tuple[float, float], end: tuple[float, float]) -> Area:
    """Set the search area, the profile's limits and the route's time budget for the rest of the
    current transaction."""
    margin = getattr(settings, "ROUTING_SEARCH_MARGIN_M", 1000.0)
    ms = budget_ms()
    with connection.cursor() as cursor:
        cursor.execute(
            PROFILE_SQL,
            {
                **_ends(start, end),
                "margin_m": margin,
                "budget_ms": int(ms),
                **_settings_params(profile),
            },
        )
        distance, timeout_ms = cursor.fetchone()[:2]
    return Area(distance, max(margin, distance / 2), Budget(ms, timeout_ms))


def snap_both(
    start: tuple[float, float],
    end: tuple[float, float],
    any_edge: bool = False,
    area: Area | None = None,
) -> tuple[Snap | None, Snap | None]:
    """The vertices nearest to both ends on the nearest edges usable with the applied profile
    (with `any_edge`, on the nearest edges whatever the limits). Tells `area` whether it holds
    the whole graph."""
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
    for n, edge_id, source, target, distance, fraction, covers_graph in rows:
        found[n] = Snap(edge_id, source if fraction < 0.5 else target, distance)
        if area is not None:
            area.covers_graph = covers_graph
    return found[0], found[1]


def walked_edges(edge_ids: list[int], nodes: list[int], costs: list[float]) -> list[WalkedEdge]:
    """The edges `edge_ids`, each entered from the vertex in `nodes` at the cost in `costs` (as
    the search gave them), with their barriers: blocked when the cost says they break a limit."""
    with connection.cursor() as cursor:
        cursor.execute(WALK_SQL, {"edges": edge_ids, "nodes": nodes, "costs": costs})
        return _walked(cursor)


def _walked(cursor) -> list[WalkedEdge]:
    """The edges of a path as walk.sql gives them."""
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
        cursor.execute(ROUTE_SQL, {"edges_sql": edges_sql, "source": source, "target": target})
        edges = _walked(cursor)
    if not edges:
        return None
    return Path(
        edges,
        length_m=sum(e.length_m for e in edges),
        cost=sum(e.cost for e in edges),
        within_limits=not any(e.blocked for e in edges),
    )


class SearchCut(Exception):
    """The time budget ran out before the first search gave any answer."""


@dataclass
class Searched:
    """How far the search went: `complete` when it covered every way that could matter (a route
    within the limits was found, or the area held the whole graph); else the budget ran out and
    the search reached `margin_m` around the straight line between the ends."""

    complete: bool
    margin_m: float | None


def _cancelled(error: OperationalError) -> bool:
    return isinstance(error.__cause__, QueryCanceled)


def _widenings() -> list[float]:
    """How far each step widens the search area, in metres: the margin times the growth factor,
    then times it again, for ROUTING_SEARCH_STEPS steps; the whole graph comes after them."""
    margin = getattr(settings, "ROUTING_SEARCH_MARGIN_M", 1000.0)
    grow = getattr(settings, "ROUTING_SEARCH_GROWTH", 4.0)
    return [
        margin * grow**step for step in range(1, getattr(settings, "ROUTING_SEARCH_STEPS", 2) + 1)
    ]


def shortest_path(
    source: int, target: int, area: Area | None = None, whole_graph: bool = True
) -> tuple[Path | None, Searched]:
    """The cheapest path for the applied profile, searched in the search area first and then, while
    that gives no route within the limits, in areas widened in bounded steps (_widenings) and at
    last over the whole graph (unless `whole_graph` is False), each step only for what is left of
    the time budget. A step that found a path across barriers keeps it as the explanation; the
    wider steps then look for a route within the limits only (the blocked edges left out). When
    the budget runs out, the answer is the explanation found so far (Searched.complete False);
    SearchCut when not even the first step finished. The path is None when the area searched does
    not connect the two vertices at all."""
    if source == target:
        return Path([], 0.0, 0.0), Searched(True, area.margin_m if area else None)
    covered = area.covers_graph if area else False
    margin = area.margin_m if area else None
    try:
        path = _search(EDGES_SQL, source, target)
    except OperationalError as error:
        if _cancelled(error):
            raise SearchCut from error
        raise
    if (path is not None and path.within_limits) or covered or not whole_graph:
        return path, Searched(True, margin)
    steps: list[float | None] = [*_widenings(), None]
    for grow_m in steps:
        try:
            with transaction.atomic():
                if area and not area.budget.arm():
                    return path, Searched(False, margin)
                with connection.cursor() as cursor:
                    if grow_m is None:
                        covered = True
                    else:
                        cursor.execute(GROW_AREA_SQL, {"grow_m": grow_m})
                        covered = cursor.fetchone()[0]
                if path is None:
                    found = _search(
                        EDGES_WHOLE_SQL if grow_m is None else EDGES_SQL, source, target
                    )
                else:
                    found = _search(
                        EDGES_WHOLE_WITHIN_LIMITS_SQL
                        if grow_m is None
                        else EDGES_WITHIN_LIMITS_SQL,
                        source,
                        target,
                    )
        except OperationalError as error:
            if not _cancelled(error):
                raise
            return path, Searched(False, margin)
        if grow_m is not None and margin is not None:
            margin += grow_m
        path = found or path
        if (path is not None and path.within_limits) or covered:
            return path, Searched(True, None if grow_m is None else margin)
    return path, Searched(True, None)


def route_between(
    profile: Profile,
    start: tuple[float, float],
    end: tuple[float, float],
    whole_graph: bool = True,
) -> tuple[Snap | None, Snap | None, Path | None, Searched]:
    """Snap both ends and search. The path is a route when `path.within_limits`; otherwise it is
    the path with the fewest blocked edges (to explain why there is no route), and None when the
    two ends are not connected at all (in the area searched: see Searched). SearchCut when the
    time budget runs out before the first search gives an answer."""
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
        area = apply_profile(profile, start, end)
        if area.distance_m > max_distance:
            raise RouteInputError(
                lazy_message(
                    gettext_lazy("The start and the destination are more than %(km)s km apart."),
                    km=round(max_distance / 1000),
                )
            )
        try:
            from_snap, to_snap = snap_both(start, end, area=area)
            if from_snap is None or to_snap is None:
                # An end with no usable way in the area: start from the nearest way of any kind,
                # so that the answer can say what is in the way.
                any_from, any_to = snap_both(start, end, any_edge=True)
                from_snap, to_snap = from_snap or any_from, to_snap or any_to
        except OperationalError as error:
            if _cancelled(error):
                raise SearchCut from error
            raise
        if from_snap is None or to_snap is None:
            return from_snap, to_snap, None, Searched(True, area.margin_m)
        path, searched = shortest_path(from_snap.vertex, to_snap.vertex, area, whole_graph)
    return from_snap, to_snap, path, searched


def snap_dict(value: Snap | None) -> dict | None:
    return asdict(value) if value else None
