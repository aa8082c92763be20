-- Whether the search area `area.g` holds the whole graph: no edge lies beyond one of its sides
-- (the search takes every edge whose box meets the area). Four index probes, each stopping at
-- the first edge it finds; an edge that only reaches beyond a side counts too, so the answer
-- errs towards one more, wider step.
(NOT EXISTS (SELECT 1 FROM mapping_networkedge e
             WHERE e.geom && ST_MakeEnvelope(-180, -90, ST_XMin(area.g) - 1e-9, 90, 4326))
 AND NOT EXISTS (SELECT 1 FROM mapping_networkedge e
                 WHERE e.geom && ST_MakeEnvelope(ST_XMax(area.g) + 1e-9, -90, 180, 90, 4326))
 AND NOT EXISTS (SELECT 1 FROM mapping_networkedge e
                 WHERE e.geom && ST_MakeEnvelope(-180, -90, 180, ST_YMin(area.g) - 1e-9, 4326))
 AND NOT EXISTS (SELECT 1 FROM mapping_networkedge e
                 WHERE e.geom && ST_MakeEnvelope(-180, ST_YMax(area.g) + 1e-9, 180, 90, 4326)))
