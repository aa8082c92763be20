-- The route search's settings as one row, the CTE `p` of the statements that include this file.
-- profile.sql sets them for the rest of the transaction; a limit that the
-- profile does not have is Infinity (-1 for the least width).
SELECT current_setting('bf_route.max_up')::float8 AS max_up,
       current_setting('bf_route.max_down')::float8 AS max_down,
       current_setting('bf_route.max_kerb')::float8 AS max_kerb,
       current_setting('bf_route.min_width')::float8 AS min_width,
       current_setting('bf_route.max_steps')::float8 AS max_steps,
       current_setting('bf_route.avoid_rough')::boolean AS avoid_rough,
       current_setting('bf_route.avoid_wc_no')::boolean AS avoid_wc_no,
       current_setting('bf_route.max_surface')::float8 AS max_surface,
       current_setting('bf_route.only_known')::boolean AS only_known,
       current_setting('bf_route.barriers')::text[] AS barriers,
       -- The soft costs' weights, and whether the profile has any.
       current_setting('bf_route.w_rough')::float8 AS w_rough,
       current_setting('bf_route.w_unknown_incline')::float8 AS w_unknown_incline,
       current_setting('bf_route.w_steep')::float8 AS w_steep,
       current_setting('bf_route.w_no_tactile')::float8 AS w_no_tactile,
       current_setting('bf_route.w_no_sound')::float8 AS w_no_sound,
       current_setting('bf_route.w_wc_limited')::float8 AS w_wc_limited,
       current_setting('bf_route.w_steps')::float8 AS w_steps,
       current_setting('bf_route.barrier_m')::float8 AS barrier_m,
       current_setting('bf_route.soft')::boolean AS soft,
       -- The search area: a box around both ends.
       current_setting('bf_route.search_area')::geometry AS search_area
