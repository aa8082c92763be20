-- The steps of a path given as arrays (edges, the vertex each is entered from, their costs).
SELECT * FROM unnest(%(edges)s::bigint[], %(nodes)s::bigint[], %(costs)s::float8[])
              WITH ORDINALITY
