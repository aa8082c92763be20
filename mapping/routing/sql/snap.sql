-- Both ends of a route at once: for each, the nearest edge of the search area that the profile
-- may use (a few candidates by the index, <->, then the true distance in metres), where along it
-- the end lies, and how far from it. With any_edge (the fallback) any edge will do. And whether
-- the search area holds the whole graph (then the search has nothing wider to try).
WITH p AS ({route_settings}),
area AS (SELECT search_area AS g FROM p),
box AS (SELECT ST_Expand(search_area, 0.003) AS g FROM p),
ab AS MATERIALIZED ({active_barriers}),
ends(n, g) AS (VALUES (0, ST_SetSRID(ST_MakePoint(%(start_lon)s, %(start_lat)s), 4326)),
                      (1, ST_SetSRID(ST_MakePoint(%(end_lon)s, %(end_lat)s), 4326)))
SELECT ends.n, s.id, s.source, s.target, s.distance, s.fraction,
       (SELECT {covers_graph} FROM area) AS covers_graph
FROM ends CROSS JOIN p CROSS JOIN LATERAL (
    SELECT c.id, c.source, c.target,
           ST_Distance(c.geom::geography, ends.g::geography) AS distance,
           ST_LineLocatePoint(c.geom, ends.g) AS fraction
    FROM (
        SELECT e.id, e.source, e.target, e.geom, e.barrier, e.tagged
        FROM mapping_networkedge e
        WHERE e.geom && p.search_area
          AND (%(any_edge)s OR NOT {edge_breaks_limits})
        ORDER BY e.geom <-> ends.g LIMIT 16
    ) c
    -- A usable way further than snap_max_m from the end is no way from there: then the end
    -- keeps the nearest way of any kind (the fallback), and the answer says what blocks it.
    WHERE %(any_edge)s OR (ST_DWithin(c.geom::geography, ends.g::geography, %(snap_max_m)s)
      AND NOT EXISTS (
        SELECT 1 FROM ab b, LATERAL (SELECT c.geom, c.barrier) e
        WHERE {barrier_on_edge} AND {barrier_closes_way})
      AND (NOT p.only_known OR c.tagged OR EXISTS (
        SELECT 1 FROM ab b, LATERAL (SELECT c.geom, c.barrier) e
        WHERE {barrier_on_edge} AND b.source = 'assessment')))
    ORDER BY distance LIMIT 1
) s
ORDER BY ends.n
