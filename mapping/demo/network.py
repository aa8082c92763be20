"""The demo town's pedestrian network (the "network" of mapping/demo/pisek.json) into the routing
graph, through the same reader and writer as an imported OpenStreetMap file.

The file's ids are small positive numbers; they are negated here, as OSM editors number objects
that were never uploaded, so that the demo network is told apart from an imported one. A network
a coordinator imported (any edge with a real, positive OSM way id) is never replaced by the demo.
"""

from django.utils.translation import gettext as _

from mapping.models import NetworkEdge
from mapping.routing.osm_import import write_network
from mapping.routing.osm_reader import NODE_KEYS, network_from_ways


def imported_network_exists() -> bool:
    """Whether the graph holds a network imported from OpenStreetMap (not the demo's)."""
    return NetworkEdge.objects.filter(osm_way_id__gt=0).exists()


def read_demo_network(data: dict):
    """The Network of the file's "network" section, ids negated."""
    positions: dict[int, tuple[float, float]] = {}
    node_tags: dict[int, dict[str, str]] = {}
    for node in data["nodes"]:
        node_id, lon, lat = -node[0], node[1], node[2]
        positions[node_id] = (lon, lat)
        tags = node[3] if len(node) > 3 else {}
        kept = {key: value for key, value in tags.items() if key in NODE_KEYS}
        if kept:
            node_tags[node_id] = kept
    ways = [
        (-way["id"], [(-ref, *positions[-ref]) for ref in way["nodes"]], way["tags"])
        for way in data["ways"]
    ]
    return network_from_ways(ways, node_tags)


def load_demo_network(data: dict) -> tuple[int, str]:
    """Write the demo network unless an imported one is there. Returns the number of edges
    written (0 when kept) and a line for the report."""
    if imported_network_exists():
        return 0, _(
            "network: the street network imported from OpenStreetMap is kept (the demo "
            "network is loaded only where there is none)"
        )
    network = read_demo_network(data)
    write_network(network)
    return len(network.edges), _("network: %(edges)s edges between %(nodes)s nodes") % {
        "edges": len(network.edges),
        "nodes": len(network.nodes),
    }
