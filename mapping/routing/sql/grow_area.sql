-- The next, wider search area: the current one (route_settings.sql) widened by %(grow_m)s metres
-- on every side, for the rest of the transaction. The route service widens the area in bounded
-- steps while it finds no route within the limits (mapping.routing.service.shortest_path).
-- Returns whether the new area holds the whole graph (then there is nothing wider to search).
WITH area AS (
    SELECT ST_Envelope(ST_Buffer(current_setting('bf_route.search_area')::geography,
                                 %(grow_m)s)::geometry) AS g
)
SELECT {covers_graph}, set_config('bf_route.search_area', ST_AsEWKT(area.g), true)
FROM area
