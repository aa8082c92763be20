-- The edges of a path as walked: each edge with the vertex it is entered from and what it cost
-- the search, in the path's order, read with the attributes that the instructions, the warnings
-- and the explanation of a missing route use (incline and bearings in the direction walked), and
-- with the barriers on it. The barriers are looked up once, in the box of the path.
--
-- The steps (edge, node, cost, seq) come from the piece "steps": given as arrays (walk_given.sql), or
-- straight from the search (walk_search.sql), which saves a round trip; no rows when no path
-- joins the two vertices.
WITH walk AS MATERIALIZED (
    SELECT w.seq, w.node, w.cost AS walked_cost, e.*
    FROM ({steps}) AS w(edge, node, cost, seq)
    JOIN mapping_networkedge e ON e.id = w.edge
),
box AS (SELECT ST_Expand(ST_Extent(geom), 0.003) AS g FROM walk),
ab AS MATERIALIZED ({active_barriers}),
on_edge AS (
    SELECT e.seq, json_agg(json_build_object(
               'source', b.source, 'id', b.id, 'kind', b.kind, 'name', b.name,
               'blocks', b.blocks, 'kerb_height_cm', b.kerb_height_cm, 'width_cm', b.width_cm,
               'step_count', b.step_count, 'incline_pct', b.incline_pct, 'rough', b.rough,
               'penalty_m', b.penalty_m) ORDER BY b.source, b.id) AS barriers
    FROM walk e JOIN ab b ON {barrier_on_edge}
    GROUP BY e.seq
),
walked AS (
    SELECT walk.*, walk.node = walk.source AS forward,
           CASE WHEN walk.node = walk.source THEN walk.geom ELSE ST_Reverse(walk.geom) END AS line
    FROM walk
)
SELECT w.seq, w.forward, w.id, w.osm_way_id, w.name, w.highway, w.footway,
       w.steps, w.step_count,
       CASE WHEN w.forward THEN w.incline_pct ELSE -w.incline_pct END AS incline_pct,
       CASE WHEN w.forward THEN w.incline_direction ELSE -w.incline_direction END
           AS incline_direction,
       w.surface, w.smoothness, w.rough, w.width_cm, w.kerb_height_cm, w.tactile_paving,
       w.crossing, w.traffic_signals, w.traffic_signals_sound, w.button_operated, w.wheelchair,
       w.lit, w.barrier, w.barrier_wheelchair, w.barrier_closed, w.surface_class, w.tagged,
       w.length_m, w.walked_cost AS cost,
       ST_AsGeoJSON(w.line, 7) AS geometry,
       degrees(ST_Azimuth(ST_StartPoint(w.line)::geography, ST_PointN(w.line, 2)::geography))
           AS bearing_start,
       degrees(ST_Azimuth(ST_PointN(w.line, -2)::geography, ST_EndPoint(w.line)::geography))
           AS bearing_end,
       coalesce(on_edge.barriers, '[]') AS barriers
FROM walked w LEFT JOIN on_edge ON on_edge.seq = w.seq
ORDER BY w.seq
