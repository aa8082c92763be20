"""The public map in web-mercator tiles: `/places/{z}/{x}/{y}.geojson`, every published place that
matches the filters represented at every zoom, none dropped.

- From PLACES_MIN_ZOOM (a town) on, a tile holds its places, each as the layer's Feature
  (mapping.public.layer.FEATURE_SQL).
- Below it, a tile holds clusters: its places counted per cell of 64 pixels (4 × 4 cells a tile),
  each cluster at its places' centre, with the count and the count per symbol of the chosen
  profile (the symbols the map draws: the category, "unknown", "features"/"nofeatures" for a
  sensory profile, "barrier" for the visitor's limits).
- At GRID_TILE_ZOOM and below (a region to the whole country) the counts come from the prebuilt
  grid (mapping.public.grid), when it is built and the filters are only the profile and the
  categories; any other filter counts the places themselves, like the zooms above.

A place belongs to exactly one tile and one cell: both are computed from its coordinates by the
same formula (TILE_X_SQL, TILE_Y_SQL), so the clusters of four tiles add up to those of the tile
above them. The same filters as the layer and the list (mapping.public.queries.filter_clauses).

Tiles are cached gzipped by the data's last change (and the grid's build at grid zooms) and the
filters, and served with an ETag (mapping.compression.layer_response). Their content does not
depend on the language: no text in them is translated.
"""

import hashlib
import math
from dataclasses import dataclass, replace
from datetime import datetime

from django.db import connection
from django.utils.translation import gettext_lazy as _

from mapping.compression import cached_gzip
from mapping.json_errors import lazy_message
from mapping.public.filters import DEFAULT_PROFILE, FilterError, PlaceFilters
from mapping.public.layer import coordinate_precision, feature_sql
from mapping.public.queries import (
    LAST_CHANGE_SQL,
    PROFILE_COLUMNS,
    filter_clauses,
    public_places_from,
    sensory_features_sql,
)

MAX_TILE_ZOOM = 22
# From this zoom on (a few streets in a tile) every place is drawn by itself.
PLACES_MIN_ZOOM = 15
# At this zoom and below (a district to the whole country) the clusters come from the prebuilt
# grid: above it, counting the places of a tile costs about a second at a million places.
GRID_TILE_ZOOM = 12
# 4 × 4 cells of 64 pixels in a 256-pixel tile: a cell's level is its tile's zoom + 2.
CELL_SHIFT = 2
GRID_LEVEL = GRID_TILE_ZOOM + CELL_SHIFT
# Web mercator ends here; the valid places never come near it.
MAX_MERCATOR_LAT = 85.05112878

# The column and row of a place at a level (2 ** level tiles across the world), in SQL. The one
# parameter of each is 2 ** level.
TILE_X_SQL = "floor((ST_X(p.location) + 180.0) / 360.0 * %s)::int"
MERCATOR_LAT_SQL = (
    f"radians(LEAST(GREATEST(ST_Y(p.location), -{MAX_MERCATOR_LAT}), {MAX_MERCATOR_LAT}))"
)
TILE_Y_SQL = (
    f"floor((1.0 - ln(tan({MERCATOR_LAT_SQL}) + 1.0 / cos({MERCATOR_LAT_SQL})) / pi()) / 2.0 "
    "* %s)::int"
)


@dataclass(frozen=True)
class Tile:
    z: int
    x: int
    y: int

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """west, south, east, north in WGS 84."""
        n = 2**self.z

        def lat(row: int) -> float:
            return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

        return (self.x / n * 360 - 180, lat(self.y + 1), (self.x + 1) / n * 360 - 180, lat(self.y))


def parse_tile(z: str, x: str, y: str) -> Tile:
    """The tile of the address, or a FilterError saying what is wrong with it."""
    try:
        tile = Tile(int(z), int(x), int(y))
    except ValueError:
        raise FilterError(
            _("z, x and y of a tile must be whole numbers (e.g. /places/15/17790/11117.geojson).")
        ) from None
    if not 0 <= tile.z <= MAX_TILE_ZOOM:
        raise FilterError(
            lazy_message(_("z must be a whole number from 0 to %(max)s."), max=MAX_TILE_ZOOM)
        )
    last = 2**tile.z - 1
    if not (0 <= tile.x <= last and 0 <= tile.y <= last):
        raise FilterError(
            lazy_message(
                _("x and y of a tile at zoom %(z)s must be from 0 to %(last)s."),
                z=tile.z,
                last=last,
            )
        )
    return tile


def symbol_sql(filters: PlaceFilters) -> tuple[str, list]:
    """The symbol the map draws for a place `a` (static/js/public/map.js symbolFor), in SQL."""
    if filters.is_mobility:
        sql = f"COALESCE(NULLIF({PROFILE_COLUMNS[filters.profile]}, ''), 'unknown')"
        params: list = []
    else:
        features, params = sensory_features_sql(filters.profile)
        sql = f"CASE WHEN cardinality({features}) > 0 THEN 'features' ELSE 'nofeatures' END"
    if filters.has_limits:
        sql = f"CASE WHEN lim.barrier THEN 'barrier' ELSE {sql} END"
    return sql, params


# The clusters of a tile from `cells` (cx, cy, symbol, places, sum_lon, sum_lat: one row per
# cell and symbol), as GeoJSON text.
CLUSTERS_JSON_SQL = """
SELECT '{{"type":"FeatureCollection","count":' || COALESCE(sum(c.places), 0)
    || ',"features":[' || COALESCE(string_agg(c.feature, ',' ORDER BY c.cy, c.cx), '') || ']}}'
FROM (
    SELECT cx, cy, sum(places) AS places,
        '{{"type":"Feature","geometry":{{"type":"Point","coordinates":['
        || round((sum(sum_lon) / sum(places))::numeric, 5) || ','
        || round((sum(sum_lat) / sum(places))::numeric, 5)
        || ']}},"properties":{{"cluster":true,"count":' || sum(places)
        || ',"categories":' || json_object_agg(symbol, places ORDER BY symbol)::text
        || '}}}}' AS feature
    FROM cells
    GROUP BY cx, cy
) c
"""

LIVE_CLUSTERS_SQL = (
    """
WITH cells AS (
    SELECT {cx} AS cx, {cy} AS cy, {symbol} AS symbol, count(*) AS places,
        sum(ST_X(p.location)) AS sum_lon, sum(ST_Y(p.location)) AS sum_lat
    {from_}
    WHERE p.location && ST_MakeEnvelope(%s, %s, %s, %s, 4326)
      AND {cx} BETWEEN %s AND %s AND {cy} BETWEEN %s AND %s{filters}
    GROUP BY 1, 2, 3
)"""
    + CLUSTERS_JSON_SQL
)

GRID_CLUSTERS_SQL = (
    """
WITH cells AS (
    SELECT g.cx, g.cy, g.symbol, g.places, g.sum_lon, g.sum_lat
    FROM mapping_mapgridcell g
    WHERE g.level = %s AND g.profile = %s
      AND g.cx BETWEEN %s AND %s AND g.cy BETWEEN %s AND %s{symbols}
)"""
    + CLUSTERS_JSON_SQL
)

PLACES_SQL = """
SELECT '{{"type":"FeatureCollection","count":' || count(*)
    || ',"features":[' || COALESCE(string_agg(f.feature, ',' ORDER BY f.id), '') || ']}}'
FROM (
    SELECT p.id, {feature} AS feature
    {from_}
    WHERE p.location && ST_MakeEnvelope(%s, %s, %s, %s, 4326)
      AND {x} = %s AND {y} = %s{filters}
) f
"""

# The data's last change and the newest grid: the tiles' cache version, in one query.
VERSION_SQL = f"SELECT ({LAST_CHANGE_SQL}), (SELECT max(id) FROM mapping_mapgridbuild)"


def padded(bbox: tuple[float, float, float, float]) -> list[float]:
    """The bbox a little larger: the index's coarse test must not lose a place on the edge,
    which the exact test by tile and cell then assigns to one tile only."""
    west, south, east, north = bbox
    margin = 1e-7
    return [west - margin, south - margin, east + margin, north + margin]


def where_filters(filters: PlaceFilters) -> tuple[str, list]:
    clauses, params = filter_clauses(filters)
    return "".join(f"\n      AND {clause}" for clause in clauses), params


def places_sql(tile: Tile, filters: PlaceFilters) -> tuple[str, list]:
    _features_sql, feature_params = sensory_features_sql(filters.profile)
    from_ = public_places_from(filters)
    filters_sql, filter_params = where_filters(filters)
    sql = PLACES_SQL.format(
        feature=feature_sql(filters),
        from_=from_.from_,
        x=TILE_X_SQL,
        y=TILE_Y_SQL,
        filters=filters_sql,
    )
    n = 2**tile.z
    params = [
        coordinate_precision(tile.z),
        *feature_params,
        *from_.params,
        *padded(tile.bbox),
        n,
        tile.x,
        n,
        tile.y,
        *filter_params,
    ]
    return sql, params


def live_clusters_sql(tile: Tile, filters: PlaceFilters) -> tuple[str, list]:
    symbol, symbol_params = symbol_sql(filters)
    from_ = public_places_from(filters)
    filters_sql, filter_params = where_filters(filters)
    sql = LIVE_CLUSTERS_SQL.format(
        cx=TILE_X_SQL, cy=TILE_Y_SQL, symbol=symbol, from_=from_.from_, filters=filters_sql
    )
    cells = 2 ** (tile.z + CELL_SHIFT)
    side = 2**CELL_SHIFT
    params = [
        cells,
        cells,
        *symbol_params,
        *from_.params,
        *padded(tile.bbox),
        cells,
        tile.x * side,
        tile.x * side + side - 1,
        cells,
        tile.y * side,
        tile.y * side + side - 1,
        *filter_params,
    ]
    return sql, params


def grid_clusters_sql(tile: Tile, filters: PlaceFilters) -> tuple[str, list]:
    side = 2**CELL_SHIFT
    symbols = ""
    params: list = [tile.z + CELL_SHIFT, filters.profile]
    params += [tile.x * side, tile.x * side + side - 1, tile.y * side, tile.y * side + side - 1]
    if filters.categories and filters.is_mobility:
        symbols = " AND g.symbol = ANY(%s)"
        params.append(list(filters.categories))
    return GRID_CLUSTERS_SQL.format(symbols=symbols), params


def grid_serves(filters: PlaceFilters) -> bool:
    """Whether the prebuilt grid can answer these filters: it counts by profile and symbol only."""
    return replace(filters, profile=DEFAULT_PROFILE, categories=(), query="") == PlaceFilters()


@dataclass(frozen=True)
class TileRequest:
    tile: Tile
    filters: PlaceFilters
    changed: datetime | None
    grid_build: int | None

    @property
    def reads_grid(self) -> bool:
        return (
            self.tile.z <= GRID_TILE_ZOOM
            and self.grid_build is not None
            and grid_serves(self.filters)
        )

    @property
    def etag(self) -> str:
        key = "|".join(
            [
                self.changed.isoformat() if self.changed else "-",
                f"grid{self.grid_build}" if self.reads_grid else "live",
                f"{self.tile.z}/{self.tile.x}/{self.tile.y}",
                str(PLACES_MIN_ZOOM),
                self.filters.cache_key(),
            ]
        )
        return hashlib.sha256(key.encode()).hexdigest()[:32]


def tile_request(tile: Tile, filters: PlaceFilters) -> TileRequest:
    with connection.cursor() as cursor:
        cursor.execute(VERSION_SQL)
        changed, grid_build = cursor.fetchone()
    return TileRequest(tile, filters, changed, grid_build)


def tile_sql(request: TileRequest) -> tuple[str, list]:
    if request.tile.z >= PLACES_MIN_ZOOM:
        return places_sql(request.tile, request.filters)
    if request.reads_grid:
        return grid_clusters_sql(request.tile, request.filters)
    return live_clusters_sql(request.tile, request.filters)


def tile_geojson(request: TileRequest) -> str:
    sql, params = tile_sql(request)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def cached_tile(request: TileRequest) -> bytes:
    return cached_gzip(f"public-tile:{request.etag}", lambda: tile_geojson(request))
