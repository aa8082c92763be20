"""The printable map of the town: the places that match the map's filters drawn with their symbols
and numbers over the streets of the routing network, and a numbered index (number, name, address,
kind, accessibility), on A4 or A3.

Base-map tiles are never fetched for print (they need a tile server and its licence terms, and
they do not load on every machine): the sheet draws only what the service holds, as vector
shapes. Coordinates are projected in SQL (Web Mercator, then scaled to millimetres of the frame)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils.safestring import SafeString, mark_safe

from mapping.models import Assessment
from mapping.public.queries import SENSORY_FEATURES, sensory_features_sql
from mapping.public.search import PlaceRow
from mapping.symbols import SHAPES, known

# The map frame of each paper, in millimetres (portrait, inside the page margins).
PAPERS = {
    "a4": {"size": "A4", "margin_mm": 12, "frame": (185.0, 170.0), "marker_mm": 4.6},
    "a3": {"size": "A3", "margin_mm": 14, "frame": (268.0, 262.0), "marker_mm": 5.2},
}
# More places would make an unreadable sheet; the nearest to the map's centre are printed.
MAX_PLACES = 150
# Each side of the drawn area spans at least this much (Web Mercator metres), so that a single
# place is shown within its streets.
MIN_SPAN_M = 600.0
MARGIN_SHARE = 0.08
MAX_STREET_EDGES = 20000

LABEL_DIGIT_MM = 1.75
LABEL_PADDING_MM = 1.2
LABEL_HEIGHT_MM = 3.2
# Where a number's box may go: right, left, above, below, then the corners; at these distances
# beyond the symbol (further out it gets a leader line).
LABEL_DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))
LABEL_DISTANCES_MM = (0.0, 2.5, 5.0, 8.0, 12.0)
SYMBOL_VIEWBOX_SIZE = 24

STREET_WIDTH_MM = {"primary": 1.1, "secondary": 1.0, "tertiary": 0.9, "residential": 0.8}
DEFAULT_STREET_WIDTH_MM = 0.55


@dataclass
class Frame:
    """The drawn area in Web Mercator metres and its scale to the frame's millimetres."""

    min_x: float
    min_y: float
    max_x: float
    max_y: float
    width_mm: float
    height_mm: float

    @property
    def mm_per_m(self) -> float:
        return self.width_mm / (self.max_x - self.min_x)

    def to_mm(self, x: float, y: float) -> tuple[float, float]:
        scale = self.mm_per_m
        return (x - self.min_x) * scale, (self.max_y - y) * scale


def mm(value: float) -> str:
    """A length for an SVG attribute: a dot whatever the language."""
    return f"{value:.2f}"


@dataclass
class Marker:
    number: int
    row: PlaceRow
    symbol: str
    x_mm: float
    y_mm: float
    # Filled by the view: the words of the symbol and of the place's kind and category.
    symbol_text: str = ""
    kind_label: str = ""
    category_label: str = ""
    # For a sensory profile: the labels of the features recorded.
    features: list[str] = field(default_factory=list)

    @property
    def shapes(self) -> SafeString:
        return mark_safe(SHAPES[known(self.symbol)])  # constant markup (mapping.symbols)

    @property
    def position(self) -> str:
        return f"{mm(self.x_mm)} {mm(self.y_mm)}"

    # The number's box, relative to the place's point, set by place_labels().
    label_x_mm: float = 0.0
    label_y_mm: float = 0.0
    leader: bool = False

    @property
    def label_width_mm(self) -> float:
        return LABEL_DIGIT_MM * len(str(self.number)) + LABEL_PADDING_MM

    @property
    def label_left(self) -> str:
        return mm(self.label_x_mm)

    @property
    def label_top(self) -> str:
        return mm(self.label_y_mm)

    @property
    def label_width(self) -> str:
        return mm(self.label_width_mm)

    @property
    def label_text_x(self) -> str:
        return mm(self.label_x_mm + self.label_width_mm / 2)

    @property
    def label_text_y(self) -> str:
        return mm(self.label_y_mm + LABEL_HEIGHT_MM - 0.55)

    @property
    def leader_end(self) -> str:
        """The middle of the number's box, where a leader line from the symbol ends."""
        x = self.label_x_mm + self.label_width_mm / 2
        return f"{mm(x)} {mm(self.label_y_mm + LABEL_HEIGHT_MM / 2)}"


Box = tuple[float, float, float, float]  # left, top, right, bottom in mm of the frame


def _overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def place_labels(markers: list[Marker], marker_mm: float, frame: Frame) -> None:
    """Put each number's box next to its symbol where it covers no other number or symbol:
    beside it first, then further out with a leader line; the least covered spot otherwise."""
    half = marker_mm / 2
    symbols: list[Box] = [
        (m.x_mm - half, m.y_mm - half, m.x_mm + half, m.y_mm + half) for m in markers
    ]
    taken: list[Box] = []
    for marker in markers:
        width, height = marker.label_width_mm, LABEL_HEIGHT_MM
        best: tuple[float, float, float, bool] = (float("inf"), half + 0.3, -height / 2, False)
        found = False
        for distance in LABEL_DISTANCES_MM:
            gap = half + 0.3 + distance
            for dx, dy in LABEL_DIRECTIONS:
                left = gap if dx > 0 else -gap - width if dx < 0 else -width / 2
                top = gap if dy > 0 else -gap - height if dy < 0 else -height / 2
                box = (
                    marker.x_mm + left,
                    marker.y_mm + top,
                    marker.x_mm + left + width,
                    marker.y_mm + top + height,
                )
                outside = (
                    box[0] < 0 or box[1] < 0 or box[2] > frame.width_mm or box[3] > frame.height_mm
                )
                covered = sum(_overlap(box, other) for other in taken) + sum(
                    _overlap(box, other) for other in symbols
                )
                cost = covered + (1000.0 if outside else 0.0) + distance * 0.01
                if cost < best[0]:
                    best = (cost, left, top, distance > 0)
                if covered == 0 and not outside:
                    found = True
                    break
            if found:
                break
        _cost, marker.label_x_mm, marker.label_y_mm, marker.leader = best
        taken.append(
            (
                marker.x_mm + marker.label_x_mm,
                marker.y_mm + marker.label_y_mm,
                marker.x_mm + marker.label_x_mm + width,
                marker.y_mm + marker.label_y_mm + height,
            )
        )


@dataclass
class Street:
    path: str
    width_mm: float
    steps: bool

    @property
    def width(self) -> str:
        return mm(self.width_mm)


@dataclass
class ScaleBar:
    metres: int
    length_mm: float

    @property
    def length(self) -> str:
        return mm(self.length_mm)

    @property
    def label(self) -> str:
        # A no-break space: the number and its unit stay one word.
        if self.metres < 1000:
            return f"{self.metres}\u00a0m"
        return f"{self.metres // 1000}\u00a0km"


@dataclass
class TownMap:
    frame: Frame
    marker_mm: float
    markers: list[Marker] = field(default_factory=list)
    streets: list[Street] = field(default_factory=list)
    scale_bar: ScaleBar | None = None

    @property
    def width(self) -> str:
        return mm(self.frame.width_mm)

    @property
    def height(self) -> str:
        return mm(self.frame.height_mm)

    @property
    def marker_offset(self) -> str:
        """Where a marker's symbol starts, from the place's point (the symbol is centred)."""
        return mm(-self.marker_mm / 2)

    @property
    def marker_scale(self) -> str:
        return f"{self.marker_mm / SYMBOL_VIEWBOX_SIZE:.4f}"

    @property
    def scale_bar_y(self) -> str:
        return mm(self.frame.height_mm - 4)

    @property
    def scale_box_width(self) -> str:
        return mm((self.scale_bar.length_mm if self.scale_bar else 0) + 14)

    @property
    def scale_label_x(self) -> str:
        return mm((self.scale_bar.length_mm if self.scale_bar else 0) + 1.5)

    @property
    def north_x(self) -> str:
        return mm(self.frame.width_mm - 6)


def mercator_positions(ids: list[int]) -> dict[int, tuple[float, float]]:
    """The places' positions in Web Mercator metres (EPSG:3857), by id."""
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, ST_X(m), ST_Y(m) FROM mapping_place, "
            "LATERAL ST_Transform(location, 3857) AS m WHERE id = ANY(%s)",
            [ids],
        )
        return {pk: (x, y) for pk, x, y in cursor.fetchall()}


def fit_frame(points: list[tuple[float, float]], width_mm: float, height_mm: float) -> Frame:
    """The smallest area around `points` (with a margin, at least MIN_SPAN_M a side) whose shape
    is the frame's."""
    xs = [x for x, _y in points] or [0.0]
    ys = [y for _x, y in points] or [0.0]
    centre_x, centre_y = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    span_x = max((max(xs) - min(xs)) * (1 + 2 * MARGIN_SHARE), MIN_SPAN_M)
    span_y = max((max(ys) - min(ys)) * (1 + 2 * MARGIN_SHARE), MIN_SPAN_M)
    # Widen the narrower side to the frame's proportions, so that one scale fits both.
    if span_x / span_y < width_mm / height_mm:
        span_x = span_y * width_mm / height_mm
    else:
        span_y = span_x * height_mm / width_mm
    return Frame(
        centre_x - span_x / 2,
        centre_y - span_y / 2,
        centre_x + span_x / 2,
        centre_y + span_y / 2,
        width_mm,
        height_mm,
    )


def streets_in(frame: Frame) -> list[Street]:
    """The routing network's ways inside the frame, clipped to it, as SVG paths in millimetres
    of the frame. ST_AsSVG writes y negated: the affine scale keeps y upward so that it comes
    out downward from the frame's top edge."""
    scale = frame.mm_per_m
    with connection.cursor() as cursor:
        cursor.execute(
            """
            WITH frame AS (SELECT ST_MakeEnvelope(%s, %s, %s, %s, 3857) AS box)
            SELECT ST_AsSVG(ST_Affine(ST_ClipByBox2D(ST_Transform(e.geom, 3857), frame.box),
                                      %s, 0, 0, %s, %s, %s), 0, 2),
                   e.highway, e.steps
            FROM mapping_networkedge AS e, frame
            WHERE e.geom && ST_Transform(frame.box, %s)
            ORDER BY e.id
            LIMIT %s
            """,
            [
                frame.min_x,
                frame.min_y,
                frame.max_x,
                frame.max_y,
                scale,
                scale,
                -frame.min_x * scale,
                -frame.max_y * scale,
                settings.SRID,
                MAX_STREET_EDGES,
            ],
        )
        return [
            Street(path, STREET_WIDTH_MM.get(highway, DEFAULT_STREET_WIDTH_MM), steps)
            for path, highway, steps in cursor.fetchall()
            if path
        ]


def scale_bar(frame: Frame, latitude: float) -> ScaleBar:
    """A round distance on the ground about a fifth of the frame wide. Web Mercator stretches
    distances by 1/cos(latitude); the bar is in metres on the ground."""
    import math

    ground_per_mm = math.cos(math.radians(latitude)) / frame.mm_per_m
    target = frame.width_mm / 5 * ground_per_mm
    metres = max(
        (step for step in (10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000) if step <= target),
        default=10,
    )
    return ScaleBar(metres, metres / ground_per_mm)


def sensory_features(ids: list[int], profile: str) -> dict[int, list[str]]:
    """The labels of the features recorded for a sensory profile, by place id, from the places'
    published assessments (the same features as the map's markers and the place page)."""
    features = SENSORY_FEATURES.get(profile, [])
    if not ids or not features:
        return {}
    assessments = list(
        Assessment.objects.published().filter(place_id__in=ids).values_list("id", flat=True)
    )
    labels = {key: str(label) for key, label, _path in features}
    sql, params = sensory_features_sql(profile)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.place_id, {sql} FROM mapping_assessment AS a WHERE a.id = ANY(%s)",
            [*params, assessments],
        )
        return {pk: [labels[key] for key in keys] for pk, keys in cursor.fetchall()}


def marker_symbol(row: PlaceRow, profile: str, features: list[str] | None) -> str:
    """The map's symbol of the place for the profile: a barrier for the visitor's limits first,
    then the category; for a sensory profile, whether features for it are recorded."""
    if row.barrier:
        return "barrier"
    if profile in SENSORY_FEATURES:
        return "features" if features else "nofeatures"
    return row.category(profile) or "unknown"


def draw_town_map(rows: list[PlaceRow], profile: str, paper: str) -> TownMap:
    """`rows` numbered in their order and placed in the paper's frame, with the streets."""
    width_mm, height_mm = PAPERS[paper]["frame"]
    positions = mercator_positions([row.id for row in rows])
    frame = fit_frame(list(positions.values()), width_mm, height_mm)
    town_map = TownMap(frame, PAPERS[paper]["marker_mm"])
    features = sensory_features([row.id for row in rows], profile)
    for number, row in enumerate(rows, start=1):
        x_mm, y_mm = frame.to_mm(*positions[row.id])
        found = features.get(row.id)
        marker = Marker(number, row, marker_symbol(row, profile, found), x_mm, y_mm)
        marker.features = found or []
        town_map.markers.append(marker)
    place_labels(town_map.markers, town_map.marker_mm, frame)
    town_map.streets = streets_in(frame)
    latitude = sum(row.lat for row in rows) / len(rows) if rows else 50.0
    town_map.scale_bar = scale_bar(frame, latitude)
    return town_map
