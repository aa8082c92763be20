"""The pedestrian network for routing (imported from OpenStreetMap) and the barriers on it.

The node and edge tables are the pgRouting graph: `pgr_dijkstra` reads `id, source, target, cost,
reverse_cost` from `NetworkEdge`. They are replaced as a whole by the import
(mapping/routing/osm_import.py), never edited by hand, so they carry no foreign keys.
The addresses of the same extract come with it. Barriers are surveyed by volunteers or reported by
the public; they survive a re-import because they are matched to edges by distance at query time.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GistIndex
from django.db.models import F, Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mapping.models.fields import optional_link
from mapping.models.geo import OUT_OF_RANGE_MESSAGE, in_valid_range


def _as_geography(expression):
    return Func(expression, function="", template="(%(expressions)s)::geography")


class NetworkNode(models.Model):
    """A vertex of the graph: an OpenStreetMap node where ways meet or end."""

    # The OSM node id: stable across re-imports of the same extract, and handy for debugging.
    id = models.BigIntegerField(primary_key=True)
    # Indexed by networknode_geom_gist below (a second, implicit spatial index only slowed the
    # import).
    geom = models.PointField(_("position"), srid=settings.SRID, spatial_index=False)

    class Meta:
        verbose_name = _("network node")
        verbose_name_plural = _("network nodes")
        indexes = [GistIndex(fields=["geom"], name="networknode_geom_gist")]


class NetworkEdge(models.Model):
    """A stretch of a walkable way between two vertices, with what matters for accessibility.

    `incline_pct` is signed in the direction of the geometry (source -> target): positive uphill.
    Unknown values are NULL: an absent measurement never blocks a route (as in the methodology),
    but a profile may penalise it.
    """

    id = models.BigIntegerField(primary_key=True)
    source = models.BigIntegerField(db_index=True)
    target = models.BigIntegerField(db_index=True)
    # Costs in metres; negative means "not walkable in that direction" (pgRouting's convention).
    cost = models.FloatField()
    reverse_cost = models.FloatField()
    length_m = models.FloatField(_("length (m)"))
    # Indexed by networkedge_geom_gist below, like the vertices.
    geom = models.LineStringField(_("geometry"), srid=settings.SRID, spatial_index=False)
    osm_way_id = models.BigIntegerField(_("OpenStreetMap way id"), db_index=True)
    name = models.CharField(_("name"), max_length=300, blank=True)
    highway = models.CharField(max_length=40)
    footway = models.CharField(max_length=40, blank=True)
    steps = models.BooleanField(default=False)
    step_count = models.PositiveIntegerField(null=True)
    incline_pct = models.FloatField(null=True)
    # +1 / -1 when the way is tagged incline=up/down without a value; 0 when there is no such tag.
    incline_direction = models.SmallIntegerField(default=0)
    surface = models.CharField(max_length=60, blank=True)
    smoothness = models.CharField(max_length=30, blank=True)
    width_cm = models.FloatField(null=True)
    kerb_height_cm = models.FloatField(null=True)
    tactile_paving = models.BooleanField(null=True)
    crossing = models.CharField(max_length=40, blank=True)
    traffic_signals = models.BooleanField(null=True)
    traffic_signals_sound = models.BooleanField(null=True)
    button_operated = models.BooleanField(null=True)
    wheelchair = models.CharField(max_length=20, blank=True)
    lit = models.BooleanField(null=True)
    # A barrier or entrance node on the edge (mapping.routing.tags.barrier_kind): its kind, its
    # wheelchair=*, and whether access=*/foot=* closes it to pedestrians.
    barrier = models.CharField(max_length=40, blank=True)
    barrier_wheelchair = models.CharField(max_length=20, blank=True)
    barrier_closed = models.BooleanField(default=False)
    # The surface's grade, 0 smooth to 3 impassable (mapping.routing.tags.surface_class), and
    # whether OpenStreetMap says anything about passing the edge (its surface, smoothness,
    # incline, width, kerb, steps or wheelchair=*): else what the route assumes of it is a guess.
    surface_class = models.SmallIntegerField(default=0)
    tagged = models.BooleanField(default=False)
    # Derived by the import (mapping/routing/osm_import.py, INSERT_EDGES_SQL) so that the
    # route query need not work them out for every edge: a bad surface; and "plain", an edge
    # with nothing that any limit or preference reads, whose cost is its length for everybody.
    rough = models.BooleanField(default=False)
    plain = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("network edge")
        verbose_name_plural = _("network edges")
        indexes = [
            GistIndex(fields=["geom"], name="networkedge_geom_gist"),
            GistIndex(_as_geography(F("geom")), name="networkedge_geog_gist"),
        ]


class NetworkAddress(models.Model):
    """An address from the same OpenStreetMap extract as the network (addr:* on a node or a
    building), so that a route can start or end at an address. Replaced with the network."""

    street = models.CharField(_("street"), max_length=200, blank=True)
    house_number = models.CharField(_("house number"), max_length=30, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("town"), max_length=200, blank=True)
    name = models.CharField(_("name"), max_length=300, blank=True)
    geom = models.PointField(_("position"), srid=settings.SRID)

    class Meta:
        verbose_name = _("network address")
        verbose_name_plural = _("network addresses")

    def __str__(self) -> str:
        return " ".join(part for part in (self.street, self.house_number) if part)


class BarrierKind(models.TextChoices):
    STEPS = "steps", _("Steps")
    KERB = "kerb", _("High kerb")
    NARROW = "narrow", _("Narrow passage")
    STEEP = "steep", _("Steep slope")
    SURFACE = "surface", _("Bad surface")
    ROAD_WORKS = "road_works", _("Road works")
    OBSTACLE = "obstacle", _("Obstacle")
    OTHER = "other", _("Other")


class BarrierQuerySet(models.QuerySet):
    def active(self, at=None) -> "BarrierQuerySet":
        at = at or timezone.now()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=at),
            Q(valid_until__isnull=True) | Q(valid_until__gt=at),
        )


class Barrier(models.Model):
    """A barrier in public space that routing must respect.

    `blocks` closes the ways within `radius_m` for everybody (road works). Measured values (kerb
    height, clear width, steps, the steepest slope, a bad surface) block only the profiles whose
    limits they break. `penalty_m` adds cost (metres) for every profile, e.g. for a rough stretch
    that is still passable.

    Routing also treats as barriers, without a row here, the measurements of every approved
    public-space assessment and every published barrier report while it is valid (see
    mapping/routing/sql/active_barriers.sql). A row linked to an assessment or a report replaces
    what routing would read from it; a row linked to an assessment counts only while that
    assessment is the approved one of its place.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=BarrierKind.choices)
    location = models.PointField(_("location"), srid=settings.SRID)
    radius_m = models.FloatField(_("radius (m)"), default=5.0)
    blocks = models.BooleanField(_("blocks the way for everybody"), default=False)
    penalty_m = models.FloatField(_("penalty (m)"), default=0.0)
    kerb_height_cm = models.FloatField(_("kerb height (cm)"), null=True, blank=True)
    width_cm = models.FloatField(_("clear width (cm)"), null=True, blank=True)
    step_count = models.PositiveIntegerField(_("number of steps"), null=True, blank=True)
    incline_pct = models.FloatField(
        _("steepest slope (%)"),
        null=True,
        blank=True,
        help_text=_("Measured along the way; it applies uphill or downhill as the way runs."),
    )
    rough_surface = models.BooleanField(
        _("bad surface"),
        default=False,
        help_text=_("Cobbles, gravel or a broken surface: closed to those who avoid them."),
    )
    description = models.TextField(_("description"), blank=True)
    valid_from = models.DateTimeField(_("valid from"), null=True, blank=True)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    report = optional_link("mapping.Report", _("report"), models.SET_NULL, related_name="barriers")
    assessment = optional_link(
        "mapping.Assessment", _("assessment"), models.SET_NULL, related_name="barriers"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = BarrierQuerySet.as_manager()

    class Meta:
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")
        indexes = [GistIndex(_as_geography(F("location")), name="barrier_location_geog_gist")]
        constraints = [
            models.CheckConstraint(
                condition=in_valid_range("location"),
                name="barrier_location_in_range",
                violation_error_message=OUT_OF_RANGE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(radius_m__gt=0) & Q(radius_m__lte=50),
                name="barrier_radius_range",
                violation_error_message=_("The radius must be between 0 and 50 metres."),
            ),
            models.CheckConstraint(
                condition=Q(incline_pct__isnull=True)
                | (Q(incline_pct__gte=0) & Q(incline_pct__lte=100)),
                name="barrier_incline_range",
                violation_error_message=_("The slope must be between 0 and 100 per cent."),
            ),
            models.CheckConstraint(
                condition=Q(penalty_m__gte=0),
                name="barrier_penalty_not_negative",
                violation_error_message=_("The penalty cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_until__gt=F("valid_from")),
                name="barrier_validity_order",
                violation_error_message=_("The end of validity must come after its start."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.pk})"
