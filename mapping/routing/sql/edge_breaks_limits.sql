-- Whether edge e breaks a limit of the profile by its own attributes, whatever the direction
-- (its slope is directed: edges.sql weighs it). The cheap, usually decisive test comes first in
-- each AND: PostgreSQL stops there for most edges.
(
    (e.steps AND p.max_steps < 'Infinity'
     AND coalesce(e.step_count > p.max_steps, true))
    OR (e.kerb_height_cm IS NOT NULL AND e.kerb_height_cm > p.max_kerb)
    OR (e.width_cm IS NOT NULL AND e.width_cm < p.min_width)
    OR (p.avoid_rough AND e.rough)
    OR e.surface_class > p.max_surface
    OR (p.avoid_wc_no AND e.wheelchair = 'no')
    -- A barrier or an entrance node on the edge: closed to pedestrians, marked wheelchair=no, or
    -- of a kind the profile cannot pass (unless marked wheelchair=yes).
    OR (e.barrier <> ''
        AND (e.barrier_closed
             OR (p.avoid_wc_no AND e.barrier_wheelchair = 'no')
             OR (e.barrier = ANY(p.barriers) AND e.barrier_wheelchair <> 'yes'))))
