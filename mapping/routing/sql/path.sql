-- The cheapest path between two vertices over the edges of edges.sql (its text is the first
-- value): the edges in the order walked, the vertex each is entered from, and what each cost.
-- NULLs when no path joins them.
SELECT array_agg(edge ORDER BY seq), array_agg(node ORDER BY seq), array_agg(cost ORDER BY seq)
FROM pgr_dijkstra(%(edges_sql)s, %(source)s::bigint, %(target)s::bigint, true)
WHERE edge <> -1
