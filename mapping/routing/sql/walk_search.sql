-- The steps of the cheapest path between two vertices over the edges of edges.sql (its text is
-- the value edges_sql): the edges in the order walked, the vertex each is entered from, and
-- what each cost.
SELECT edge, node, cost, seq::bigint
FROM pgr_dijkstra(%(edges_sql)s, %(source)s::bigint, %(target)s::bigint, true)
WHERE edge <> -1
