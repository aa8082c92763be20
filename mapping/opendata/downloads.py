"""Whole-dataset downloads of the published places: GeoJSON (RFC 7946), CSV and GeoPackage.

The columns and properties are listed, with their descriptions, in mapping/opendata/columns.py.
GeoJSON is built in SQL; CSV from the same rows (text that a spreadsheet would run as a formula
neutralised, mapping.spreadsheets); the GeoPackage by GDAL's ogr2ogr from that
GeoJSON (a file we wrote ourselves: no user input ever reaches GDAL). Every download names its
licence and the date of the last change.
"""

import csv
import io
import json
import subprocess
import tempfile
from pathlib import Path

from django.db import connection

from mapping.models.published import PUBLISHED_PLACE_JOIN
from mapping.opendata.columns import COLUMNS
from mapping.spreadsheets import spreadsheet_cell

LICENCE = "ODbL-1.0"
ATTRIBUTION = "Bezbariérová mapa; base data © OpenStreetMap contributors (ODbL)"

FROM_SQL = f"""
FROM mapping_place p
{PUBLISHED_PLACE_JOIN}
LEFT JOIN mapping_municipality m ON m.id = p.municipality_id
"""

ROWS_SQL = (
    "SELECT " + ",\n       ".join(column.sql for column in COLUMNS) + FROM_SQL + "ORDER BY p.id"
)

# The properties of each feature: every column but the id and the position, which GeoJSON
# carries as the feature's id and geometry; in the columns' order (json, not jsonb, keeps it).
PROPERTY_COLUMNS = [c for c in COLUMNS if c.name not in ("id", "longitude", "latitude")]
PROPERTIES_SQL = (
    "json_build_object("
    + ", ".join(f"'{c.name}', {c.property_sql}" for c in PROPERTY_COLUMNS)
    + ")"
)
# json_build_object takes at most 100 arguments: two per property.
assert len(PROPERTY_COLUMNS) <= 50, "split the properties into several objects"


GEOJSON_SQL = f"""
SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', COALESCE(json_agg(json_build_object(
        'type', 'Feature',
        'id', p.id,
        'geometry', ST_AsGeoJSON(p.location, 7)::json,
        'properties', {PROPERTIES_SQL}
    ) ORDER BY p.id), '[]'::json)
)::text
{FROM_SQL}
"""


class ExportError(RuntimeError):
    """The GeoPackage could not be written (GDAL failed); the message is for the log."""


def published_geojson(last_modified: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(GEOJSON_SQL)
        collection = json.loads(cursor.fetchone()[0])
    # RFC 7946 allows foreign members: licence and freshness travel with the data.
    collection["license"] = LICENCE
    collection["attribution"] = ATTRIBUTION
    collection["last_modified"] = last_modified
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))


def published_csv() -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in COLUMNS])
    with connection.cursor() as cursor:
        cursor.execute(ROWS_SQL)
        for row in cursor:
            writer.writerow([spreadsheet_cell(value) for value in row])
    return buffer.getvalue()


def published_geopackage(last_modified: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="bezbarierova-gpkg-") as folder:
        source = Path(folder) / "places.geojson"
        target = Path(folder) / "places.gpkg"
        source.write_text(published_geojson(last_modified), encoding="utf-8")
        command = [
            "ogr2ogr",
            "-f",
            "GPKG",
            str(target),
            str(source),
            "-nln",
            "places",
            "-a_srs",
            "EPSG:4326",
            "-dsco",
            "METADATA_TABLES=YES",
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not target.exists():
            raise ExportError(result.stderr.strip() or "ogr2ogr failed")
        return target.read_bytes()
