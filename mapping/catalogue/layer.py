"""The catalogue as a layer of the public map: places where services are delivered, in SQL.

Lean like the places layer (id, name, the category per mobility profile, whether the place is
published on the map, the services' ids, names and types); filterable by service type and target
group, and bounded by the map's view when it gives one. Details come from the service pages. The
public map draws it as its "social services" layer. Like the places layer it is cached gzipped
(mapping/compression.py) under an ETag made of the data's last change, the filters and the view.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from mapping.compression import cached_gzip
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
      AND (%(west)s::float8 IS NULL OR p.location && ST_MakeEnvelope(
          %(west)s::float8, %(south)s::float8, %(east)s::float8, %(north)s::float8, 4326))
    GROUP BY p.id, a.id
) f
"""


# The catalogue's rows change with their own updated_at; a place or its assessment with theirs.
LAST_CHANGE_SQL = """
SELECT GREATEST(
    (SELECT max(updated_at) FROM mapping_service),
    (SELECT max(updated_at) FROM mapping_place),
    (SELECT max(updated_at) FROM mapping_assessment)
)
"""


@dataclass(frozen=True)
class ServicesLayerRequest:
    service_type: str | None
    target_group: str | None
    # west, south, east, north; None for the whole catalogue (the catalogue's own pages)
    bbox: tuple[float, float, float, float] | None = None

    def parameters(self) -> dict:
        west, south, east, north = self.bbox or (None, None, None, None)
        return {
            "type": self.service_type,
            "group": self.target_group,
            "west": west,
            "south": south,
            "east": east,
            "north": north,
        }


def last_change() -> datetime | None:
    with connection.cursor() as cursor:
        cursor.execute(LAST_CHANGE_SQL)
        return cursor.fetchone()[0]


def services_layer_etag(request: ServicesLayerRequest, changed: datetime | None) -> str:
    key = "|".join(
        [
            changed.isoformat() if changed else "-",
            request.service_type or "",
            request.target_group or "",
            ",".join(repr(value) for value in request.bbox or ()),
        ]
    )
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def services_layer_geojson(request: ServicesLayerRequest) -> str:
    with connection.cursor() as cursor:
        cursor.execute(LAYER_SQL, request.parameters())
        return cursor.fetchone()[0]


def cached_services_layer(request: ServicesLayerRequest, etag: str) -> bytes:
    """The layer gzipped, from the shared cache or built and cached under its ETag."""
    return cached_gzip(f"services-layer:{etag}", lambda: services_layer_geojson(request))
