"""The edges of a route as walked, typed: what the route service reads back for each edge of a path
(mapping/routing/sql/walk.sql names its columns after these fields), and what the instructions,
the warnings and the explanation of a missing route read. Plain Python, no Django."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class EdgeBarrier:
    """A barrier in force on an edge (mapping/routing/sql/active_barriers.sql): a coordinator's
    (`source` "barrier"), an approved public-space survey's ("assessment") or a published
    report's ("report")."""

    source: str
    id: int
    kind: str
    name: str
    blocks: bool
    kerb_height_cm: float | None
    width_cm: float | None
    step_count: float | None
    incline_pct: float | None
    rough: bool
    penalty_m: float


@dataclass(frozen=True)
class WalkedEdge:
    """An edge of a path in the direction walked (`forward`: along its geometry): the incline,
    the geometry and the bearings are the walker's. `cost` is what it cost the search, without
    the cost of breaking a limit; `blocked` says whether it breaks one, and then the path is no
    route for the profile."""

    seq: int
    forward: bool
    id: int
    osm_way_id: int
    name: str
    highway: str
    footway: str
    steps: bool
    step_count: int | None
    incline_pct: float | None
    incline_direction: int
    surface: str
    smoothness: str
    rough: bool
    width_cm: float | None
    kerb_height_cm: float | None
    tactile_paving: bool | None
    crossing: str
    traffic_signals: bool | None
    traffic_signals_sound: bool | None
    button_operated: bool | None
    wheelchair: str
    lit: bool | None
    barrier: str
    barrier_wheelchair: str
    barrier_closed: bool
    surface_class: int
    tagged: bool
    length_m: float
    cost: float
    geometry: dict
    bearing_start: float | None
    bearing_end: float | None
    barriers: list[EdgeBarrier] = field(default_factory=list)
    blocked: bool = False

    @property
    def knowledge(self) -> str:
        """What the route knows of the edge: "surveyed" (an approved public-space assessment
        measured it), "tagged" (OpenStreetMap says how it is passed) or "assumed" (neither: the
        route assumes it passable)."""
        if any(b.source == "assessment" for b in self.barriers):
            return "surveyed"
        return "tagged" if self.tagged else "assumed"

    def as_json(self) -> dict:
        """The edge in a route's answer: every field but the geometry (the route's line)."""
        fields = asdict(self)
        del fields["geometry"]
        fields["knowledge"] = self.knowledge
        return fields
