"""Importing the pedestrian network: read an OSM file, then replace the graph in one transaction.

The edges are written with COPY into temporary staging tables, and from them into new tables
shaped like the live ones (`<table>_new`), which are indexed and analysed there, unseen by route
requests, which go on using the live tables meanwhile. Then the new tables are renamed into place
and the old ones dropped, in one short step at the end of the same transaction: a route is
computed either on the old graph or on the new one, never on a half-built one, and waits a few
milliseconds at most. The transaction alone runs without the statement timeout. Lengths are
measured by PostGIS on the spheroid (geography).
"""

import bz2
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils.translation import gettext as _
from psycopg.errors import LockNotAvailable

from mapping.progress import SWAP, WRITE, Progress
from mapping.routing.osm_reader import Edge, Network, read_network
from mapping.routing.tags import surface_class

SUPPORTED_SUFFIXES = (".osm", ".osm.gz", ".osm.bz2", ".osm.pbf", ".pbf", ".osm.xml", ".xml")

# The attributes of a network edge read from OpenStreetMap (osm_reader.way_attributes), written
# here and read back with each edge of a route (mapping.routing.edges.WalkedEdge).
EDGE_ATTRIBUTES = (
    "name",
    "highway",
    "footway",
    "steps",
    "step_count",
    "incline_pct",
    "incline_direction",
    "surface",
    "smoothness",
    "width_cm",
    "kerb_height_cm",
    "tactile_paving",
    "crossing",
    "traffic_signals",
    "traffic_signals_sound",
    "button_operated",
    "wheelchair",
    "lit",
    "barrier",
    "barrier_wheelchair",
    "barrier_closed",
)
# Worked out from the attributes when an edge is written (_edge_rows).
DERIVED_ATTRIBUTES = ("surface_class", "tagged")

EDGE_COLUMNS = (
    "id",
    "source",
    "target",
    "geom_ewkt",
    "oneway",
    "osm_way_id",
    *EDGE_ATTRIBUTES,
    *DERIVED_ATTRIBUTES,
)

# Dropped explicitly too: inside an outer transaction (a test, an admin action) ON COMMIT never
# comes before the next import.
DROP_STAGING_SQL = (
    "DROP TABLE IF EXISTS routing_stage_node, routing_stage_edge, routing_stage_address"
)
STAGING_SQL = """
CREATE TEMPORARY TABLE routing_stage_node (id bigint, geom_ewkt text) ON COMMIT DROP;
CREATE TEMPORARY TABLE routing_stage_address (
    street text, house_number text, postcode text, city text, name text, lon float8, lat float8
) ON COMMIT DROP;
CREATE TEMPORARY TABLE routing_stage_edge (
    id bigint, source bigint, target bigint, geom_ewkt text, oneway boolean, osm_way_id bigint,
    name text, highway text, footway text, steps boolean, step_count integer, incline_pct float8,
    incline_direction smallint, surface text, smoothness text, width_cm float8,
    kerb_height_cm float8, tactile_paving boolean, crossing text, traffic_signals boolean,
    traffic_signals_sound boolean, button_operated boolean, wheelchair text, lit boolean,
    barrier text, barrier_wheelchair text, barrier_closed boolean, surface_class smallint,
    tagged boolean
) ON COMMIT DROP;
"""

ADDRESS_COLUMNS = ("street", "house_number", "postcode", "city", "name", "lon", "lat")

# The live tables of the graph. The import fills a new table of each (`<table>_new`, with the
# live one's columns, constraints and indexes), unseen by route requests until the swap renames
# all three into place in one short transaction.
NETWORK_TABLES = ("mapping_networkedge", "mapping_networknode", "mapping_networkaddress")

# The new tables are filled from the staging tables; several buildings of one address (a
# factory, a school) make one address at their centre.
FILL_SQL = """
INSERT INTO mapping_networkaddress_new (street, house_number, postcode, city, name, geom)
SELECT street, house_number, postcode, city,
       left(coalesce(string_agg(DISTINCT nullif(name, ''), ', '), ''), 300),
       ST_Centroid(ST_Collect(ST_SetSRID(ST_MakePoint(lon, lat), 4326)))
FROM routing_stage_address
GROUP BY street, house_number, postcode, city;
INSERT INTO mapping_networknode_new (id, geom)
SELECT id, ST_GeomFromEWKT(geom_ewkt) FROM routing_stage_node;
"""
# The edges, measured on the spheroid, with two columns worked out once here so that the route
# search skips most edges (mapping/routing/sql/edges.sql): a surface graded uneven or worse
# (`rough`, mapping.routing.tags.surface_class), and `plain`: nothing on the edge that any limit
# or preference reads, so that its cost is its length.
INSERT_EDGES_SQL = """
INSERT INTO mapping_networkedge_new (
    id, source, target, cost, reverse_cost, length_m, geom, rough, plain, {attributes})
SELECT id, source, target, len, CASE WHEN oneway THEN -1 ELSE len END, len, geom, rough,
       coalesce(NOT (steps OR kerb_height_cm IS NOT NULL OR width_cm IS NOT NULL
                     OR incline_pct IS NOT NULL OR incline_direction <> 0 OR rough
                     OR wheelchair IN ('no', 'limited') OR crossing <> ''
                     OR barrier <> '' OR barrier_closed), false),
       {attributes}
FROM (
    SELECT s.*, ST_GeomFromEWKT(s.geom_ewkt) AS geom,
           ST_Length(ST_GeomFromEWKT(s.geom_ewkt)::geography) AS len,
           s.surface_class > 0 AS rough
    FROM routing_stage_edge s
) AS measured
"""
# The indexes of a table: name and definition.
INDEXES_SQL = (
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
    "AND tablename = %s ORDER BY indexname"
)
# How long the swap waits for the route requests running on the old graph before it gives up
# and tries again (each try holds the route requests back for at most this long).
SWAP_LOCK_TIMEOUT = "2s"
SWAP_TRIES = 5
# What makes an edge "tagged": OpenStreetMap says something about passing it.
TAGGED_ATTRIBUTES = (
    "surface",
    "smoothness",
    "incline_pct",
    "width_cm",
    "kerb_height_cm",
    "step_count",
    "wheelchair",
    "barrier",
)


@dataclass
class ImportResult:
    counts: dict[str, int]
    committed: bool
    seconds: float


class ImportFileError(ValueError):
    """A file the import cannot read; the message is meant for the volunteer who chose it."""


def check_file(path: str | Path) -> Path:
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(_("The file %(path)s does not exist.") % {"path": path})
    if not path.name.lower().endswith(SUPPORTED_SUFFIXES):
        raise ImportFileError(_not_osm_name(path.name))
    return path


def check_content(name: str, head: bytes) -> None:
    """ImportFileError unless `head`, the first bytes of the file `name` (a megabyte is plenty),
    looks like OpenStreetMap data of the type its name says: the quick check of an upload."""
    lower = name.lower()
    if not lower.endswith(SUPPORTED_SUFFIXES):
        raise ImportFileError(_not_osm_name(name))
    if lower.endswith(".pbf"):
        looks_right = b"OSMHeader" in head[:64]
    else:
        start = _decompressed_start(lower, head)
        # Empty: a bzip2 block is longer than the head; the reader will tell.
        looks_right = start is not None and (start == b"" or b"<osm" in start)
    if not looks_right:
        raise ImportFileError(
            _("The file %(name)s does not contain OpenStreetMap data.") % {"name": name}
        )


def _decompressed_start(lower_name: str, head: bytes) -> bytes | None:
    try:
        if lower_name.endswith(".gz"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 8192)
        if lower_name.endswith(".bz2"):
            return bz2.BZ2Decompressor().decompress(head, 8192)
    except (zlib.error, OSError, EOFError, ValueError):
        return None
    return head[:8192]


def _not_osm_name(name: str) -> str:
    return _(
        "The file %(name)s is not an OpenStreetMap file: use .osm, .osm.gz, .osm.bz2 or .osm.pbf."
    ) % {"name": name}


def import_network(
    path: str | Path, commit: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Read `path` and, with `commit`, replace the routing graph with it. `progress`
    (mapping.progress) hears of every way read and every edge written."""
    started = time.perf_counter()
    path = check_file(path)
    try:
        network = read_network(path, progress=progress, country=settings.ROUTING_COUNTRY)
    except RuntimeError as error:
        # pyosmium raises RuntimeError for a damaged or truncated file.
        raise ImportFileError(
            _("The file %(name)s could not be read as OpenStreetMap data.") % {"name": path.name}
        ) from error
    if not network.edges:
        raise ImportFileError(
            _("The file %(name)s contains no ways a pedestrian may use.") % {"name": path.name}
        )
    if commit:
        write_network(network, progress=progress)
    return ImportResult(
        counts=network.counts, committed=commit, seconds=time.perf_counter() - started
    )


def _node_rows(network: Network):
    for node_id, (lon, lat) in network.nodes.items():
        yield (node_id, f"SRID=4326;POINT({lon!r} {lat!r})")


# The barrier attributes of an edge built before barrier nodes were read (a test's, the demo's).
_NO_BARRIER = {"barrier": "", "barrier_wheelchair": "", "barrier_closed": False}


def _derived(attrs: dict[str, object]) -> tuple:
    tagged = any(attrs.get(name) not in (None, "") for name in TAGGED_ATTRIBUTES)
    tagged = tagged or bool(attrs.get("steps")) or bool(attrs.get("incline_direction"))
    return surface_class(str(attrs["surface"]), str(attrs["smoothness"])), tagged


def _edge_rows(network: Network):
    edge: Edge
    for number, edge in enumerate(network.edges, start=1):
        points = ",".join(f"{lon!r} {lat!r}" for lon, lat in edge.coords)
        attrs = _NO_BARRIER | edge.attrs
        yield (
            number,
            edge.source,
            edge.target,
            f"SRID=4326;LINESTRING({points})",
            edge.oneway,
            edge.way_id,
            *(attrs[column] for column in EDGE_ATTRIBUTES),
            *_derived(attrs),
        )


def _index_key(definition: str, name: str, table: str) -> str:
    """An index's definition without its own name and its table's: what tells which index of
    the new table stands for which of the live one."""
    return definition.replace(f" {name} ON ", " ON ", 1).replace(f".{table} ", ". ", 1)


def _indexes(cursor, table: str) -> list[tuple[str, str]]:
    cursor.execute(INDEXES_SQL, [table])
    return cursor.fetchall()


def _create_new_tables(cursor) -> dict[str, list[str]]:
    """Empty new tables shaped like the live ones, without their secondary indexes (built after
    the load, at once, which is much faster than row by row). Returns each table's dropped index
    definitions."""
    dropped: dict[str, list[str]] = {}
    for table in NETWORK_TABLES:
        # Table names are the constants above, never values: safe to format.
        cursor.execute(f"DROP TABLE IF EXISTS {table}_new")
        cursor.execute(f"CREATE TABLE {table}_new (LIKE {table} INCLUDING ALL)")
        dropped[table] = []
        for name, definition in _indexes(cursor, f"{table}_new"):
            if name != f"{table}_new_pkey":
                cursor.execute(f'DROP INDEX "{name}"')
                dropped[table].append(definition)
    return dropped


def _swap_in(cursor) -> None:
    """Rename the new tables into place and drop the old ones, then give the new tables' indexes,
    primary keys and identity sequences the old names (which the migrations know). Route
    requests wait for this, not for the load: a few milliseconds."""
    names: list[tuple[str, str]] = []
    for table in NETWORK_TABLES:
        live = {}
        for name, definition in _indexes(cursor, table):
            live.setdefault(_index_key(definition, name, table), []).append(name)
        for name, definition in _indexes(cursor, f"{table}_new"):
            old_names = live.get(_index_key(definition, name, f"{table}_new"))
            if old_names:
                names.append((name, old_names.pop()))
    cursor.execute(f"SET LOCAL lock_timeout = '{SWAP_LOCK_TIMEOUT}'")
    for table in NETWORK_TABLES:
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
        cursor.execute(f"ALTER TABLE {table}_new RENAME TO {table}")
    for table in NETWORK_TABLES:
        cursor.execute(f"DROP TABLE {table}_old")
    for new_name, old_name in names:
        cursor.execute(f'ALTER INDEX "{new_name}" RENAME TO "{old_name}"')
    cursor.execute(
        "SELECT pg_get_serial_sequence('mapping_networkaddress', 'id'), "
        "'mapping_networkaddress_id_seq'"
    )
    sequence, name = cursor.fetchone()
    if sequence and sequence.split(".")[-1] != name:
        cursor.execute(f"ALTER SEQUENCE {sequence} RENAME TO {name}")
    cursor.execute("SET LOCAL lock_timeout = 0")


def write_network(network: Network, progress: Progress | None = None) -> None:
    """Replace the graph with `network`: staged by COPY, loaded into new tables and indexed there
    while route requests go on using the live ones, then swapped in by renaming (_swap_in)."""
    tell = progress or (lambda stage, done, total: None)
    edges = len(network.edges)
    attributes = ", ".join(("osm_way_id", *EDGE_ATTRIBUTES, *DERIVED_ATTRIBUTES))
    with transaction.atomic(), connection.cursor() as cursor:
        # Copying and indexing a region's network outlasts the requests' statement timeout
        # (DATABASE_STATEMENT_TIMEOUT_MS); this transaction alone goes without one.
        cursor.execute("SET LOCAL statement_timeout = 0")
        cursor.execute(DROP_STAGING_SQL)
        cursor.execute(STAGING_SQL)
        with cursor.copy("COPY routing_stage_node (id, geom_ewkt) FROM STDIN") as copy:
            for row in _node_rows(network):
                copy.write_row(row)
        with cursor.copy(
            f"COPY routing_stage_edge ({', '.join(EDGE_COLUMNS)}) FROM STDIN"  # noqa: S608
        ) as copy:
            for count, row in enumerate(_edge_rows(network), start=1):
                copy.write_row(row)
                tell(WRITE, count, edges)
        with cursor.copy(
            f"COPY routing_stage_address ({', '.join(ADDRESS_COLUMNS)}) FROM STDIN"  # noqa: S608
        ) as copy:
            for address in network.addresses:
                copy.write_row(tuple(getattr(address, column) for column in ADDRESS_COLUMNS))
        # The swap's three steps: fill the new tables, index them, rename them into place.
        tell(SWAP, 0, 2)
        dropped = _create_new_tables(cursor)
        cursor.execute(FILL_SQL)
        # Column names only (constants above), never values: safe to format.
        cursor.execute(INSERT_EDGES_SQL.format(attributes=attributes))
        cursor.execute(DROP_STAGING_SQL)
        for table, definitions in dropped.items():
            for definition in definitions:
                cursor.execute(definition)
            cursor.execute(f"ANALYZE {table}_new")
        tell(SWAP, 1, 2)
        _swap_with_retries(cursor)
        tell(SWAP, 2, 2)


def _swap_with_retries(cursor) -> None:
    """The swap, tried again when route requests on the old graph hold it up past the lock
    timeout (a savepoint keeps the loaded tables)."""
    for attempt in range(1, SWAP_TRIES + 1):
        try:
            with transaction.atomic():
                _swap_in(cursor)
            return
        except OperationalError as error:
            if attempt == SWAP_TRIES or not isinstance(error.__cause__, LockNotAvailable):
                raise
