"""Reading the walkable ways of an OpenStreetMap file into graph edges. Plain Python + pyosmium.
Barrier and entrance nodes: docs/decisions/0011-barrier-nodes-on-edges.md.

pyosmium reads .osm, .osm.gz, .osm.bz2 and .osm.pbf alike (it picks the format from the name).
A way is split into edges at every node that another walkable way shares (an intersection) and at
its ends, so that pgRouting can turn there. Lengths are not computed here: PostGIS measures them on
the spheroid when the edges are written.
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import osmium

from mapping.progress import READ, SPLIT, Progress
from mapping.routing import tags as t
from mapping.routing.access_defaults import foot_by_default

# Ways a pedestrian may use unless tagged otherwise.
WALKABLE_HIGHWAYS = frozenset(
    {
        "footway",
        "pedestrian",
        "path",
        "steps",
        "living_street",
        "residential",
        "service",
        "unclassified",
        "tertiary",
        "tertiary_link",
        "secondary",
        "secondary_link",
        "primary",
        "primary_link",
        "track",
        "road",
        "corridor",
        "platform",
    }
)
# Ways a pedestrian may use where foot=* says so, or where the country's law lets them by default
# (access_defaults.FOOT_BY_DEFAULT).
WALKABLE_IF_FOOT_ALLOWED = frozenset({"cycleway", "bridleway", "trunk", "trunk_link"})
FOOT_ALLOWED = t.FOOT_ALLOWED
FOOT_FORBIDDEN = t.FOOT_FORBIDDEN
ACCESS_FORBIDDEN = t.ACCESS_FORBIDDEN
# The country whose default access rules apply (settings.ROUTING_COUNTRY, passed by the import).
DEFAULT_COUNTRY = "CZ"

# Node tags that describe a kerb, a crossing or a signal on the way through that node.
NODE_KEYS = (
    "kerb",
    "kerb:height",
    "barrier",
    "highway",
    "crossing",
    "crossing:signals",
    "traffic_signals:sound",
    "button_operated",
    "tactile_paving",
    "entrance",
    "railway",
)
# Read from a node that one of NODE_KEYS brought in: what a barrier or an entrance lets through.
BARRIER_KEYS = ("wheelchair", "access", "foot", "locked", "maxwidth", "maxwidth:physical", "width")


@dataclass
class Edge:
    way_id: int
    source: int
    target: int
    coords: list[tuple[float, float]]
    attrs: dict[str, object]
    oneway: bool = False


@dataclass
class Address:
    street: str
    house_number: str
    postcode: str
    city: str
    name: str
    lon: float
    lat: float


@dataclass
class Network:
    nodes: dict[int, tuple[float, float]] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    ways_read: int = 0
    ways_walkable: int = 0

    @property
    def counts(self) -> dict[str, int]:
        return {
            "ways_read": self.ways_read,
            "ways_walkable": self.ways_walkable,
            "nodes": len(self.nodes),
            "edges": len(self.edges),
            "steps_edges": sum(1 for e in self.edges if e.attrs["steps"]),
            "crossing_edges": sum(1 for e in self.edges if e.attrs["crossing"]),
            "addresses": len(self.addresses),
        }


def address_from(tags, lon: float, lat: float) -> Address | None:
    """The address of a node or a building (addr:housenumber with a street or a place)."""
    number = (tags.get("addr:housenumber") or tags.get("addr:conscriptionnumber") or "").strip()
    street = (tags.get("addr:street") or tags.get("addr:place") or "").strip()
    if not number or not street:
        return None
    return Address(
        street=street[:200],
        house_number=number[:30],
        postcode=(tags.get("addr:postcode") or "").strip()[:20],
        city=(tags.get("addr:city") or "").strip()[:200],
        name=(tags.get("name") or "").strip()[:300],
        lon=lon,
        lat=lat,
    )


def _way_centre(way) -> tuple[float, float] | None:
    points = [(n.lon, n.lat) for n in way.nodes if n.location.valid()]
    if not points:
        return None
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def has_pedestrian_part(tags: dict[str, str]) -> bool:
    """A cycleway drawn with its footway: a crossing of both (footway=crossing), a path split into
    a foot and a cycle lane (segregated=yes) or shared by both (segregated=no), or a sidewalk."""
    return (
        tags.get("footway") in {"crossing", "sidewalk"}
        or tags.get("segregated") in {"yes", "no"}
        or tags.get("sidewalk", "no") not in {"no", "none", "separate"}
    )


def is_walkable(tags: dict[str, str], country: str = DEFAULT_COUNTRY) -> bool:
    highway = tags.get("highway", "")
    foot = tags.get("foot", "").strip().lower()
    if foot in FOOT_FORBIDDEN:
        return False
    if tags.get("access", "").strip().lower() in ACCESS_FORBIDDEN and foot not in FOOT_ALLOWED:
        return False
    if highway in WALKABLE_HIGHWAYS:
        return True
    if highway not in WALKABLE_IF_FOOT_ALLOWED:
        return False
    if foot in FOOT_ALLOWED:
        return True
    if highway == "cycleway" and has_pedestrian_part(tags):
        return True
    return bool(foot_by_default(highway, country)) and not foot


def is_crossing_way(tags: dict[str, str]) -> bool:
    return tags.get("footway") == "crossing" or tags.get("path") == "crossing"


def way_attributes(tags: dict[str, str]) -> dict[str, object]:
    """The accessibility attributes of a way, before its nodes add kerbs and signals."""
    highway = tags.get("highway", "")
    incline, incline_direction = t.parse_incline(tags.get("incline"))
    crossing = (tags.get("crossing") or "").strip().lower()
    if not crossing and is_crossing_way(tags):
        crossing = "yes"
    signals = None
    if crossing:
        signals = "traffic_signals" in crossing or t.parse_yes_no(tags.get("crossing:signals"))
    return {
        "name": (tags.get("name") or tags.get("ref") or "")[:300],
        "highway": highway[:40],
        "footway": (tags.get("footway") or "")[:40],
        "steps": highway == "steps",
        "step_count": t.parse_step_count(tags.get("step_count")),
        "incline_pct": incline,
        "incline_direction": incline_direction,
        "surface": t.parse_surface(tags.get("surface"))[:60],
        "smoothness": t.parse_smoothness(tags.get("smoothness")),
        "width_cm": t.parse_length_cm(tags.get("width") or tags.get("est_width")),
        "kerb_height_cm": t.kerb_height_from_tags(tags),
        "tactile_paving": t.parse_tactile_paving(tags.get("tactile_paving")),
        "crossing": crossing[:40],
        "traffic_signals": signals,
        "traffic_signals_sound": t.parse_yes_no(tags.get("traffic_signals:sound")),
        "button_operated": t.parse_yes_no(tags.get("button_operated")),
        "wheelchair": t.parse_wheelchair(tags.get("wheelchair")),
        "lit": t.parse_yes_no(tags.get("lit")),
        "barrier": "",
        "barrier_wheelchair": "",
        "barrier_closed": False,
    }


def apply_barrier_node(attrs: dict[str, object], node_tags: dict[str, str]) -> None:
    """Let a barrier or an entrance node on the edge (barrier=*, entrance=*,
    railway=subway_entrance, highway=elevator) shape the edge: its kind, its wheelchair=*,
    whether its access closes it, and its width (maxwidth) as the edge's narrowest passage."""
    kind = t.barrier_kind(node_tags)
    if not kind:
        return
    wheelchair = t.parse_wheelchair(node_tags.get("wheelchair"))
    # A gate tagged locked=yes is closed whatever its access (the wiki's Key:locked).
    closed = t.closed_to_pedestrians(node_tags) or node_tags.get("locked") == "yes"
    width = t.parse_length_cm(
        node_tags.get("maxwidth:physical") or node_tags.get("maxwidth") or node_tags.get("width")
    )
    if kind in t.ENTRANCE_KINDS and not (wheelchair or closed or width is not None):
        return  # an entrance that says nothing about passing it
    current = (attrs["barrier"], attrs["barrier_wheelchair"], attrs["barrier_closed"])
    kind, wheelchair, closed = t.worse_barrier(current, (kind, wheelchair, closed))
    attrs.update(barrier=kind, barrier_wheelchair=wheelchair, barrier_closed=closed)
    if width is not None:
        current_width = attrs["width_cm"]
        attrs["width_cm"] = width if current_width is None else min(current_width, width)


def barrier_applies(tags: dict[str, str], node_tags: dict[str, str], interior: bool, way_end: bool):
    """Whether a barrier node on the way stands across the edge. Inside the edge it does. Where
    ways meet it stands on the ways that lead to it, not on a street or a sidewalk passing by
    (a gate at the start of a park path does not close the sidewalk); an entrance stands on the
    ways that end at it (the steps and the passage below a subway entrance)."""
    if interior:
        return True
    if tags.get("highway", "") in ROADS or tags.get("footway") == "sidewalk":
        return False
    return way_end or t.barrier_kind(node_tags) not in t.ENTRANCE_KINDS


# Roads: a crossing node on one is where pedestrians cross it, not a property of walking along it.
ROADS = frozenset(
    WALKABLE_HIGHWAYS - {"footway", "pedestrian", "path", "steps", "corridor", "platform"}
)


def apply_node(attrs: dict[str, object], node_tags: dict[str, str]) -> None:
    """Let a kerb, crossing or signal node on the edge shape the edge's attributes."""
    is_kerb = (
        node_tags.get("barrier") == "kerb" or "kerb" in node_tags or "kerb:height" in node_tags
    )
    if is_kerb:
        height = t.kerb_height_from_tags(node_tags)
        if height is None and node_tags.get("barrier") == "kerb":
            # A kerb node with no height: a full kerb until someone measures it.
            height = t.KERB_HEIGHTS_CM["raised"]
        if height is not None:
            current = attrs["kerb_height_cm"]
            attrs["kerb_height_cm"] = height if current is None else max(current, height)
    if attrs["highway"] in ROADS:
        return
    highway = node_tags.get("highway")
    crossing = (node_tags.get("crossing") or "").strip().lower()
    if highway == "crossing" or crossing:
        attrs["crossing"] = attrs["crossing"] or crossing or "yes"
    # A traffic_signals node on a road without a crossing is the vehicles' signal at a junction.
    if "traffic_signals" in crossing or (highway == "traffic_signals" and attrs["crossing"]):
        attrs["traffic_signals"] = True
    elif crossing and attrs["traffic_signals"] is None:
        attrs["traffic_signals"] = t.parse_yes_no(node_tags.get("crossing:signals"))
    for key, attr in (
        ("traffic_signals:sound", "traffic_signals_sound"),
        ("button_operated", "button_operated"),
    ):
        value = t.parse_yes_no(node_tags.get(key))
        if value is not None:
            attrs[attr] = value
    tactile = t.parse_tactile_paving(node_tags.get("tactile_paving"))
    if tactile is not None and (highway == "crossing" or crossing or is_kerb):
        attrs["tactile_paving"] = (
            tactile if attrs["tactile_paving"] is None else (attrs["tactile_paving"] and tactile)
        )


def read_network(
    path: str | Path, progress: Progress | None = None, country: str = DEFAULT_COUNTRY
) -> Network:
    """Read the walkable ways of an OSM file and split them into edges; `progress`
    (mapping.progress) hears of every way read (how many there are is not known beforehand)."""
    tell = progress or (lambda stage, done, total: None)
    network = Network()
    node_tags: dict[int, dict[str, str]] = {}
    ways: list[tuple[int, list[tuple[int, float, float]], dict[str, str]]] = []
    processor = (
        osmium.FileProcessor(str(path))
        .with_locations()
        .with_filter(osmium.filter.EntityFilter(osmium.osm.NODE | osmium.osm.WAY))
        .with_filter(osmium.filter.EmptyTagFilter())
    )
    for obj in processor:
        if obj.is_node():
            if any(key in obj.tags for key in NODE_KEYS):
                node_tags[obj.id] = {
                    k: obj.tags[k] for k in (*NODE_KEYS, *BARRIER_KEYS) if k in obj.tags
                }
            if "addr:housenumber" in obj.tags or "addr:conscriptionnumber" in obj.tags:
                address = address_from(obj.tags, obj.location.lon, obj.location.lat)
                if address:
                    network.addresses.append(address)
            continue
        network.ways_read += 1
        tell(READ, network.ways_read, None)
        tags = dict(obj.tags)
        if "addr:housenumber" in tags or "addr:conscriptionnumber" in tags:
            centre = _way_centre(obj)
            address = address_from(tags, *centre) if centre else None
            if address:
                network.addresses.append(address)
        if not is_walkable(tags, country):
            continue
        refs: list[tuple[int, float, float]] = []
        for node in obj.nodes:
            if not node.location.valid():
                continue  # a node outside the extract: the way is cut at the extract's edge
            if refs and refs[-1][0] == node.ref:
                continue  # a doubled node makes a zero-length segment
            refs.append((node.ref, node.lon, node.lat))
        if len(refs) >= 2:
            ways.append((obj.id, refs, tags))
    network.ways_walkable = len(ways)
    tell(SPLIT, 0, len(ways))
    _split(network, ways, node_tags)
    tell(SPLIT, len(ways), len(ways))
    return network


def network_from_ways(
    ways: list[tuple[int, list[tuple[int, float, float]], dict[str, str]]],
    node_tags: dict[int, dict[str, str]],
    country: str = DEFAULT_COUNTRY,
) -> Network:
    """The network of ways given as data rather than read from a file (the demo town's): each
    way (id, [(node id, lon, lat), ...], tags), with the tags of kerb, crossing and signal
    nodes. The same filter and the same splitting as an OSM file get."""
    network = Network()
    network.ways_read = len(ways)
    walkable = [way for way in ways if is_walkable(way[2], country)]
    network.ways_walkable = len(walkable)
    _split(network, walkable, node_tags)
    return network


def _split(network, ways, node_tags) -> None:
    uses: Counter[int] = Counter()
    for _way_id, refs, _tags in ways:
        uses.update(ref for ref, _lon, _lat in refs)
        # Both ends are vertices; counting them again makes them count as shared.
        uses[refs[0][0]] += 1
        uses[refs[-1][0]] += 1
    for way_id, refs, tags in ways:
        base = way_attributes(tags)
        crossing_way = is_crossing_way(tags) or bool(base["crossing"])
        oneway = tags.get("oneway:foot") == "yes"
        way_ends = {refs[0][0], refs[-1][0]}
        cut = [i for i, (ref, _lon, _lat) in enumerate(refs) if i == 0 or uses[ref] > 1]
        if cut[-1] != len(refs) - 1:
            cut.append(len(refs) - 1)
        if len(cut) == 2 and refs[0][0] == refs[-1][0] and len(refs) > 3:
            # A closed way (a square's outline): cut it in half so it is not a single self-loop.
            cut.insert(1, len(refs) // 2)
        for start, end in zip(cut, cut[1:], strict=False):
            part = refs[start : end + 1]
            attrs = dict(base)
            for position, (ref, _lon, _lat) in enumerate(part):
                tags_here = node_tags.get(ref)
                if not tags_here:
                    continue
                interior = 0 < position < len(part) - 1
                if interior or crossing_way or ref in way_ends:
                    apply_node(attrs, tags_here)
                if barrier_applies(tags, tags_here, interior, ref in way_ends):
                    apply_barrier_node(attrs, tags_here)
            for ref, lon, lat in (part[0], part[-1]):
                network.nodes[ref] = (lon, lat)
            network.edges.append(
                Edge(
                    way_id=way_id,
                    source=part[0][0],
                    target=part[-1][0],
                    coords=[(lon, lat) for _ref, lon, lat in part],
                    attrs=attrs,
                    oneway=oneway,
                )
            )
