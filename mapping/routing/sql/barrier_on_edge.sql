-- Whether barrier b stands on edge e: within its radius, and a lift report on a lift only.
(ST_DWithin(e.geom::geography, b.g::geography, b.radius_m)
 AND (b.kind <> 'lift' OR e.barrier = 'elevator'))
