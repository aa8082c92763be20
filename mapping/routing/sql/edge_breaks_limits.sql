-- Whether edge e breaks a limit of the profile by its own attributes, whatever the direction
-- (its slope is directed: edges.sql weighs it). The cheap, usually decisive test comes first in
-- each AND: PostgreSQL stops there for most edges.
(
    (e.steps AND p.max_steps < 'Infinity'
     AND coalesce(e.step_count > p.max_steps, true))
    OR (e.kerb_height_cm IS NOT NULL AND e.kerb_height_cm > p.max_kerb)
    OR (e.width_cm IS NOT NULL AND e.width_cm < p.min_width)
    OR (p.avoid_rough AND e.rough)
    OR (p.avoid_wc_no AND e.wheelchair = 'no'))
