"""The public map layer, built in SQL: one FeatureCollection of the published places.

Lean on purpose (id, name, kind, category per profile); details come from a second request.
"""

from django.db import connection

# Only places with an approved assessment are public. Categories come from that assessment.
LAYER_SQL = """
SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', COALESCE(json_agg(json_build_object(
        'type', 'Feature',
        'id', p.id,
        'geometry', ST_AsGeoJSON(p.location, 6)::json,
        'properties', json_build_object(
            'name', p.name,
            'kind', p.kind,
            'wheelchair', a.wheelchair,
            'seniors', a.seniors,
            'pram', a.pram
        )
    ) ORDER BY p.id), '[]'::json)
)::text
FROM mapping_place p
JOIN mapping_assessment a ON a.place_id = p.id AND a.status = 'approved'
WHERE p.location && ST_MakeEnvelope(%s, %s, %s, %s, 4326)
"""


def published_places_geojson(bbox: tuple[float, float, float, float]) -> str:
    """The published places inside `bbox` (west, south, east, north in WGS 84) as GeoJSON text."""
    with connection.cursor() as cursor:
        cursor.execute(LAYER_SQL, bbox)
        return cursor.fetchone()[0]
