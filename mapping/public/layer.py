"""The public map layer, built in SQL: one FeatureCollection of the published places in a bbox.

Lean on purpose (id, name, kind, category per mobility profile, accessible toilet, and for a
sensory profile the features present); details come from a second request. PostgreSQL writes the
JSON text itself, so Python never touches the features; at most MAP_LAYER_MAX_FEATURES of them,
the nearest to the centre of the view, with "truncated" saying that there are more. The text is
cached gzipped (mapping/compression.py) by the time of the last change of places and assessments
and by the language, and served with an ETag.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy

from mapping.compression import cached_gzip
from mapping.public.filters import BBox, FilterError, PlaceFilters
from mapping.public.queries import (
    LAST_CHANGE_SQL,
    filter_clauses,
    public_places_from,
    sensory_features_sql,
)

# The SQL is assembled only from constant fragments; {features}, {filters} and {centre} are fixed
# texts chosen in Python, and every value is a %s parameter. Why the nearest places by a KNN scan
# and JSON written by PostgreSQL: docs/decisions/0002-map-layer-built-in-sql.md.
# One place as a GeoJSON Feature, written by PostgreSQL: the layer's and the tiles'
# (mapping.public.tiles) one shape. {features} and {limits} are fixed texts chosen in Python; its
# parameters are the coordinate precision, then those of {features}.
FEATURE_SQL = """'{{"type":"Feature","id":' || p.id
        || ',"geometry":' || ST_AsGeoJSON(p.location, %s)
        || ',"properties":{{"name":' || to_json(p.name)::text
        || ',"kind":' || to_json(p.kind)::text
        || ',"wheelchair":' || COALESCE(to_json(NULLIF(a.wheelchair, ''))::text, 'null')
        || ',"seniors":' || COALESCE(to_json(NULLIF(a.seniors, ''))::text, 'null')
        || ',"pram":' || COALESCE(to_json(NULLIF(a.pram, ''))::text, 'null')
        || ',"toilet":' || a.has_accessible_toilet::text
        || ',"features":' || to_json({features})::text{limits}
        || '}}}}'"""

LAYER_SQL = """
SELECT '{{"type":"FeatureCollection","features":['
    || COALESCE(string_agg(f.feature, ',' ORDER BY f.id) FILTER (WHERE f.n <= %s), '')
    || '],"truncated":' || (count(*) > %s)::text || '}}'
FROM (
    SELECT p.id, row_number() OVER (ORDER BY p.location <-> {centre}) AS n,
        {feature} AS feature
    {from_}
    WHERE p.location && ST_MakeEnvelope(%s, %s, %s, %s, 4326){filters}
    ORDER BY p.location <-> {centre}
    LIMIT %s
) f
"""

# With the visitor's limits, each feature also says whether the place is a barrier for them, and
# the lowest step and widest door of its entrances (mapping.public.limits).
LIMITS_PROPERTIES_SQL = """
        || ',"barrier":' || lim.barrier::text
        || ',"step_cm":' || COALESCE(lim.step_cm::text, 'null')
        || ',"door_cm":' || COALESCE(lim.door_cm::text, 'null')"""

# The centre of the bbox, from which the nearest places are kept.
CENTRE_SQL = "ST_SetSRID(ST_MakePoint(%s, %s), 4326)"


@dataclass(frozen=True)
class LayerRequest:
    bbox: BBox
    zoom: int
    filters: PlaceFilters


def parse_zoom(raw: str | None) -> int:
    if raw in (None, ""):
        return settings.MAP_ZOOM
    try:
        zoom = int(raw)
    except ValueError:
        raise FilterError(gettext_lazy("zoom must be a whole number from 0 to 22.")) from None
    if not 0 <= zoom <= 22:
        raise FilterError(gettext_lazy("zoom must be a whole number from 0 to 22."))
    return zoom


def coordinate_precision(zoom: int) -> int:
    """Decimal places of the coordinates: about a pixel's worth at that zoom."""
    if zoom < 10:
        return 4
    if zoom < 15:
        return 5
    return 6


def last_change() -> datetime | None:
    """When places or assessments last changed: the layer's cache version."""
    with connection.cursor() as cursor:
        cursor.execute(LAST_CHANGE_SQL)
        return cursor.fetchone()[0]


def feature_sql(filters: PlaceFilters) -> str:
    """The SQL of one place's Feature for these filters (its parameters: the precision, then
    those of sensory_features_sql(filters.profile))."""
    features_sql, _params = sensory_features_sql(filters.profile)
    return FEATURE_SQL.format(
        features=features_sql, limits=LIMITS_PROPERTIES_SQL if filters.has_limits else ""
    )


def layer_sql(request: LayerRequest) -> tuple[str, list]:
    _features_sql, features_params = sensory_features_sql(request.filters.profile)
    clauses, filter_params = filter_clauses(request.filters)
    filters_sql = "".join(f"\n      AND {clause}" for clause in clauses)
    from_ = public_places_from(request.filters)
    sql = LAYER_SQL.format(
        feature=feature_sql(request.filters),
        from_=from_.from_,
        filters=filters_sql,
        centre=CENTRE_SQL,
    )
    limit = settings.MAP_LAYER_MAX_FEATURES
    west, south, east, north = request.bbox
    centre = [(west + east) / 2, (south + north) / 2]
    params = [
        limit,
        limit,
        *centre,
        coordinate_precision(request.zoom),
        *features_params,
        *from_.params,
        *request.bbox,
        *filter_params,
        *centre,
        limit + 1,
    ]
    return sql, params


def published_places_geojson(request: LayerRequest) -> str:
    """The published places of the request as GeoJSON text (one query)."""
    sql, params = layer_sql(request)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def layer_etag(request: LayerRequest, changed: datetime | None, language: str) -> str:
    key = "|".join(
        [
            changed.isoformat() if changed else "-",
            language,
            ",".join(repr(v) for v in request.bbox),
            str(coordinate_precision(request.zoom)),
            request.filters.cache_key(),
            str(settings.MAP_LAYER_MAX_FEATURES),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def cached_layer(request: LayerRequest, etag: str) -> bytes:
    """The layer gzipped, from the shared cache or built and cached under its ETag."""
    return cached_gzip(f"public-layer:{etag}", lambda: published_places_geojson(request))
