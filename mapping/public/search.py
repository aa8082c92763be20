"""Search and listing of the published places, in SQL.

Search ignores Czech diacritics and case ("namesti" finds "náměstí"): both the query and the
document go through lower() and bf_unaccent(), and pg_trgm's word similarity ranks the matches
(the trigram GIN index of migration 0002_public_search serves the `<%` operator). Ties in
similarity go to the place nearest to the map centre.
"""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.db import connection

from mapping.public.filters import PlaceFilters
from mapping.public.queries import filter_clauses, public_places_from

# Must match the expression of the index place_search_trgm character for character.
SEARCH_DOCUMENT_SQL = (
    "bf_unaccent(lower(p.name || ' ' || p.street || ' ' || p.house_number || ' ' || p.city))"
)
QUERY_SQL = "bf_unaccent(lower(%s))"

MIN_QUERY_LENGTH = 2

ROW_COLUMNS = """
    p.id, p.name, p.kind, p.street, p.house_number, p.city,
    NULLIF(a.wheelchair, '') AS wheelchair, NULLIF(a.seniors, '') AS seniors,
    NULLIF(a.pram, '') AS pram, a.has_accessible_toilet AS toilet,
    ST_Y(p.location) AS lat, ST_X(p.location) AS lon,
    ST_Distance(p.location::geography, ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography)
        AS distance_m
"""

SORTS = ("relevance", "distance", "name")

# The social services of the places of one page, computed for that page's rows only.
PAGE_SERVICES_SQL = """
COALESCE((
    SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'type', s.service_type)
                    ORDER BY s.name, s.id)
    FROM mapping_service_places sp JOIN mapping_service s ON s.id = sp.service_id
    WHERE sp.place_id = page.id
), '[]'::json)
"""


@dataclass(frozen=True)
class PlaceRow:
    id: int
    name: str
    kind: str
    street: str
    house_number: str
    city: str
    wheelchair: str | None
    seniors: str | None
    pram: str | None
    toilet: bool
    lat: float
    lon: float
    distance_m: float
    score: float | None = None
    name_rank: int | None = None
    # With the visitor's limits (mapping.public.limits): whether the place is a barrier for them,
    # and the lowest step and the widest door of its entrances, in cm.
    barrier: bool | None = None
    step_cm: Decimal | None = None
    door_cm: Decimal | None = None
    # The catalogue's social services provided here: dicts of id, name and type.
    services: tuple = ()

    @property
    def address(self) -> str:
        street = " ".join(part for part in (self.street, self.house_number) if part)
        return ", ".join(part for part in (street, self.city) if part)

    def category(self, profile: str) -> str | None:
        return (
            getattr(self, profile, None) if profile in ("wheelchair", "seniors", "pram") else None
        )


def matching_places_sql(filters: PlaceFilters) -> tuple[str, list, str]:
    """FROM and WHERE of the matching places, their parameters, and the limit columns."""
    from_ = public_places_from(filters)
    clauses, params = filter_clauses(filters)
    if len(filters.query) >= MIN_QUERY_LENGTH:
        clauses.append(f"{QUERY_SQL} <%% {SEARCH_DOCUMENT_SQL}")
        params.append(filters.query)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return from_.from_ + where, [*from_.params, *params], from_.columns


# 2 when the name is the query (blind to case and diacritics), 1 when it starts with it, else 0:
# "Velké náměstí" before the town hall whose address is on Velké náměstí.
NAME_RANK_SQL = f"""CASE
    WHEN bf_unaccent(lower(p.name)) = {QUERY_SQL} THEN 2
    WHEN starts_with(bf_unaccent(lower(p.name)), {QUERY_SQL}) THEN 1
    ELSE 0 END"""


def _score_sql(filters: PlaceFilters) -> tuple[str, list]:
    """The similarity and the name's rank of each place for the query, as two columns."""
    if len(filters.query) >= MIN_QUERY_LENGTH:
        query = filters.query.strip()
        return (
            f"word_similarity({QUERY_SQL}, {SEARCH_DOCUMENT_SQL}) AS score, "
            f"{NAME_RANK_SQL} AS name_rank",
            [query, query, query],
        )
    return "NULL::real AS score, NULL::integer AS name_rank", []


class PlaceListQuery:
    """The published places matching the filters, ordered, as a sequence Django's Paginator can
    slice: one COUNT query and one query per page."""

    def __init__(self, filters: PlaceFilters, centre: tuple[float, float], sort: str) -> None:
        self.filters = filters
        self.centre = centre  # (lat, lon)
        self.sort = sort
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            from_where, params, _columns = matching_places_sql(self.filters)
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT count(*) {from_where}", params)
                self._count = cursor.fetchone()[0]
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _order_sql(self) -> str:
        if self.sort == "relevance" and len(self.filters.query) >= MIN_QUERY_LENGTH:
            # Similarity in steps of 0.1, so that among equally good matches the nearest wins.
            # An exact name first, then a name that starts with the query.
            return "ORDER BY name_rank DESC, round(score::numeric, 1) DESC, distance_m, id"
        if self.sort == "name":
            return "ORDER BY name, id"
        return "ORDER BY distance_m, id"

    def __getitem__(self, index: slice) -> list[PlaceRow]:
        if not isinstance(index, slice):
            raise TypeError("PlaceListQuery supports slices only")
        start = index.start or 0
        stop = index.stop if index.stop is not None else start + 1000
        lat, lon = self.centre
        score_sql, score_params = _score_sql(self.filters)
        from_where, params, limit_columns = matching_places_sql(self.filters)
        # A subquery, so that ORDER BY can use the computed columns in expressions; the services
        # are looked up outside it, for the rows of the page only.
        order = self._order_sql()
        sql = (
            f"SELECT page.*, {PAGE_SERVICES_SQL} FROM ("
            f"SELECT * FROM (SELECT {ROW_COLUMNS}, {score_sql}, {limit_columns} "
            f"{from_where}) AS places {order} LIMIT %s OFFSET %s"
            f") AS page {order}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [lon, lat, *score_params, *params, stop - start, start])
            return [PlaceRow(*row[:-1], services=tuple(row[-1])) for row in cursor.fetchall()]


def search_places(
    query: str, centre: tuple[float, float], limit: int = 10, filters: PlaceFilters | None = None
) -> list[PlaceRow]:
    """The best matches for `query`, most similar first, then nearest to `centre` (lat, lon)."""
    if len(query.strip()) < MIN_QUERY_LENGTH:
        return []
    ranked = replace(filters or PlaceFilters(), query=query.strip())
    return PlaceListQuery(ranked, centre, "relevance")[0:limit]


def count_matches(query: str, filters: PlaceFilters | None = None) -> int:
    """How many published places match `query` under `filters`, all of them (the list's count)."""
    if len(query.strip()) < MIN_QUERY_LENGTH:
        return 0
    ranked = replace(filters or PlaceFilters(), query=query.strip())
    return PlaceListQuery(ranked, (0.0, 0.0), "relevance").count()
