-- The edges of the route search, which pgr_dijkstra takes as the text of a query: so this holds
-- no value, and reads the profile and the search area from the transaction's settings (the CTE
-- p), which profile.sql sets with bound values. It comes in three forms (route_sql.py), by
-- whole_graph (true: every edge; false: the edges in the search area) and blocked_cost, what an
-- edge that breaks a limit costs on top of its cost (-1: it is left out). Both are constants,
-- which the planner folds away.
--
-- An edge costs its length in metres times 1 + the weights of the soft costs it has, plus the
-- penalties of the barriers on it (capped at 1e6 m), plus blocked_cost if it breaks a limit of
-- the profile (docs/decisions/0003-routing-cost-model.md). Whether an edge breaks a limit, in
-- each direction, is decided here; mapping.routing.routes.broken_limits names the limits that a
-- walked edge breaks, and tests/routing/test_limits_agree.py keeps the two in step.
--
-- A plain edge (the import found nothing on it that a limit or a preference reads) near no
-- barrier costs its length whatever the profile: the CASE stops there for most edges, and only
-- the others pay for the limits and the soft costs.
WITH p AS ({route_settings}),
-- Barriers are found by their box first: 0.003 degrees around the graph covers the largest
-- radius (50 m) up to latitude 80.
box AS (
    SELECT ST_Expand(CASE WHEN {whole_graph} THEN ST_MakeEnvelope(-180, -90, 180, 90, 4326)
                          ELSE search_area END, 0.003) AS g
    FROM p
),
ab AS MATERIALIZED ({active_barriers}),
-- Per edge near a barrier: whether a barrier closes it, the penalty, the steepest surveyed slope
-- on it, and whether a survey found its surface bad.
near AS (
    SELECT e.id, bool_or({barrier_closes_way}) AS closed,
           least(sum(b.penalty_m), 1e6) AS penalty,
           max(b.incline_pct) AS slope, bool_or(b.rough) AS rough,
           bool_or(b.source = 'assessment') AS surveyed
    FROM p, ab b
    JOIN mapping_networkedge e ON {barrier_on_edge}
    GROUP BY e.id
)
SELECT e.id, e.source, e.target,
    CASE WHEN e.plain AND n.id IS NULL AND (e.tagged OR NOT p.only_known) THEN e.cost
         WHEN e.cost < 0 OR ({blocked_cost} < 0 AND x.breaks_forward) THEN -1
         ELSE e.length_m * x.factor + x.penalty
              + CASE WHEN x.breaks_forward THEN {blocked_cost} ELSE 0 END
    END AS cost,
    CASE WHEN e.plain AND n.id IS NULL AND (e.tagged OR NOT p.only_known) THEN e.reverse_cost
         WHEN e.reverse_cost < 0 OR ({blocked_cost} < 0 AND x.breaks_backward) THEN -1
         ELSE e.length_m * x.factor + x.penalty
              + CASE WHEN x.breaks_backward THEN {blocked_cost} ELSE 0 END
    END AS reverse_cost
FROM p
JOIN mapping_networkedge e ON {whole_graph} OR e.geom && p.search_area
LEFT JOIN near n ON n.id = e.id
-- Named for the CASE above, which PostgreSQL evaluates only as far as it needs to.
CROSS JOIN LATERAL (
    SELECT
        -- 1 + the weights of the soft costs the edge has (1 for a profile without them).
        CASE WHEN p.soft THEN 1
            + p.w_rough * (e.rough OR coalesce(n.rough, false))::int
            + p.w_unknown_incline
              * (e.incline_pct IS NULL AND e.incline_direction <> 0 AND n.slope IS NULL)::int
            + p.w_steep * (greatest(abs(coalesce(e.incline_pct, 0)), n.slope) > 5)::int
            + p.w_no_tactile * (e.crossing <> '' AND e.tactile_paving IS NOT TRUE)::int
            + p.w_no_sound * (e.crossing <> '' AND e.traffic_signals_sound IS NOT TRUE)::int
            + p.w_wc_limited * (e.wheelchair = 'limited')::int
            + p.w_steps * e.steps::int
        ELSE 1 END AS factor,
        -- Barriers' penalties, and the profile's for a barrier node it passes (a gate to open,
        -- a lift to wait for).
        coalesce(n.penalty, 0) + p.barrier_m * (e.barrier <> '')::int AS penalty,
        -- Whether the edge breaks a limit along its geometry (source to target), and against it:
        -- closed both ways, or too steep that way. A surveyed slope has no direction: it takes
        -- the edge's when the map knows it, else the stricter of the two limits applies.
        s.closed
        OR (e.incline_pct IS NOT NULL
            AND (e.incline_pct > p.max_up OR -e.incline_pct > p.max_down))
        OR (n.slope IS NOT NULL AND n.slope > CASE WHEN s.direction > 0 THEN p.max_up
                                                   WHEN s.direction < 0 THEN p.max_down
                                                   ELSE least(p.max_up, p.max_down) END)
        AS breaks_forward,
        s.closed
        OR (e.incline_pct IS NOT NULL
            AND (-e.incline_pct > p.max_up OR e.incline_pct > p.max_down))
        OR (n.slope IS NOT NULL AND n.slope > CASE WHEN s.direction > 0 THEN p.max_down
                                                   WHEN s.direction < 0 THEN p.max_up
                                                   ELSE least(p.max_up, p.max_down) END)
        AS breaks_backward
    FROM (
        SELECT {edge_breaks_limits}
               OR (n.id IS NOT NULL AND (n.closed OR (p.avoid_rough AND n.rough)))
               -- Only known ways: an edge neither tagged nor surveyed is left out.
               OR (p.only_known AND NOT e.tagged AND n.surveyed IS NOT TRUE) AS closed,
               sign(coalesce(nullif(e.incline_pct, 0), e.incline_direction)) AS direction
    ) s
) x
