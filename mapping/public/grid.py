"""The prebuilt grid of the map's country-level tiles (mapping.models.mapgrid): the published
places counted per cell of GRID_LEVEL, per profile and symbol, in one scan of the places; then
each coarser level added up from the one below it, down to a tile of the whole world.

Rebuilt by `manage.py build_map_grid` and by the worker's `build_map_grid` job, which every
publication queues (mapping.review.workflow); one build at a time. The old grid is replaced in
one transaction, so a tile never reads half of it.
"""

from django.db import connection, transaction

from mapping.models import MapGridBuild
from mapping.public.filters import MOBILITY_PROFILES, SENSORY_PROFILES, PlaceFilters
from mapping.public.queries import LAST_CHANGE_SQL, PUBLIC_PLACES_FROM
from mapping.public.tiles import CELL_SHIFT, GRID_LEVEL, TILE_X_SQL, TILE_Y_SQL, symbol_sql

PROFILES = MOBILITY_PROFILES + SENSORY_PROFILES

# One scan of the public places: each place's cell and its symbol under every profile, unnested
# into one row per profile, and counted. {symbols} are the symbol expressions of PROFILES in order.
BUILD_SQL = """
INSERT INTO mapping_mapgridcell (level, profile, cx, cy, symbol, places, sum_lon, sum_lat)
SELECT %s, v.profile, s.cx, s.cy, v.symbol, count(*), sum(s.lon), sum(s.lat)
FROM (
    SELECT {cx} AS cx, {cy} AS cy, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
        ARRAY[{symbols}] AS symbols
    {from_}
) s
CROSS JOIN LATERAL unnest(%s::varchar[], s.symbols) AS v(profile, symbol)
GROUP BY 2, 3, 4, 5
"""

# A level from the one below it: four cells make one.
COARSER_SQL = """
INSERT INTO mapping_mapgridcell (level, profile, cx, cy, symbol, places, sum_lon, sum_lat)
SELECT %s, profile, cx >> 1, cy >> 1, symbol, sum(places), sum(sum_lon), sum(sum_lat)
FROM mapping_mapgridcell
WHERE level = %s
GROUP BY profile, cx >> 1, cy >> 1, symbol
"""


def build_sql() -> tuple[str, list]:
    symbols, params = [], []
    for profile in PROFILES:
        sql, symbol_params = symbol_sql(PlaceFilters(profile=profile))
        symbols.append(sql)
        params += symbol_params
    cells = 2**GRID_LEVEL
    sql = BUILD_SQL.format(
        cx=TILE_X_SQL, cy=TILE_Y_SQL, symbols=", ".join(symbols), from_=PUBLIC_PLACES_FROM
    )
    return sql, [GRID_LEVEL, cells, cells, *params, list(PROFILES)]


def build_map_grid() -> MapGridBuild:
    """Count the published places into a new grid and make it the one the tiles read."""
    sql, params = build_sql()
    with transaction.atomic(), connection.cursor() as cursor:
        # One build at a time; the readers keep the old grid until this one commits.
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('mapping_mapgrid'))")
        cursor.execute("SET LOCAL statement_timeout = 0")
        cursor.execute(LAST_CHANGE_SQL)
        changed = cursor.fetchone()[0]
        cursor.execute("DELETE FROM mapping_mapgridcell")
        cursor.execute(sql, params)
        cells = cursor.rowcount
        for level in range(GRID_LEVEL - 1, CELL_SHIFT - 1, -1):
            cursor.execute(COARSER_SQL, [level, level + 1])
            cells += cursor.rowcount
        cursor.execute("ANALYZE mapping_mapgridcell")
        build = MapGridBuild.objects.create(source_changed=changed, cells=cells)
        MapGridBuild.objects.filter(id__lt=build.id).delete()
    return build
