"""The SQL that prices the edges (mapping/routing/sql/edges.sql) and `routes.broken_limits`, which
names the limits a blocked edge breaks, agree edge by edge: an edge costs the search its blocked
cost exactly when broken_limits finds a limit it breaks, in each direction, and the search within
the limits leaves out exactly those edges. Checked on small networks that Hypothesis draws, with
every kind of barrier (a coordinator's of each kind, an approved public-space survey, a published
report with and without an end date) and any set of limits.

The network is written by the import's own writer, so that the columns it derives (`rough`,
`plain`) are the import's."""

from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.db import connection, transaction
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mapping.models import Barrier, BarrierKind, Report, ReportKind, ReportStatus
from mapping.models.assessments import SurveyKind
from mapping.osm_vocabulary import SMOOTHNESS_VALUES
from mapping.route_profiles import Limits, Preferences, Profile
from mapping.routing.osm_import import write_network
from mapping.routing.osm_reader import Edge, Network
from mapping.routing.route_sql import EDGES_WHOLE_SQL, EDGES_WHOLE_WITHIN_LIMITS_SQL
from mapping.routing.routes import broken_limits
from mapping.routing.service import apply_profile, walked_edges
from mapping.routing.tags import ROUGH_SURFACES
from tests.factories import make_assessment, make_place

# A grid of SIZE x SIZE vertices some 50 m apart, in Písek.
SIZE = 4
LON, LAT, STEP_LON, STEP_LAT = 14.14, 49.30, 0.0007, 0.00045
GRID_EDGES = [((x, y), (x + 1, y)) for y in range(SIZE) for x in range(SIZE - 1)] + [
    ((x, y), (x, y + 1)) for y in range(SIZE - 1) for x in range(SIZE)
]


def _vertex(x: int, y: int) -> int:
    return 1 + x + SIZE * y


def _point(x: float, y: float) -> tuple[float, float]:
    return LON + x * STEP_LON, LAT + y * STEP_LAT


# An edge with nothing on it that a limit or a preference reads (the import calls it plain).
PLAIN = {
    "name": "",
    "highway": "footway",
    "footway": "",
    "steps": False,
    "step_count": None,
    "incline_pct": None,
    "incline_direction": 0,
    "surface": "",
    "smoothness": "",
    "width_cm": None,
    "kerb_height_cm": None,
    "tactile_paving": None,
    "crossing": "",
    "traffic_signals": None,
    "traffic_signals_sound": None,
    "button_operated": None,
    "wheelchair": "",
    "lit": None,
}
# Values on, just under and just over the limits drawn below.
KERBS = st.sampled_from([0.0, 2.0, 3.0, 4.0, 6.0, 9.0, 10.0, 12.0])
WIDTHS = st.sampled_from([60.0, 70.0, 89.0, 90.0, 91.0, 120.0, 150.0])
STEPS = st.integers(0, 6)
SLOPES = st.sampled_from([0.0, 2.9, 3.0, 3.1, 6.0, 8.0, 12.0, 14.5])
INCLINES = st.tuples(SLOPES, st.sampled_from([1, -1])).map(lambda pair: pair[0] * pair[1])

BARRIER_KINDS = [
    "turnstile",
    "kissing_gate",
    "cycle_barrier",
    "gate",
    "subway_entrance",
    "elevator",
]

# What an edge can have on it; an edge has at most two of these, so that whether it breaks a
# limit comes from one or two things that the SQL and broken_limits must both see.
EDGE_FEATURES = [
    st.fixed_dictionaries(
        {"steps": st.just(True), "highway": st.just("steps"), "step_count": st.none() | STEPS}
    ),
    st.fixed_dictionaries({"incline_pct": INCLINES}),
    st.fixed_dictionaries({"incline_direction": st.sampled_from([-1, 1])}),
    st.fixed_dictionaries(
        {"surface": st.sampled_from(["asphalt", "paving_stones", *sorted(ROUGH_SURFACES)])}
    ),
    st.fixed_dictionaries({"smoothness": st.sampled_from(SMOOTHNESS_VALUES)}),
    st.fixed_dictionaries({"width_cm": WIDTHS}),
    st.fixed_dictionaries({"kerb_height_cm": KERBS}),
    st.fixed_dictionaries({"wheelchair": st.sampled_from(["yes", "limited", "no"])}),
    # A barrier or entrance node on the edge (mapping.routing.osm_reader.apply_barrier_node).
    st.fixed_dictionaries(
        {
            "barrier": st.sampled_from(BARRIER_KINDS),
            "barrier_wheelchair": st.sampled_from(["", "yes", "limited", "no"]),
            "barrier_closed": st.booleans(),
        }
    ),
    st.fixed_dictionaries(
        {
            "crossing": st.sampled_from(["zebra", "traffic_signals"]),
            "tactile_paving": st.none() | st.booleans(),
            "traffic_signals_sound": st.none() | st.booleans(),
        }
    ),
]
edge_attributes = st.lists(st.one_of(*EDGE_FEATURES), max_size=2).map(
    lambda features: PLAIN | {k: v for feature in features for k, v in feature.items()}
)
oneway = st.sampled_from([False, False, False, True])
edges = st.lists(
    st.tuples(edge_attributes, oneway), min_size=len(GRID_EDGES), max_size=len(GRID_EDGES)
)
# Where a barrier stands: the middle of an edge (that edge only) or a vertex (every edge there).
places = st.tuples(st.integers(0, len(GRID_EDGES) - 1), st.sampled_from(["middle", "vertex"]))
# A coordinator's barrier: of a kind, in force or not, closing the way, at a penalty, or with
# one measurement (the steepest slope measured, up or down the way).
BARRIER_MEASURES = [
    st.fixed_dictionaries({"blocks": st.just(True)}),
    st.fixed_dictionaries({"penalty_m": st.sampled_from([50.0, 5000.0])}),
    st.fixed_dictionaries({"kerb_height_cm": KERBS}),
    st.fixed_dictionaries({"width_cm": WIDTHS}),
    st.fixed_dictionaries({"step_count": STEPS}),
    st.fixed_dictionaries({"incline_pct": SLOPES}),
    st.fixed_dictionaries({"rough_surface": st.just(True)}),
]
barriers = st.tuples(
    st.sampled_from(BarrierKind.values),
    st.sampled_from([2.0, 5.0, 10.0]),
    st.booleans(),
    st.one_of(*BARRIER_MEASURES),
).map(lambda b: {"kind": b[0], "radius_m": b[1], "in_force": b[2], **b[3]})
# What a volunteer measured in a public space: a measurement or two (and the answers that are
# none).
SURVEY_MEASURES = [
    st.fixed_dictionaries({"publicSpaceKerbHeight": KERBS}),
    st.fixed_dictionaries({"publicSpaceClearWidth": WIDTHS}),
    st.fixed_dictionaries({"publicSpaceStepsNumberOf": STEPS}),
    st.fixed_dictionaries({"publicSpaceLongitudinalSlope": INCLINES}),
    st.fixed_dictionaries({"publicSpaceSurface": st.sampled_from(["asphalt", "gravel", "sett"])}),
    st.fixed_dictionaries({"publicSpaceSmoothness": st.sampled_from(["good", "very_bad"])}),
    st.fixed_dictionaries({"publicSpaceKerbHeight": st.just("high")}),
]
surveys = st.lists(st.one_of(*SURVEY_MEASURES), min_size=1, max_size=2).map(
    lambda measures: {k: v for measure in measures for k, v in measure.items()}
)
reports = st.sampled_from(["road works", "open-ended", "unpublished", "lift", "lift repaired"])
limits = st.builds(
    Limits,
    max_incline_up_pct=st.none() | st.sampled_from([3.0, 6.0, 8.0, 12.0]),
    max_incline_down_pct=st.none() | st.sampled_from([3.0, 6.0, 8.0, 12.0]),
    max_kerb_cm=st.none() | st.sampled_from([0.0, 3.0, 6.0, 10.0]),
    min_width_cm=st.none() | st.sampled_from([70.0, 90.0, 120.0]),
    max_steps=st.none() | st.integers(0, 5),
    avoid_bad_surfaces=st.booleans(),
    avoid_wheelchair_no=st.booleans(),
    max_surface_class=st.none() | st.integers(0, 3),
    only_known=st.sampled_from([False, False, True]),
    impassable_barriers=st.frozensets(st.sampled_from(BARRIER_KINDS)),
)
preferences = st.builds(
    Preferences, rough_surface=st.sampled_from([0.0, 1.0]), steep=st.sampled_from([0.0, 0.5])
)

# Every limit and every kind of barrier at once (Hypothesis tries it first).
STRICT = Limits(
    6.0,
    6.0,
    3.0,
    90.0,
    0,
    True,
    True,
    max_surface_class=1,
    only_known=True,
    impassable_barriers=frozenset({"turnstile"}),
)
EVERY_KIND = {
    "network": [
        (PLAIN | feature, i % 9 == 0)
        for i, feature in enumerate(
            [
                {"steps": True, "highway": "steps"},
                {"steps": True, "highway": "steps", "step_count": 2},
                {"incline_pct": 8.0},
                {"incline_pct": -8.0},
                {"incline_direction": 1},
                {"surface": "gravel"},
                {"smoothness": "horrible"},
                {"width_cm": 80.0},
                {"kerb_height_cm": 9.0},
                {"wheelchair": "no"},
                {"wheelchair": "limited"},
                {"crossing": "zebra"},
                {"barrier": "turnstile"},
                {"barrier": "gate", "barrier_closed": True},
                {"barrier": "subway_entrance", "barrier_wheelchair": "no"},
                {"barrier": "elevator", "barrier_wheelchair": "yes"},
                {"name": "nothing known"},
            ]
            * 2
        )
        if i < len(GRID_EDGES)
    ],
    "coordinators": [
        (
            (i, "middle"),
            {
                "kind": kind,
                "radius_m": 5.0,
                "in_force": kind != BarrierKind.OTHER,
                **{
                    BarrierKind.STEPS: {"step_count": 3},
                    BarrierKind.KERB: {"kerb_height_cm": 9.0},
                    BarrierKind.NARROW: {"width_cm": 70.0},
                    BarrierKind.STEEP: {"incline_pct": 9.0},
                    BarrierKind.SURFACE: {"rough_surface": True},
                    BarrierKind.ROAD_WORKS: {"blocks": True},
                    BarrierKind.OBSTACLE: {"penalty_m": 50.0},
                    BarrierKind.OTHER: {"blocks": True},
                }[kind],
            },
        )
        for i, kind in enumerate(BarrierKind.values)
    ],
    "public_spaces": [
        ((9, "vertex"), {"publicSpaceKerbHeight": 12}),
        ((10, "middle"), {"publicSpaceLongitudinalSlope": 9}),
        ((11, "middle"), {"publicSpaceSurface": "gravel", "publicSpaceClearWidth": 60}),
        ((12, "middle"), {"publicSpaceStepsNumberOf": 2}),
    ],
    "reports": [
        ((13, "middle"), "road works"),
        ((14, "vertex"), "open-ended"),
        ((15, "middle"), "lift"),  # on the lift: closes it
        ((16, "middle"), "lift"),  # on a way without a lift: closes nothing
    ],
    "limits": STRICT,
    "preferences": Preferences(rough_surface=1.0, steep=0.5),
}


def _write_network(drawn: list[tuple[dict, bool]]) -> None:
    network = Network()
    for x in range(SIZE):
        for y in range(SIZE):
            network.nodes[_vertex(x, y)] = _point(x, y)
    for number, ((a, b), (attrs, oneway)) in enumerate(zip(GRID_EDGES, drawn, strict=True)):
        coords = [_point(*a), _point(*b)]
        network.edges.append(Edge(1000 + number, _vertex(*a), _vertex(*b), coords, attrs, oneway))
    write_network(network)


def _position(where: tuple[int, str]) -> tuple[float, float]:
    (a, b), at = GRID_EDGES[where[0]], where[1]
    if at == "vertex":
        return _point(*a)
    return _point((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _point_at(where: tuple[int, str]) -> Point:
    return Point(*_position(where), srid=4326)


def _add_coordinators_barrier(where, drawn: dict) -> None:
    fields = dict(drawn)
    now = timezone.now()
    if not fields.pop("in_force"):
        fields["valid_until"] = now - timedelta(days=1)
    Barrier.objects.create(location=_point_at(where), **fields)


def _add_public_space(where, answers: dict) -> None:
    place = make_place("Přechod", *_position(where), kind="public_space")
    make_assessment(place, survey_kind=SurveyKind.PUBLIC_SPACE, answers=answers)


def _add_report(where, which: str) -> None:
    today = timezone.localdate()
    until = {"road works": today + timedelta(days=3), "lift repaired": today - timedelta(days=1)}
    Report.objects.create(
        kind=ReportKind.LIFT if which.startswith("lift") else ReportKind.BARRIER,
        location=_point_at(where),
        text=which,
        valid_until=until.get(which),
        status=ReportStatus.NEW if which == "unpublished" else ReportStatus.PUBLISHED,
    )


def _costs(edges_sql: str) -> dict[int, tuple[float, float]]:
    with connection.cursor() as cursor:
        cursor.execute(edges_sql)
        return {edge_id: (cost, reverse) for edge_id, _s, _t, cost, reverse in cursor.fetchall()}


def _both_ways(costs: dict[int, tuple[float, float]]) -> list[tuple[int, int, float]]:
    """(edge, the vertex it is entered from, its cost) in each direction a search may walk it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, source, target FROM mapping_networkedge ORDER BY id")
        ways = []
        for edge_id, source, target in cursor.fetchall():
            forward, backward = costs[edge_id]
            ways += [(edge_id, source, forward)] if forward >= 0 else []
            ways += [(edge_id, target, backward)] if backward >= 0 else []
        return ways


def check_agreement(network, coordinators, public_spaces, reports, limits, preferences):
    """Returns the limits found broken, so that a caller can see what was exercised."""
    names: set[str] = set()
    with transaction.atomic():
        _write_network(network)
        for where, drawn in coordinators:
            _add_coordinators_barrier(where, drawn)
        for where, answers in public_spaces:
            _add_public_space(where, answers)
        for where, which in reports:
            _add_report(where, which)
        profile = Profile("drawn", "drawn", 1.0, limits, preferences)
        apply_profile(profile, _point(0, 0), _point(SIZE - 1, SIZE - 1))
        penalised = _costs(EDGES_WHOLE_SQL)
        within = _costs(EDGES_WHOLE_WITHIN_LIMITS_SQL)
        ways = _both_ways(penalised)
        walked = walked_edges(*(list(column) for column in zip(*ways, strict=True)))
        assert len(walked) == len(ways)
        for edge in walked:
            broken = broken_limits(edge, limits)
            assert edge.blocked == bool(broken), (edge, broken)
            left_out = within[edge.id][0 if edge.forward else 1] < 0
            assert left_out == edge.blocked, edge
            names |= {name for name, _value in broken}
        transaction.set_rollback(True)
    return names


@pytest.mark.slow
@pytest.mark.django_db
@settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(**EVERY_KIND)
@given(
    network=edges,
    coordinators=st.lists(st.tuples(places, barriers), max_size=6),
    public_spaces=st.lists(st.tuples(places, surveys), max_size=3),
    reports=st.lists(st.tuples(places, reports), max_size=3),
    limits=limits,
    preferences=preferences,
)
def test_the_sql_blocks_exactly_the_edges_that_break_a_named_limit(
    network, coordinators, public_spaces, reports, limits, preferences
):
    check_agreement(network, coordinators, public_spaces, reports, limits, preferences)


@pytest.mark.django_db
def test_the_network_with_every_kind_of_barrier_breaks_every_limit():
    """The example above is no example that finds nothing: every limit is broken on it."""
    names = check_agreement(**EVERY_KIND)
    assert names == {
        "max_steps",
        "max_incline_up_pct",
        "max_incline_down_pct",
        "max_kerb_cm",
        "min_width_cm",
        "avoid_bad_surfaces",
        "avoid_wheelchair_no",
        "blocked",
        "max_surface_class",
        "barrier_closed",
        "barrier_wheelchair_no",
        "impassable_barrier",
        "only_known",
    }
