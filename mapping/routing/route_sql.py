"""The SQL of the route search, read once from the files in mapping/routing/sql/ (the route service,
mapping.routing.service, runs them with bound values).

Each statement is a file of its own (profile.sql, grow_area.sql, snap.sql, and
walk.sql: a path as walked, its steps given (walk_given.sql) or found by the search
(walk_search.sql over edges.sql)). The pieces that several of them share are files too, which a
statement names in braces: {route_settings} (the profile and the search area, read from the
transaction's settings), {active_barriers} (the barriers in force), {edge_breaks_limits} and
{barrier_closes_way} (the limits that an edge or a barrier can break), {covers_graph} (whether
the search area holds the whole graph). psycopg's sql.SQL.format puts them in once, here,
with the few constants that the SQL shares with Python as quoted literals (what "published" is,
which surfaces are rough, what crossing a blocked edge costs); nothing else is ever put into the
text, and values from a request are always bound.
"""

from pathlib import Path

from psycopg import sql

from mapping.models.published import PUBLISHED_SQL
from mapping.routing.tags import BAD_SMOOTHNESS, ROUGH_SURFACES

SQL_DIR = Path(__file__).resolve().parent / "sql"


def _read(name: str, **parts: sql.Composable) -> sql.Composed:
    return sql.SQL((SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")).format(**parts)


def _statement(name: str, **parts: sql.Composable) -> str:
    return _read(name, **parts).as_string(None)


_ROUTE_SETTINGS = _read("route_settings")
_ACTIVE_BARRIERS = _read(
    "active_barriers",
    a_is_published=sql.SQL(PUBLISHED_SQL),
    rough_surfaces=sql.Literal(sorted(ROUGH_SURFACES)),
    bad_smoothness=sql.Literal(list(BAD_SMOOTHNESS)),
)
_LIMITS = {
    "edge_breaks_limits": _read("edge_breaks_limits"),
    "barrier_closes_way": _read("barrier_closes_way"),
    "barrier_on_edge": _read("barrier_on_edge"),
}

# What crossing one blocked edge costs, in metres: more than any route within the limits (30 km
# at most, times its soft costs, plus the penalties, which edges.sql caps at 1e6 m).
BLOCKED_COST = 1e9


def _edges(whole_graph: bool, blocked_cost: float) -> str:
    return _statement(
        "edges",
        route_settings=_ROUTE_SETTINGS,
        active_barriers=_ACTIVE_BARRIERS,
        whole_graph=sql.Literal(whole_graph),
        blocked_cost=sql.Literal(blocked_cost),
        **_LIMITS,
    )


_COVERS_GRAPH = _read("covers_graph")
PROFILE_SQL = _statement("profile")
GROW_AREA_SQL = _statement("grow_area", covers_graph=_COVERS_GRAPH)
SNAP_SQL = _statement(
    "snap",
    route_settings=_ROUTE_SETTINGS,
    active_barriers=_ACTIVE_BARRIERS,
    covers_graph=_COVERS_GRAPH,
    **_LIMITS,
)
# The graph inside the search area with blocked edges at their cost, and without them; the whole
# graph likewise.
EDGES_SQL = _edges(whole_graph=False, blocked_cost=BLOCKED_COST)
EDGES_WITHIN_LIMITS_SQL = _edges(whole_graph=False, blocked_cost=-1)
EDGES_WHOLE_SQL = _edges(whole_graph=True, blocked_cost=BLOCKED_COST)
EDGES_WHOLE_WITHIN_LIMITS_SQL = _edges(whole_graph=True, blocked_cost=-1)
WALK_SQL = _statement(
    "walk",
    active_barriers=_ACTIVE_BARRIERS,
    barrier_on_edge=_LIMITS["barrier_on_edge"],
    steps=_read("walk_given"),
)
# The search and the walk of its path in one statement.
ROUTE_SQL = _statement(
    "walk",
    active_barriers=_ACTIVE_BARRIERS,
    barrier_on_edge=_LIMITS["barrier_on_edge"],
    steps=_read("walk_search"),
)
