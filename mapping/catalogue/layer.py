"""The catalogue as a layer of the public map: places where services are delivered, in SQL.

Lean like the places layer (id, name, the category per mobility profile, whether the place is
published on the map, the services' ids, names and types); filterable by service type and target
group. Details come from the service pages. The public map draws it as its "social services"
layer.
"""

from django.db import connection

from mapping.models.published import PUBLISHED_PLACE_JOIN

LAYER_SQL = f"""
SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', COALESCE(json_agg(f.feature ORDER BY f.id), '[]'::json)
)::text
FROM (
    SELECT p.id, json_build_object(
        'type', 'Feature',
        'id', p.id,
        'geometry', ST_AsGeoJSON(p.location, 6)::json,
        'properties', json_build_object(
            'name', p.name,
            'wheelchair', NULLIF(a.wheelchair, ''),
            'seniors', NULLIF(a.seniors, ''),
            'pram', NULLIF(a.pram, ''),
            'published', a.id IS NOT NULL,
            'services', json_agg(json_build_object(
                'id', s.id, 'name', s.name, 'type', s.service_type
            ) ORDER BY s.name)
        )
    ) AS feature
    FROM mapping_place p
    JOIN mapping_service_places sp ON sp.place_id = p.id
    JOIN mapping_service s ON s.id = sp.service_id
    LEFT {PUBLISHED_PLACE_JOIN}
    WHERE (%(type)s::text IS NULL OR s.service_type = %(type)s::text)
      AND (%(group)s::text IS NULL OR %(group)s::text = ANY(s.target_groups))
    GROUP BY p.id, a.id
) f
"""


def services_layer_geojson(service_type: str | None, target_group: str | None) -> str:
    with connection.cursor() as cursor:
        cursor.execute(LAYER_SQL, {"type": service_type, "group": target_group})
        return cursor.fetchone()[0]
