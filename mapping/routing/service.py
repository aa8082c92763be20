"""The route service: every SQL statement of routing, parameterised, and nothing else.

pgr_dijkstra takes the edges query as text, so values cannot be bound inside it. Instead the
profile's limits are set as transaction-local settings (set_config(..., true), with bound values)
and the constant edges query reads them with current_setting(). No value is ever formatted into SQL.
"""

import json
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import connection, transaction
from django.utils.translation import gettext as _

from mapping.routing.profiles import Profile, RouteInputError
from mapping.routing.tags import ROUGH_SURFACES

NO_LIMIT = 1e9
BAD_SMOOTHNESS = ("very_bad", "horrible", "very_horrible", "impassable")
_ROUGH = tuple(sorted(ROUGH_SURFACES))

# Settings read by the edges query. Keys are constants; values are always bound parameters.
_SETTINGS = (
    "max_up",
    "max_down",
    "max_kerb",
    "min_width",
    "max_steps",
    "avoid_rough",
    "avoid_wc_no",
    "w_rough",
    "w_unknown_incline",
    "w_steep",
    "w_no_tactile",
    "w_no_sound",
    "w_wc_limited",
    "w_steps",
    "bbox",
)
# JIT compilation costs ~300 ms and is triggered by the pessimistic estimates of the barrier
# lookup; these queries touch a few thousand rows, so it never pays off.
SET_SQL = "SELECT set_config('jit', 'off', true), " + ", ".join(
    f"set_config('bf_route.{k}', %s, true)" for k in _SETTINGS
)

_PARAMS_CTE = (
    "p AS (SELECT "
    + ", ".join(
        f"current_setting('bf_route.{k}')::{'geometry' if k == 'bbox' else 'float8'} AS {k}"
        for k in _SETTINGS
    )
    + ")"
)
_LIST = ", ".join("'" + s + "'" for s in _ROUGH)
_BAD = ", ".join("'" + s + "'" for s in BAD_SMOOTHNESS)

# The barriers in force now: surveyed ones, and published barrier reports from the public that a
# coordinator has not yet turned into a surveyed barrier. A report with an end date (road works)
# closes the way; one without is a penalty until someone measures it.
REPORT_PENALTY_M = 200
_ACTIVE_BARRIERS = f"""(
    SELECT b.id, b.kind, b.location, b.radius_m, b.blocks, b.penalty_m, b.kerb_height_cm,
           b.width_cm, b.step_count
    FROM mapping_barrier b
    WHERE (b.valid_from IS NULL OR b.valid_from <= now())
      AND (b.valid_until IS NULL OR b.valid_until > now())
    UNION ALL
    SELECT -r.id, 'report', r.location, 5.0, r.valid_until IS NOT NULL,
           CASE WHEN r.valid_until IS NULL THEN {REPORT_PENALTY_M} ELSE 0 END, NULL, NULL, NULL
    FROM mapping_report r
    WHERE r.kind = 'barrier' AND r.status = 'published' AND r.location IS NOT NULL
      AND (r.valid_from IS NULL OR r.valid_from <= current_date)
      AND (r.valid_until IS NULL OR r.valid_until >= current_date)
      AND NOT EXISTS (SELECT 1 FROM mapping_barrier x WHERE x.report_id = r.id)
)"""

# Active barriers and the edges within their radius (metres, on the spheroid).
_BARRIER_CTE = f"""
near AS (
    SELECT e.id,
           bool_or(b.blocks OR b.kerb_height_cm > p.max_kerb OR b.width_cm < p.min_width
                   OR b.step_count > p.max_steps) AS blocked,
           sum(b.penalty_m) AS penalty
    FROM {_ACTIVE_BARRIERS} b CROSS JOIN p
    JOIN mapping_networkedge e
      ON ST_DWithin((e.geom)::geography, (b.location)::geography, b.radius_m)
    GROUP BY e.id
)"""

# The hard limits that do not depend on the direction of travel.
_USABLE = f"""
    e.geom && p.bbox
    AND NOT coalesce(n.blocked, false)
    AND (NOT e.steps OR p.max_steps >= {NO_LIMIT} OR e.step_count <= p.max_steps)
    AND coalesce(e.kerb_height_cm, 0) <= p.max_kerb
    AND coalesce(e.width_cm, {NO_LIMIT}) >= p.min_width
    AND NOT (p.avoid_rough > 0 AND (e.surface IN ({_LIST}) OR e.smoothness IN ({_BAD})))
    AND NOT (p.avoid_wc_no > 0 AND e.wheelchair = 'no')"""

_FACTOR = f"""(1
    + p.w_rough * (e.surface IN ({_LIST}) OR e.smoothness IN ({_BAD}))::int
    + p.w_unknown_incline * (e.incline_pct IS NULL AND e.incline_direction <> 0)::int
    + p.w_steep * (abs(coalesce(e.incline_pct, 0)) > 5)::int
    + p.w_no_tactile * (e.crossing <> '' AND e.tactile_paving IS NOT TRUE)::int
    + p.w_no_sound * (e.crossing <> '' AND e.traffic_signals_sound IS NOT TRUE)::int
    + p.w_wc_limited * (e.wheelchair = 'limited')::int
    + p.w_steps * e.steps::int)"""

EDGES_SQL = f"""
WITH {_PARAMS_CTE}, {_BARRIER_CTE}
SELECT e.id, e.source, e.target,
    CASE WHEN e.cost < 0 OR e.incline_pct > p.max_up OR -e.incline_pct > p.max_down THEN -1
         ELSE e.length_m * {_FACTOR} + coalesce(n.penalty, 0) END AS cost,
    CASE WHEN e.reverse_cost < 0 OR -e.incline_pct > p.max_up OR e.incline_pct > p.max_down
         THEN -1 ELSE e.length_m * {_FACTOR} + coalesce(n.penalty, 0) END AS reverse_cost
FROM mapping_networkedge e CROSS JOIN p LEFT JOIN near n ON n.id = e.id
WHERE {_USABLE}
"""

# The nearest usable edge: a few candidates by the index (<->), then the true distance in metres.
SNAP_SQL = f"""
WITH {_PARAMS_CTE}, {_BARRIER_CTE}, pt AS (SELECT ST_SetSRID(ST_MakePoint(%s, %s), 4326) AS g),
candidates AS (
    SELECT e.id, e.source, e.target, e.geom FROM mapping_networkedge e CROSS JOIN p
    LEFT JOIN near n ON n.id = e.id
    WHERE {_USABLE}
    ORDER BY e.geom <-> (SELECT g FROM pt) LIMIT 16
)
SELECT c.id, c.source, c.target, ST_Distance((c.geom)::geography, (pt.g)::geography),
       ST_LineLocatePoint(c.geom, pt.g)
FROM candidates c, pt ORDER BY 4 LIMIT 1
"""

# The search area: the straight line between the ends, widened by a margin in metres.
BBOX_SQL = """
SELECT ST_AsEWKT(ST_Envelope(ST_Buffer(
    ST_MakeLine(ST_SetSRID(ST_MakePoint(%s, %s), 4326), ST_SetSRID(ST_MakePoint(%s, %s), 4326))
    ::geography, %s)::geometry)),
    ST_Distance(ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography,
                ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography)
"""
WORLD_BBOX = "SRID=4326;POLYGON((-180 -90,-180 90,180 90,180 -90,-180 -90))"

ROUTE_SQL = f"""
SELECT r.seq, (r.node = e.source), e.id, e.osm_way_id, e.name, e.highway, e.footway,
       e.steps, e.step_count,
       CASE WHEN r.node = e.source THEN e.incline_pct ELSE -e.incline_pct END,
       CASE WHEN r.node = e.source THEN e.incline_direction ELSE -e.incline_direction END,
       e.surface, e.smoothness, e.width_cm, e.kerb_height_cm, e.tactile_paving, e.crossing,
       e.traffic_signals, e.traffic_signals_sound, e.button_operated, e.wheelchair, e.lit,
       e.length_m, r.cost,
       ST_AsGeoJSON(CASE WHEN r.node = e.source THEN e.geom ELSE ST_Reverse(e.geom) END, 7),
       degrees(ST_Azimuth(
           ST_StartPoint(CASE WHEN r.node = e.source THEN e.geom ELSE ST_Reverse(e.geom) END)
               ::geography,
           ST_PointN(CASE WHEN r.node = e.source THEN e.geom ELSE ST_Reverse(e.geom) END, 2)
               ::geography)),
       degrees(ST_Azimuth(
           ST_PointN(CASE WHEN r.node = e.source THEN e.geom ELSE ST_Reverse(e.geom) END, -2)
               ::geography,
           ST_EndPoint(CASE WHEN r.node = e.source THEN e.geom ELSE ST_Reverse(e.geom) END)
               ::geography)),
       (SELECT json_agg(json_build_object('id', b.id, 'kind', b.kind, 'blocks', b.blocks,
                'kerb_height_cm', b.kerb_height_cm, 'width_cm', b.width_cm,
                'step_count', b.step_count, 'penalty_m', b.penalty_m))
          FROM {_ACTIVE_BARRIERS} b
         WHERE ST_DWithin((e.geom)::geography, (b.location)::geography, b.radius_m))
FROM pgr_dijkstra(%s, %s::bigint, %s::bigint, true) r
JOIN mapping_networkedge e ON e.id = r.edge
ORDER BY r.seq
"""

EDGE_FIELDS = (
    "seq",
    "forward",
    "id",
    "osm_way_id",
    "name",
    "highway",
    "footway",
    "steps",
    "step_count",
    "incline_pct",
    "incline_direction",
    "surface",
    "smoothness",
    "width_cm",
    "kerb_height_cm",
    "tactile_paving",
    "crossing",
    "traffic_signals",
    "traffic_signals_sound",
    "button_operated",
    "wheelchair",
    "lit",
    "length_m",
    "cost",
    "geometry",
    "bearing_start",
    "bearing_end",
    "barriers",
)


@dataclass
class Snap:
    edge_id: int
    vertex: int
    distance_m: float


@dataclass
class Path:
    edges: list[dict]
    length_m: float
    cost: float


def _limit(value) -> str:
    return str(NO_LIMIT if value is None else value)


def _settings_params(profile: Profile, bbox_ewkt: str) -> list[str]:
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
        bbox_ewkt,
    ]


def search_area(start: tuple[float, float], end: tuple[float, float]) -> tuple[str, float]:
    """The bbox to search in (EWKT) and the straight distance between the ends in metres."""
    margin = getattr(settings, "ROUTING_SEARCH_MARGIN_M", 1000.0)
    with connection.cursor() as cursor:
        cursor.execute(BBOX_SQL, [*start, *end, margin, *start, *end])
        bbox, distance = cursor.fetchone()
    # Long routes wander further from the straight line: widen the margin with the distance.
    if distance / 2 > margin:
        with connection.cursor() as cursor:
            cursor.execute(BBOX_SQL, [*start, *end, distance / 2, *start, *end])
            bbox = cursor.fetchone()[0]
    return bbox, distance


def apply_profile(profile: Profile, bbox_ewkt: str) -> None:
    """Set the profile's limits for the rest of the current transaction."""
    with connection.cursor() as cursor:
        cursor.execute(SET_SQL, _settings_params(profile, bbox_ewkt))


def snap(point: tuple[float, float]) -> Snap | None:
    """The vertex nearest to `point` on the nearest edge usable with the applied profile."""
    with connection.cursor() as cursor:
        cursor.execute(SNAP_SQL, list(point))
        row = cursor.fetchone()
    if row is None:
        return None
    edge_id, source, target, distance, fraction = row
    return Snap(edge_id, source if fraction < 0.5 else target, distance)


def shortest_path(source: int, target: int) -> Path | None:
    """pgr_dijkstra on the edges allowed by the applied profile; None when there is no path."""
    if source == target:
        return Path([], 0.0, 0.0)
    with connection.cursor() as cursor:
        cursor.execute(ROUTE_SQL, [EDGES_SQL, source, target])
        rows = cursor.fetchall()
    if not rows:
        return None
    edges = []
    for row in rows:
        edge = dict(zip(EDGE_FIELDS, row, strict=True))
        edge["geometry"] = json.loads(edge["geometry"])
        barriers = edge["barriers"]
        edge["barriers"] = json.loads(barriers) if isinstance(barriers, str) else barriers or []
        edges.append(edge)
    return Path(
        edges,
        length_m=sum(e["length_m"] for e in edges),
        cost=sum(e["cost"] for e in edges),
    )


def route_between(
    profile: Profile,
    start: tuple[float, float],
    end: tuple[float, float],
    whole_graph: bool = True,
) -> tuple[Snap | None, Snap | None, Path | None]:
    """Snap both ends and route, first inside the search area, then (with `whole_graph`) over
    the whole graph, so that "no route" is only said when there is none anywhere."""
    for lon, lat in (start, end):
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise RouteInputError(
                _("The position %(lon)s, %(lat)s is outside the valid range.")
                % {"lon": lon, "lat": lat}
            )
    bbox, distance = search_area(start, end)
    max_distance = getattr(settings, "ROUTING_MAX_DISTANCE_M", 30000.0)
    if distance > max_distance:
        raise RouteInputError(
            _("The start and the destination are more than %(km)s km apart.")
            % {"km": round(max_distance / 1000)}
        )
    with transaction.atomic():
        apply_profile(profile, bbox)
        from_snap, to_snap = snap(start), snap(end)
        if from_snap is None or to_snap is None:
            return from_snap, to_snap, None
        path = shortest_path(from_snap.vertex, to_snap.vertex)
        if path is None and whole_graph:
            apply_profile(profile, WORLD_BBOX)
            path = shortest_path(from_snap.vertex, to_snap.vertex)
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
