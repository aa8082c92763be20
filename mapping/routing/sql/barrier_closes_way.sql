-- Whether barrier b closes the way to the profile, in both directions (a slope is directed:
-- edges.sql weighs it).
(b.blocks
 OR b.kerb_height_cm > p.max_kerb
 OR b.width_cm < p.min_width
 OR b.step_count > p.max_steps
 OR (b.rough AND p.avoid_rough)) IS TRUE
