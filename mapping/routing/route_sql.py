"""The SQL of the route search: every statement routing runs (mapping.routing.service runs them),
constant text built once at import, with no value ever formatted into it.

pgr_dijkstra takes the edges query as text, so values cannot be bound inside it. Instead the
profile's limits are set as transaction-local settings (set_config(..., true), with bound values)
and the constant edges query reads them with current_setting().

An edge that breaks a hard limit of the profile is not left out of the graph: it costs
BLOCKED_COST more, far more than any route within the limits (mapping.routing.service says what
the search makes of that). The barriers in force come from three sources, as one subquery
(`_active_barriers`); the network import derives two columns of each edge by ROUGH_SQL and
PLAIN_SQL (mapping.routing.osm_import).
"""

import re

from mapping.models.published import PUBLISHED_SQL
from mapping.routing.tags import ROUGH_SURFACES

NO_LIMIT = 1e9
# What crossing one blocked edge costs, in metres: more than any route within the limits (30 km
# at most, times its soft costs, plus the penalties, which are capped at PENALTY_CAP_M).
BLOCKED_COST = 1e9
PENALTY_CAP_M = 1e6
BAD_SMOOTHNESS = ("very_bad", "horrible", "very_horrible", "impassable")
_ROUGH = tuple(sorted(ROUGH_SURFACES))
# A published report of a barrier, or a surveyed public space, applies to the ways this close (m).
REPORT_RADIUS_M = 5.0
SURVEY_RADIUS_M = 10.0
# A published report without an end date: a penalty (m) until someone measures the barrier.
REPORT_PENALTY_M = 200.0
# Barriers are found by their box first: this many degrees around the search area covers the
# largest radius (50 m) up to latitude 80.
BARRIER_BOX_DEG = 0.003

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
    "soft",
)

_PARAMS_CTE = (
    "p AS (SELECT "
    + ", ".join(f"current_setting('bf_route.{k}')::float8 AS {k}" for k in _SETTINGS)
    + ", current_setting('bf_route.bbox')::geometry AS bbox)"
)
_LIST = ", ".join("'" + s + "'" for s in _ROUGH)
_BAD = ", ".join("'" + s + "'" for s in BAD_SMOOTHNESS)

# Worked out once per edge when the network is imported (columns of mapping_networkedge, named
# without a table so that the import's staging table can use them too): a bad surface; and a
# "plain" edge, with nothing that any limit or preference reads, whose cost is its length.
ROUGH_SQL = f"coalesce(surface IN ({_LIST}) OR smoothness IN ({_BAD}), false)"
PLAIN_SQL = f"""coalesce(NOT (steps OR kerb_height_cm IS NOT NULL OR width_cm IS NOT NULL
    OR incline_pct IS NOT NULL OR incline_direction <> 0 OR {ROUGH_SQL}
    OR wheelchair IN ('no', 'limited') OR crossing <> ''), false)"""

# The search area and the limits in one statement: the box around the straight line between the
# ends, widened by the margin or by half the distance, whichever is more (long routes wander
# further). Returns the straight distance in metres.
SET_SQL = (
    "WITH ends AS (SELECT ST_SetSRID(ST_MakePoint(%s, %s), 4326) AS a, "
    "ST_SetSRID(ST_MakePoint(%s, %s), 4326) AS b), "
    "d AS (SELECT a, b, ST_Distance(a::geography, b::geography) AS m FROM ends) "
    "SELECT d.m, set_config('jit', 'off', true), "
    "set_config('bf_route.bbox', ST_AsEWKT(ST_Envelope(ST_Buffer(ST_MakeLine(d.a, d.b)::geography, "
    "greatest(%s, d.m / 2))::geometry)), true), "
    + ", ".join(f"set_config('bf_route.{k}', %s, true)" for k in _SETTINGS)
    + " FROM d"
)
# JIT compilation (switched off above) costs ~300 ms and is triggered by the pessimistic estimates
# of the barrier lookup; these queries touch a few thousand rows, so it never pays off.


def _number(key: str) -> str:
    """A number from an assessment's answers, or NULL when it is missing or not a number."""
    return (
        f"CASE WHEN jsonb_typeof(a.answers -> '{key}') = 'number' "
        f"THEN (a.answers ->> '{key}')::float8 END"
    )


_PS_KERB = _number("publicSpaceKerbHeight")
_PS_WIDTH = _number("publicSpaceClearWidth")
_PS_STEPS = _number("publicSpaceStepsNumberOf")
_PS_SLOPE = _number("publicSpaceLongitudinalSlope")
_PS_ROUGH = (
    f"coalesce(a.answers ->> 'publicSpaceSurface' IN ({_LIST}) "
    f"OR a.answers ->> 'publicSpaceSmoothness' IN ({_BAD}), false)"
)


def _active_barriers(area: str) -> str:
    """The barriers in force now whose position lies in `area` (a constant SQL expression; TRUE
    for all), with one set of columns whatever their source:

    - surveyed barriers that a coordinator entered, while valid, and, when linked to an
      assessment, while that assessment is its place's approved one;
    - approved public-space assessments (what a volunteer measured: a kerb, steps, a clear width,
      a slope, the surface), at once on approval and gone when superseded, unless a coordinator's
      barrier linked to the assessment replaces them;
    - moderated (published) barrier reports from the public while valid: one with an end date
      (road works) closes the way, one without is a penalty until someone measures it; a
      coordinator's barrier linked to the report replaces it.
    """
    return f"""(
    SELECT 'barrier' AS source, b.id, b.kind, b.location AS g, b.radius_m, b.blocks,
           b.penalty_m, b.kerb_height_cm, b.width_cm, b.step_count::float8 AS step_count,
           b.incline_pct, b.rough_surface AS rough, b.description AS name
    FROM mapping_barrier b
    WHERE ({area.format(g="b.location")})
      AND (b.valid_from IS NULL OR b.valid_from <= now())
      AND (b.valid_until IS NULL OR b.valid_until > now())
      AND (b.assessment_id IS NULL OR EXISTS (
           SELECT 1 FROM mapping_assessment a WHERE a.id = b.assessment_id AND {PUBLISHED_SQL}))
    UNION ALL
    SELECT 'assessment', a.id,
           CASE WHEN {_PS_STEPS} > 0 THEN 'steps' WHEN {_PS_KERB} > 0 THEN 'kerb'
                WHEN {_PS_WIDTH} IS NOT NULL THEN 'narrow'
                WHEN {_PS_SLOPE} IS NOT NULL THEN 'steep' ELSE 'surface' END,
           pl.location, {SURVEY_RADIUS_M}, false, 0.0, {_PS_KERB}, {_PS_WIDTH}, {_PS_STEPS},
           abs({_PS_SLOPE}), {_PS_ROUGH}, pl.name
    FROM mapping_assessment a JOIN mapping_place pl ON pl.id = a.place_id
    WHERE {PUBLISHED_SQL} AND a.survey_kind = 'public_space'
      AND ({area.format(g="pl.location")})
      AND ({_PS_KERB} IS NOT NULL OR {_PS_WIDTH} IS NOT NULL OR {_PS_STEPS} > 0
           OR {_PS_SLOPE} IS NOT NULL OR {_PS_ROUGH})
      AND NOT EXISTS (SELECT 1 FROM mapping_barrier x WHERE x.assessment_id = a.id)
    UNION ALL
    SELECT 'report', r.id, 'report', r.location, {REPORT_RADIUS_M}, r.valid_until IS NOT NULL,
           CASE WHEN r.valid_until IS NULL THEN {REPORT_PENALTY_M} ELSE 0.0 END,
           NULL, NULL, NULL, NULL, false, ''
    FROM mapping_report r
    WHERE r.kind = 'barrier' AND r.status = 'published' AND r.location IS NOT NULL
      AND ({area.format(g="r.location")})
      AND (r.valid_from IS NULL OR r.valid_from <= current_date)
      AND (r.valid_until IS NULL OR r.valid_until >= current_date)
      AND NOT EXISTS (SELECT 1 FROM mapping_barrier x WHERE x.report_id = r.id)
)"""


_IN_SEARCH_AREA = "{g} && (SELECT ST_Expand(bbox, " + str(BARRIER_BOX_DEG) + ") FROM p)"
_ALONG_PATH = "{g} && (SELECT ST_Expand(ST_Extent(geom), " + str(BARRIER_BOX_DEG) + ") FROM re)"
_EVERYWHERE = "true"


def _with_params(sql: str) -> str:
    """`$name` stands for the profile's setting `name`: a scalar subquery on the one-row CTE p,
    which PostgreSQL evaluates once per statement (an InitPlan), not once per edge."""
    return re.sub(r"\$(\w+)", r"(SELECT \1 FROM p)", sql)


# Whether barrier `b` closes the way for the profile in both directions (a slope is directed).
_BARRIER_BLOCKS = """(b.blocks
    OR b.kerb_height_cm > $max_kerb
    OR b.width_cm < $min_width
    OR b.step_count > $max_steps
    OR (b.rough AND $avoid_rough > 0)) IS TRUE"""

# Per edge near an active barrier: whether a barrier closes it, its penalty, the steepest
# surveyed slope on it, and whether a survey found its surface bad.
_NEAR_CTE = f"""
near AS (
    SELECT e.id, bool_or({_BARRIER_BLOCKS}) AS blocked,
           least(sum(b.penalty_m), {PENALTY_CAP_M}) AS penalty,
           max(b.incline_pct) AS slope, bool_or(b.rough) AS rough
    FROM ab b
    JOIN mapping_networkedge e
      ON ST_DWithin((e.geom)::geography, (b.g)::geography, b.radius_m)
    GROUP BY e.id
)"""

# The hard limits that an edge breaks by its own attributes, whatever the direction. The cheap,
# usually decisive test comes first in each AND: PostgreSQL stops there for most edges.
_EDGE_HARD = f"""(
    (e.steps AND $max_steps < {NO_LIMIT} AND coalesce(e.step_count > $max_steps, true))
    OR (e.kerb_height_cm IS NOT NULL AND e.kerb_height_cm > $max_kerb)
    OR (e.width_cm IS NOT NULL AND e.width_cm < $min_width)
    OR ($avoid_rough > 0 AND e.rough)
    OR ($avoid_wc_no > 0 AND e.wheelchair = 'no'))"""

# The slope limit in force along the edge's geometry (source -> target) and against it. A
# surveyed slope has no direction: it takes the edge's when the map knows it, else the stricter
# of the two limits applies both ways.
_SIGN = "sign(coalesce(nullif(e.incline_pct, 0), e.incline_direction))"
_STEEP_FORWARD = f"""(
    (e.incline_pct IS NOT NULL AND (e.incline_pct > $max_up OR -e.incline_pct > $max_down))
    OR (n.slope IS NOT NULL AND n.slope > CASE WHEN {_SIGN} > 0 THEN $max_up
        WHEN {_SIGN} < 0 THEN $max_down ELSE least($max_up, $max_down) END))"""
_STEEP_BACKWARD = f"""(
    (e.incline_pct IS NOT NULL AND (-e.incline_pct > $max_up OR e.incline_pct > $max_down))
    OR (n.slope IS NOT NULL AND n.slope > CASE WHEN {_SIGN} > 0 THEN $max_down
        WHEN {_SIGN} < 0 THEN $max_up ELSE least($max_up, $max_down) END))"""

# Soft costs: each adds its weight times the edge's length. Skipped whole when the profile has
# none (the pedestrian).
_FACTOR = """CASE WHEN $soft > 0 THEN 1
    + $w_rough * (e.rough OR coalesce(n.rough, false))::int
    + $w_unknown_incline * (e.incline_pct IS NULL AND e.incline_direction <> 0
                            AND n.slope IS NULL)::int
    + $w_steep * (greatest(abs(coalesce(e.incline_pct, 0)), n.slope) > 5)::int
    + $w_no_tactile * (e.crossing <> '' AND e.tactile_paving IS NOT TRUE)::int
    + $w_no_sound * (e.crossing <> '' AND e.traffic_signals_sound IS NOT TRUE)::int
    + $w_wc_limited * (e.wheelchair = 'limited')::int
    + $w_steps * e.steps::int
    ELSE 1 END"""

_BLOCKED = f"""(
    {_EDGE_HARD}
    OR (n.id IS NOT NULL AND (n.blocked OR ($avoid_rough > 0 AND n.rough))))"""


def _edges_sql(area: str, edge_filter: str, blocked: str) -> str:
    """The edges query. `blocked` is what an edge that breaks a limit costs: "penalty" (the
    search that also explains) or "none" (left out: the search for a route within the limits
    only). A plain edge with no barrier on it costs its length whatever the profile: CASE stops
    there for most edges, and only the others pay for the soft costs and the limits."""
    if blocked == "penalty":
        forward = f"+ CASE WHEN {_BLOCKED} OR {_STEEP_FORWARD} THEN {BLOCKED_COST} ELSE 0 END"
        backward = f"+ CASE WHEN {_BLOCKED} OR {_STEEP_BACKWARD} THEN {BLOCKED_COST} ELSE 0 END"
        skip_forward = skip_backward = "false"
    else:
        forward = backward = ""
        skip_forward = f"{_BLOCKED} OR {_STEEP_FORWARD}"
        skip_backward = f"{_BLOCKED} OR {_STEEP_BACKWARD}"
    return _with_params(f"""
WITH {_PARAMS_CTE}, ab AS MATERIALIZED (SELECT * FROM {_active_barriers(area)} q), {_NEAR_CTE}
SELECT e.id, e.source, e.target,
    CASE WHEN e.plain AND n.id IS NULL THEN e.cost
         WHEN e.cost < 0 OR {skip_forward} THEN -1
         ELSE e.length_m * {_FACTOR} + coalesce(n.penalty, 0) {forward}
    END AS cost,
    CASE WHEN e.plain AND n.id IS NULL THEN e.reverse_cost
         WHEN e.reverse_cost < 0 OR {skip_backward} THEN -1
         ELSE e.length_m * {_FACTOR} + coalesce(n.penalty, 0) {backward}
    END AS reverse_cost
FROM mapping_networkedge e LEFT JOIN near n ON n.id = e.id
WHERE {edge_filter}
""")


# The graph inside the search area with blocked edges at a penalty; the whole graph likewise,
# and without them.
EDGES_SQL = _edges_sql(_IN_SEARCH_AREA, "e.geom && $bbox", "penalty")
EDGES_WHOLE_SQL = _edges_sql(_EVERYWHERE, "true", "penalty")
EDGES_WHOLE_WITHIN_LIMITS_SQL = _edges_sql(_EVERYWHERE, "true", "none")

# Both ends at once: for each, the nearest edge of the search area that the profile may use (a
# few candidates by the index, <->, then the true distance in metres), and the nearer of its two
# vertices. With %s true (the fallback) any edge will do.
SNAP_SQL = _with_params(f"""
WITH {_PARAMS_CTE}, ab AS MATERIALIZED (SELECT * FROM {_active_barriers(_IN_SEARCH_AREA)} q),
ends(n, g) AS (VALUES (0, ST_SetSRID(ST_MakePoint(%s, %s), 4326)),
                      (1, ST_SetSRID(ST_MakePoint(%s, %s), 4326))),
flag AS (SELECT %s::boolean AS any_edge)
SELECT ends.n, s.id, s.source, s.target, s.distance, s.fraction
FROM ends CROSS JOIN LATERAL (
    SELECT c.id, c.source, c.target,
           ST_Distance((c.geom)::geography, (ends.g)::geography) AS distance,
           ST_LineLocatePoint(c.geom, ends.g) AS fraction
    FROM (
        SELECT e.id, e.source, e.target, e.geom
        FROM mapping_networkedge e
        WHERE e.geom && $bbox AND ($any_edge OR NOT {_EDGE_HARD})
        ORDER BY e.geom <-> ends.g LIMIT 16
    ) c
    WHERE $any_edge OR NOT EXISTS (
        SELECT 1 FROM ab b
        WHERE ST_DWithin((c.geom)::geography, (b.g)::geography, b.radius_m)
          AND {_BARRIER_BLOCKS})
    ORDER BY distance LIMIT 1
) s
ORDER BY ends.n
""").replace("(SELECT any_edge FROM p)", "(SELECT any_edge FROM flag)")

# The path, each edge in the direction walked, with the barriers on it. The barriers are looked
# up once, in the box of the path.
_WALKED = "CASE WHEN re.node = re.source THEN re.geom ELSE ST_Reverse(re.geom) END"
ROUTE_SQL = f"""
WITH re AS MATERIALIZED (
    SELECT r.seq, r.node, r.cost AS walked_cost, e.*
    FROM pgr_dijkstra(%s, %s::bigint, %s::bigint, true) r
    JOIN mapping_networkedge e ON e.id = r.edge
),
ab AS MATERIALIZED (SELECT * FROM {_active_barriers(_ALONG_PATH)} q),
on_edge AS (
    SELECT re.id, json_agg(json_build_object(
               'source', b.source, 'id', b.id, 'kind', b.kind, 'name', b.name,
               'blocks', b.blocks, 'kerb_height_cm', b.kerb_height_cm, 'width_cm', b.width_cm,
               'step_count', b.step_count, 'incline_pct', b.incline_pct, 'rough', b.rough,
               'penalty_m', b.penalty_m) ORDER BY b.source, b.id) AS barriers
    FROM re JOIN ab b ON ST_DWithin((re.geom)::geography, (b.g)::geography, b.radius_m)
    GROUP BY re.id
)
SELECT re.seq, (re.node = re.source), re.id, re.osm_way_id, re.name, re.highway, re.footway,
       re.steps, re.step_count,
       CASE WHEN re.node = re.source THEN re.incline_pct ELSE -re.incline_pct END,
       CASE WHEN re.node = re.source THEN re.incline_direction ELSE -re.incline_direction END,
       re.surface, re.smoothness, re.width_cm, re.kerb_height_cm, re.tactile_paving, re.crossing,
       re.traffic_signals, re.traffic_signals_sound, re.button_operated, re.wheelchair, re.lit,
       re.length_m, re.walked_cost,
       ST_AsGeoJSON({_WALKED}, 7),
       degrees(ST_Azimuth(ST_StartPoint({_WALKED})::geography,
                          ST_PointN({_WALKED}, 2)::geography)),
       degrees(ST_Azimuth(ST_PointN({_WALKED}, -2)::geography,
                          ST_EndPoint({_WALKED})::geography)),
       on_edge.barriers
FROM re LEFT JOIN on_edge ON on_edge.id = re.id
ORDER BY re.seq
"""

# The attributes of a network edge read from OpenStreetMap: written by the import
# (osm_import.py), read back with each edge of a route.
EDGE_ATTRIBUTES = (
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
)

EDGE_FIELDS = (
    "seq",
    "forward",
    "id",
    "osm_way_id",
    *EDGE_ATTRIBUTES,
    "length_m",
    "cost",
    "geometry",
    "bearing_start",
    "bearing_end",
    "barriers",
)
