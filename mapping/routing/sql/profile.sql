-- The route search's settings (route_settings.sql) for the rest of the transaction, from bound
-- values: the profile's limits and weights, and the search area, a box around the straight line
-- between the ends, widened by the margin or by half the distance, whichever is more (long
-- routes wander further). Returns the straight distance in metres and the statement timeout in
-- force before (milliseconds; 0: none).
--
-- It also sets the route's time budget, %(budget_ms)s milliseconds, as the statement timeout of
-- the rest of the transaction, unless the timeout in force is shorter: every statement of the
-- search after this one (which reads no table) is cancelled rather than overrun it
-- (mapping.routing.service.Budget).
--
-- JIT compilation costs some 300 ms, and the pessimistic estimates of the barrier lookup would
-- trigger it; these queries touch a few thousand rows, so it never pays off.
WITH ends AS (
    SELECT ST_SetSRID(ST_MakePoint(%(start_lon)s, %(start_lat)s), 4326) AS a,
           ST_SetSRID(ST_MakePoint(%(end_lon)s, %(end_lat)s), 4326) AS b
),
d AS (SELECT a, b, ST_Distance(a::geography, b::geography) AS m FROM ends),
area AS (
    SELECT ST_Envelope(ST_Buffer(ST_MakeLine(d.a, d.b)::geography,
                                 greatest(%(margin_m)s, d.m / 2))::geometry) AS g
    FROM d
),
timeout AS (SELECT setting::int AS ms FROM pg_settings WHERE name = 'statement_timeout')
SELECT d.m,
       timeout.ms,
       set_config('statement_timeout',
                  (CASE WHEN timeout.ms = 0 THEN %(budget_ms)s
                        ELSE least(timeout.ms, %(budget_ms)s) END)::text, true),
       set_config('jit', 'off', true),
       set_config('bf_route.search_area', ST_AsEWKT(area.g), true),
       set_config('bf_route.max_up', %(max_up)s, true),
       set_config('bf_route.max_down', %(max_down)s, true),
       set_config('bf_route.max_kerb', %(max_kerb)s, true),
       set_config('bf_route.min_width', %(min_width)s, true),
       set_config('bf_route.max_steps', %(max_steps)s, true),
       set_config('bf_route.avoid_rough', %(avoid_rough)s, true),
       set_config('bf_route.avoid_wc_no', %(avoid_wc_no)s, true),
       set_config('bf_route.max_surface', %(max_surface)s, true),
       set_config('bf_route.only_known', %(only_known)s, true),
       set_config('bf_route.barriers', %(barriers)s, true),
       set_config('bf_route.w_rough', %(w_rough)s, true),
       set_config('bf_route.w_unknown_incline', %(w_unknown_incline)s, true),
       set_config('bf_route.w_steep', %(w_steep)s, true),
       set_config('bf_route.w_no_tactile', %(w_no_tactile)s, true),
       set_config('bf_route.w_no_sound', %(w_no_sound)s, true),
       set_config('bf_route.w_wc_limited', %(w_wc_limited)s, true),
       set_config('bf_route.w_steps', %(w_steps)s, true),
       set_config('bf_route.barrier_m', %(barrier_m)s, true),
       set_config('bf_route.soft', %(soft)s, true)
FROM d, area, timeout
