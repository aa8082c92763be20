"""Reading an OpenSidewalks (OSW 0.2) pedestrian graph into the routing network.

OSW is OpenStreetMap's tagging written as a graph: an edges file of LineStrings, each naming its
end nodes (`_u_id`, `_v_id`), and a nodes file of Points, some of them kerbs (`barrier=kerb`,
`kerb=lowered|flush|rolled|raised`). It ships as a zip of `*.edges.geojson`, `*.nodes.geojson`
and other layers (points, lines, polygons, zones) that routing does not read.

The edges become a `Network` (mapping.routing.osm_reader) and are written by the OSM import's
own `write_network`: one import path. Each edge's properties are read back into OSM tags and
through the OSM reader's `way_attributes`, so that a value means here what it means in an OSM
file. What OSW writes differently: `incline` is a fraction (0.05 = 5 %), `width` is in metres, a
kerb is a node where a crossing meets a sidewalk (it is put on the crossings at that node; where
no crossing meets there, on every edge at it). The product's own export adds `ext:` properties
for what OSW has no field for (mapping.routing.opensidewalks_export); read back, they win over
what the nodes say, so that the product's own output comes back as it went out.
The mapping, with what is lost either way, is in README.md (Routing, OpenSidewalks).
"""

from __future__ import annotations

import io
import json
import math
import time
import zipfile
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from mapping.progress import READ, SPLIT, Progress
from mapping.routing.osm_import import ImportFileError, ImportResult, write_network
from mapping.routing.osm_reader import Edge, Network, apply_node, is_walkable, way_attributes

SCHEMA_ID = "https://sidewalks.washington.edu/opensidewalks/0.2/schema.json"
# A file larger than this is not a town's pedestrian network (Redmond's 4,368 edges: 1.5 MB).
MAX_FILE_BYTES = 512 * 1024 * 1024

# Edge properties read as OSM tags, as they are (OSW takes these keys from OSM).
TAG_KEYS = ("highway", "footway", "foot", "name", "surface", "crossing:markings", "service")
# The product's own `ext:` properties that stand for a graph column. Read back, they replace what
# the OSM reader would make of the tags, and the kerb nodes no longer change the edge.
EXT_TEXT = ("highway", "footway", "surface", "smoothness", "crossing", "wheelchair", "barrier")
EXT_TEXT += ("barrier_wheelchair",)
EXT_BOOL = ("tactile_paving", "traffic_signals", "traffic_signals_sound", "button_operated")
EXT_BOOL += ("lit", "barrier_closed")
EXT_NUMBER = ("kerb_height_cm",)
# Marks an edge written by the product's export: its kerb and tactile paving are its own.
OWN_EDGE_KEY = "ext:kerb_height_cm"


class OpenSidewalksError(ImportFileError):
    """A file that is not an OpenSidewalks dataset the import can read; the message says what."""


def _load_json(name: str, data: bytes) -> dict:
    try:
        document = json.loads(data)
    except json.JSONDecodeError as error:
        raise OpenSidewalksError(
            _("The file %(name)s is not valid JSON (line %(line)s).")
            % {"name": name, "line": error.lineno}
        ) from error
    except (UnicodeDecodeError, ValueError) as error:
        raise OpenSidewalksError(
            _("The file %(name)s is not JSON text (UTF-8).") % {"name": name}
        ) from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise OpenSidewalksError(
            _("The file %(name)s is not a GeoJSON FeatureCollection.") % {"name": name}
        )
    if not isinstance(document.get("features"), list):
        raise OpenSidewalksError(_("The file %(name)s has no list of features.") % {"name": name})
    return document


def _layer(name: str) -> str | None:
    """Which layer of an OSW dataset a file holds, from its name (`*.edges.geojson`)."""
    lower = Path(name).name.lower()
    for layer in ("edges", "nodes"):
        if lower.endswith((f"{layer}.geojson", f"{layer}.osw.geojson", f"{layer}.json")):
            return layer
    return None


def load_dataset(paths: list[str | Path]) -> tuple[dict, dict | None]:
    """The edges and nodes collections of an OSW dataset: a zip as OSW ships it, or the edges
    file (its nodes file is looked for beside it), or both files."""
    files: dict[str, tuple[str, bytes]] = {}
    for given in paths:
        path = Path(given)
        if not path.is_file():
            raise OpenSidewalksError(_("The file %(path)s does not exist.") % {"path": path})
        if path.stat().st_size > MAX_FILE_BYTES:
            raise OpenSidewalksError(_("The file %(name)s is too large.") % {"name": path.name})
        if path.suffix.lower() == ".zip":
            files.update(_from_zip(path))
            continue
        layer = _layer(path.name)
        if layer is None:
            raise OpenSidewalksError(_not_osw_name(path.name))
        files[layer] = (path.name, path.read_bytes())
        if layer == "edges" and len(paths) == 1:
            sibling = path.with_name(_swap_layer_name(path.name))
            if sibling != path and sibling.is_file():
                files["nodes"] = (sibling.name, sibling.read_bytes())
    if "edges" not in files:
        raise OpenSidewalksError(
            _("No edges file (*.edges.geojson) was found in %(names)s.")
            % {"names": ", ".join(Path(p).name for p in paths)}
        )
    edges = _load_json(*files["edges"])
    nodes = _load_json(*files["nodes"]) if "nodes" in files else None
    return edges, nodes


def _swap_layer_name(name: str) -> str:
    index = name.lower().rfind("edges")
    word = name[index : index + 5]
    return name[:index] + ("NODES" if word.isupper() else "nodes") + name[index + 5 :]


def _from_zip(path: Path) -> dict[str, tuple[str, bytes]]:
    with path.open("rb") as opened:
        return _zip_layers(path.name, opened)


def _zip_layers(name: str, opened) -> dict[str, tuple[str, bytes]]:
    found: dict[str, tuple[str, bytes]] = {}
    try:
        with zipfile.ZipFile(opened) as archive:
            for info in archive.infolist():
                layer = _layer(info.filename)
                # A zip made on a Mac holds "._" resource forks beside every file.
                hidden = "__MACOSX/" in info.filename or Path(info.filename).name.startswith(".")
                if layer is None or info.is_dir() or hidden:
                    continue
                if info.file_size > MAX_FILE_BYTES:
                    raise OpenSidewalksError(
                        _("The file %(name)s is too large.") % {"name": info.filename}
                    )
                found[layer] = (info.filename, archive.read(info))
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise OpenSidewalksError(
            _("The file %(name)s is not a readable zip archive.") % {"name": name}
        ) from error
    return found


def check_zip(name: str, data: bytes) -> Network:
    """The network of an uploaded OSW zip, read but not written: the admin's check of an upload
    (OpenSidewalksError says what is wrong with it)."""
    files = _zip_layers(name, io.BytesIO(data))
    if "edges" not in files:
        raise OpenSidewalksError(
            _("No edges file (*.edges.geojson) was found in %(names)s.") % {"names": name}
        )
    nodes = _load_json(*files["nodes"]) if "nodes" in files else None
    network = network_from_osw(_load_json(*files["edges"]), nodes)
    if not network.edges:
        raise OpenSidewalksError(
            _("The OpenSidewalks dataset contains no edges a pedestrian may use.")
        )
    return network


def _not_osw_name(name: str) -> str:
    return _(
        "The file %(name)s is not an OpenSidewalks file: use the dataset's .zip or its "
        "*.edges.geojson (with *.nodes.geojson beside it)."
    ) % {"name": name}


def _feature_error(layer: str, number: int, problem: str) -> OpenSidewalksError:
    files = {"edges": _("the edges file"), "nodes": _("the nodes file")}
    return OpenSidewalksError(
        _("Feature %(number)s of %(file)s: %(problem)s")
        % {"number": number, "file": files[layer], "problem": problem}
    )


def _position(value, layer: str, number: int) -> tuple[float, float]:
    if (
        not isinstance(value, list | tuple)
        or len(value) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in value[:2])
    ):
        raise _feature_error(layer, number, _("a position is not a pair of numbers."))
    lon, lat = float(value[0]), float(value[1])
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise _feature_error(
            layer,
            number,
            _("the position %(position)s is not a longitude and latitude (WGS 84).")
            % {"position": f"{value[0]}, {value[1]}"},
        )
    return lon, lat


def _geometry(feature, kind: str, layer: str, number: int):
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise _feature_error(layer, number, _("it is not a GeoJSON Feature."))
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") != kind:
        raise _feature_error(layer, number, _("its geometry is not a %(kind)s.") % {"kind": kind})
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        raise _feature_error(layer, number, _("it has no properties."))
    return geometry.get("coordinates"), properties


class _Ids:
    """OSW ids are strings; the graph's are integers. Numeric ids (OSM's, or the product's own)
    are kept; any other string gets a number of its own, above every numeric id of the file."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.others: list[str] = []

    def add(self, value) -> str:
        key = str(value).strip() if value is not None else ""
        if not key:
            return ""
        if key not in self.numbers:
            if key.isdigit() and len(key) < 19:
                self.numbers[key] = int(key)
            else:
                self.numbers[key] = 0
                self.others.append(key)
        return key

    def finish(self) -> None:
        start = max(self.numbers.values(), default=0) + 1
        for offset, key in enumerate(self.others):
            self.numbers[key] = start + offset

    def __getitem__(self, key: str) -> int:
        return self.numbers[key]


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _check_types(properties: dict, number: int) -> None:
    """The properties the import reads, of the types OSW gives them: a wrong one is an error
    (as the OSW validator says), not a value silently dropped."""
    if not isinstance(properties.get("highway"), str) or not properties["highway"].strip():
        raise _feature_error("edges", number, _("it has no highway."))
    for key in ("incline", "width", "length"):
        value = properties.get(key)
        if value is not None and not _is_number(value):
            raise _feature_error(
                "edges",
                number,
                _("its %(key)s is not a number (%(value)s).") % {"key": key, "value": value},
            )
    step_count = properties.get("step_count")
    # JSON Schema counts 5.0 as an integer (the valid Redmond data has it).
    if step_count is not None and not (_is_number(step_count) and step_count == int(step_count)):
        raise _feature_error(
            "edges",
            number,
            _("its %(key)s is not a number (%(value)s).")
            % {"key": "step_count", "value": step_count},
        )
    for key in TAG_KEYS:
        value = properties.get(key)
        if value is not None and not isinstance(value, str):
            raise _feature_error(
                "edges",
                number,
                _("its %(key)s is not a text (%(value)s).") % {"key": key, "value": value},
            )


def _tags(properties: dict) -> dict[str, str]:
    """An OSW edge's properties as the OSM tags the OSM reader understands."""
    tags = {key: str(properties[key]) for key in TAG_KEYS if properties.get(key) is not None}
    incline = properties.get("incline")
    if _is_number(incline):
        tags["incline"] = f"{round(incline * 100, 4)}%"
    width = properties.get("width")
    if _is_number(width):
        tags["width"] = f"{width} m"
    step_count = properties.get("step_count")
    if _is_number(step_count):
        tags["step_count"] = str(int(step_count))
    for key in ("highway", "footway", "surface"):
        if isinstance(properties.get(f"ext:{key}"), str):
            tags[key] = properties[f"ext:{key}"]
    markings = properties.get("crossing:markings")
    if properties.get("footway") == "crossing" and isinstance(markings, str):
        # OSM's crossing=marked|unmarked, which the route's instructions read.
        tags["crossing"] = "unmarked" if markings == "no" else "marked"
    if properties.get("ext:oneway:foot") == "yes":
        tags["oneway:foot"] = "yes"
    return tags


def _own_values(attrs: dict[str, object], properties: dict) -> None:
    """What the product's own export wrote in `ext:` properties replaces what the tags say."""
    for key in EXT_TEXT:
        value = properties.get(f"ext:{key}")
        if isinstance(value, str):
            attrs[key] = value
    for key in EXT_BOOL:
        value = properties.get(f"ext:{key}", "absent")
        if value is None or isinstance(value, bool):
            attrs[key] = value if key != "barrier_closed" else bool(value)
    for key in EXT_NUMBER:
        value = properties.get(f"ext:{key}", "absent")
        if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
            attrs[key] = value
    direction = properties.get("ext:incline_direction")
    if direction in (-1, 1):
        attrs["incline_direction"] = direction
    incline = properties.get("incline")
    if isinstance(incline, int | float) and not isinstance(incline, bool):
        attrs["incline_pct"] = round(incline * 100, 4)


def network_from_osw(
    edges: dict, nodes: dict | None, progress: Progress | None = None, country: str = "CZ"
) -> Network:
    """The routing network of an OSW edges collection and its nodes collection."""
    tell = progress or (lambda stage, done, total: None)
    network = Network()
    ids = _Ids()
    positions: dict[str, tuple[float, float]] = {}
    kerbs: dict[str, dict[str, str]] = {}
    for number, feature in enumerate((nodes or {}).get("features", []), start=1):
        coordinates, properties = _geometry(feature, "Point", "nodes", number)
        key = ids.add(properties.get("_id"))
        if not key:
            raise _feature_error("nodes", number, _("it has no _id."))
        positions[key] = _position(coordinates, "nodes", number)
        node_tags = {
            name: str(properties[name])
            for name in ("barrier", "kerb", "tactile_paving")
            if properties.get(name) is not None
        }
        if isinstance(properties.get("ext:kerb:height"), int | float):
            node_tags["kerb:height"] = f"{properties['ext:kerb:height']} cm"
        if node_tags.get("barrier") == "kerb":
            kerbs[key] = node_tags
    read: list[tuple[str, str, str, list[tuple[float, float]], dict]] = []
    total = len(edges["features"])
    for number, feature in enumerate(edges["features"], start=1):
        tell(READ, number, total)
        coordinates, properties = _geometry(feature, "LineString", "edges", number)
        if not isinstance(coordinates, list) or len(coordinates) < 2:
            raise _feature_error("edges", number, _("a line needs at least two positions."))
        coords = [_position(c, "edges", number) for c in coordinates]
        u, v = ids.add(properties.get("_u_id")), ids.add(properties.get("_v_id"))
        if not u or not v:
            raise _feature_error("edges", number, _("it has no _u_id or no _v_id."))
        edge_id = ids.add(properties.get("_id")) or str(number)
        _check_types(properties, number)
        network.ways_read += 1
        tags = _tags(properties)
        # The product's own edges were judged walkable when they were imported, on tags (foot,
        # segregated, access) that OSW does not carry.
        if OWN_EDGE_KEY not in properties and not is_walkable(tags, country):
            continue
        read.append((edge_id, u, v, coords, properties))
    ids.finish()
    network.ways_walkable = len(read)
    tell(SPLIT, 0, len(read))
    crossings_at: dict[str, int] = defaultdict(int)
    for _edge_id, u, v, _coords, properties in read:
        if properties.get("footway") == "crossing":
            crossings_at[u] += 1
            crossings_at[v] += 1
    for edge_id, u, v, coords, properties in read:
        tags = _tags(properties)
        attrs = way_attributes(tags)
        if OWN_EDGE_KEY not in properties:
            crossing = properties.get("footway") == "crossing"
            for end in (u, v):
                if end in kerbs and (crossing or not crossings_at[end]):
                    apply_node(attrs, kerbs[end])
        _own_values(attrs, properties)
        for end, position in ((u, coords[0]), (v, coords[-1])):
            network.nodes[ids[end]] = positions.get(end, position)
        way_id = properties.get("ext:osm_way_id")
        network.edges.append(
            Edge(
                way_id=way_id if isinstance(way_id, int) else _way_id(edge_id, ids),
                source=ids[u],
                target=ids[v],
                coords=coords,
                attrs=attrs,
                oneway=tags.get("oneway:foot") == "yes",
            )
        )
    tell(SPLIT, len(read), len(read))
    return network


def _way_id(edge_id: str, ids: _Ids) -> int:
    return ids[edge_id] if edge_id in ids.numbers else 0


def import_opensidewalks(
    paths: list[str | Path], commit: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Read an OSW dataset and, with `commit`, replace the routing graph with it."""
    started = time.perf_counter()
    edges, nodes = load_dataset(paths)
    network = network_from_osw(edges, nodes, progress, country=settings.ROUTING_COUNTRY)
    if not network.edges:
        raise OpenSidewalksError(
            _("The OpenSidewalks dataset contains no edges a pedestrian may use.")
        )
    if commit:
        write_network(network, progress=progress)
    counts = network.counts
    counts["kerb_edges"] = sum(1 for e in network.edges if e.attrs["kerb_height_cm"] is not None)
    counts["incline_edges"] = sum(1 for e in network.edges if e.attrs["incline_pct"] is not None)
    return ImportResult(counts=counts, committed=commit, seconds=time.perf_counter() - started)
