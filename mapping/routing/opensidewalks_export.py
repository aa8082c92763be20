"""Writing the routing graph as an OpenSidewalks (OSW 0.2) dataset: an edges and a nodes file,
zipped as OSW ships them, for AccessMap-style tools.

Every edge is an OSW edge of the type its highway/footway says (a sidewalk, a crossing, steps, a
street...); a way type OSW 0.2 has no type for (path, track, cycleway, corridor) is written as a
plain footway with the graph's own value in `ext:highway`. A kerb, which the graph keeps on the
edges that pass it, is written as a kerb node at both ends of each crossing that has one (or of
the edge that has one where no crossing meets). What OSW has no field for goes into `ext:`
properties, which the schema allows and other tools ignore; the import reads them back
(mapping.routing.opensidewalks), so that export -> import -> export gives the same files.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import defaultdict

from django.db import connection

from mapping.routing.opensidewalks import EXT_BOOL, EXT_NUMBER, EXT_TEXT, SCHEMA_ID

# Highways OSW 0.2 has an edge type for.
OSW_HIGHWAYS = frozenset(
    {
        "footway",
        "steps",
        "pedestrian",
        "living_street",
        "residential",
        "service",
        "unclassified",
        "tertiary",
        "secondary",
        "primary",
        "trunk",
    }
)
OSW_FOOTWAYS = frozenset({"sidewalk", "crossing", "traffic_island"})
OSW_SURFACES = frozenset(
    {"asphalt", "concrete", "dirt", "grass", "grass_paver", "gravel", "paved", "paving_stones"}
    | {"unpaved"}
)
# kerb=* for a height (the import reads a class back as mapping.routing.tags.KERB_HEIGHTS_CM).
KERB_CLASSES = ((0.0, "flush"), (2.0, "lowered"), (3.0, "rolled"))
CROSSING_MARKED = frozenset({"marked", "zebra", "uncontrolled", "traffic_signals", "yes"})

EDGES_SQL = """
SELECT id, source, target, reverse_cost < 0 AS oneway, osm_way_id, name, highway, footway, steps,
       step_count, incline_pct, incline_direction, surface, smoothness, width_cm,
       kerb_height_cm, tactile_paving, crossing, traffic_signals, traffic_signals_sound,
       button_operated, wheelchair, lit, barrier, barrier_wheelchair, barrier_closed,
       round(length_m::numeric, 1)::float8 AS length,
       ST_AsGeoJSON(ST_Transform(geom, 4326), 7) AS geometry
FROM mapping_networkedge ORDER BY id
"""
NODES_SQL = (
    "SELECT id, ST_AsGeoJSON(ST_Transform(geom, 4326), 7) FROM mapping_networknode ORDER BY id"
)
DATA_SOURCE = {
    "name": "Bezbariérová mapa (OpenStreetMap)",
    "copyright": "https://www.openstreetmap.org/copyright",
    "license": "https://opendatacommons.org/licenses/odbl/1-0/",
}


def kerb_class(height_cm: float) -> str:
    for highest, name in KERB_CLASSES:
        if height_cm <= highest:
            return name
    return "raised"


def _edge_properties(row: dict) -> dict:
    highway, footway = row["highway"], row["footway"]
    properties: dict[str, object] = {
        "_id": str(row["id"]),
        "_u_id": str(row["source"]),
        "_v_id": str(row["target"]),
        "highway": highway if highway in OSW_HIGHWAYS else "footway",
        "length": min(5000.0, row["length"]),
        "ext:osm_way_id": row["osm_way_id"],
    }
    if highway not in OSW_HIGHWAYS:
        properties["ext:highway"] = highway
    if footway and highway == "footway" and footway in OSW_FOOTWAYS:
        properties["footway"] = footway
    elif footway:
        properties["ext:footway"] = footway
    if row["name"]:
        properties["name"] = row["name"]
    if row["incline_pct"] is not None:
        properties["incline"] = max(-1.0, min(1.0, round(row["incline_pct"] / 100, 6)))
    if row["width_cm"] is not None:
        properties["width"] = min(500.0, round(row["width_cm"] / 100, 3))
    if row["surface"] in OSW_SURFACES:
        properties["surface"] = row["surface"]
    elif row["surface"]:
        properties["ext:surface"] = row["surface"]
    if highway == "steps" and row["step_count"] is not None:
        properties["step_count"] = min(500, row["step_count"])
    if properties.get("footway") == "crossing" and row["crossing"]:
        properties["crossing:markings"] = "no" if row["crossing"] == "unmarked" else "yes"
    if row["oneway"]:
        properties["ext:oneway:foot"] = "yes"
    if row["incline_direction"]:
        properties["ext:incline_direction"] = row["incline_direction"]
    for key in EXT_TEXT:
        if key not in ("highway", "footway", "surface") and row[key]:
            properties[f"ext:{key}"] = row[key]
    for key in EXT_BOOL:
        if row[key] is not None and (key != "barrier_closed" or row[key]):
            properties[f"ext:{key}"] = row[key]
    for key in EXT_NUMBER:
        # Always written, null when unknown: it marks the edge as the product's own.
        properties[f"ext:{key}"] = row[key]
    return properties


def osw_collections() -> tuple[dict, dict]:
    """The graph as OSW edges and nodes FeatureCollections."""
    # No dataTimestamp: the graph does not know when its data was surveyed, and the same graph
    # gives the same files.
    header = {"$schema": SCHEMA_ID, "dataSource": DATA_SOURCE}
    edges = []
    # The kerb and tactile paving at each node, from the crossings that end there (else from any
    # edge that ends there).
    kerb_at: dict[int, dict[bool, list[float]]] = defaultdict(lambda: {True: [], False: []})
    tactile_at: dict[int, list[bool]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(EDGES_SQL)
        columns = [column.name for column in cursor.description]
        for values in cursor.fetchall():
            row = dict(zip(columns, values, strict=True))
            properties = _edge_properties(row)
            edges.append(
                {
                    "type": "Feature",
                    "geometry": json.loads(row["geometry"]),
                    "properties": properties,
                }
            )
            crossing = properties.get("footway") == "crossing"
            for end in (row["source"], row["target"]):
                if row["kerb_height_cm"] is not None:
                    kerb_at[end][crossing].append(row["kerb_height_cm"])
                if row["tactile_paving"] is not None and row["kerb_height_cm"] is not None:
                    tactile_at[end].append(row["tactile_paving"])
        cursor.execute(NODES_SQL)
        node_rows = cursor.fetchall()
    nodes = []
    for node_id, geometry in node_rows:
        properties: dict[str, object] = {"_id": str(node_id)}
        heights = kerb_at.get(node_id)
        if heights:
            height = max(heights[True] or heights[False])
            properties.update(barrier="kerb", kerb=kerb_class(height))
            properties["ext:kerb:height"] = height
            if tactile_at.get(node_id):
                properties["tactile_paving"] = "yes" if all(tactile_at[node_id]) else "no"
        nodes.append(
            {"type": "Feature", "geometry": json.loads(geometry), "properties": properties}
        )
    return (
        {"type": "FeatureCollection", **header, "features": edges},
        {"type": "FeatureCollection", **header, "features": nodes},
    )


def write_collection(collection: dict) -> bytes:
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()


def osw_zip(name: str = "bezbarierova-mapa") -> bytes:
    """The graph as an OSW dataset zip: `<name>.edges.OSW.geojson` and `<name>.nodes.OSW.geojson`
    in a folder `<name>/`, as OSW datasets ship."""
    edges, nodes = osw_collections()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for layer, collection in (("edges", edges), ("nodes", nodes)):
            info = zipfile.ZipInfo(f"{name}/{name}.{layer}.OSW.geojson", (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, write_collection(collection))
    return buffer.getvalue()
