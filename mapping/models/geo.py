"""Municipalities, places and their entrances. Geometries are WGS 84 (EPSG:4326)."""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.gis.geos import GEOSGeometry, Point
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GistIndex
from django.db.models import F, Func, Q
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from mapping.models.fields import optional_link
from mapping.models.published import published_q


def in_valid_range(field: str) -> Q:
    """A point's longitude lies in [-180, 180] and its latitude in [-90, 90].

    Written with ST_X/ST_Y rather than a world polygon: a polygon constant loses its SRID when a
    migration serialises it, and the autodetector would then see a change on every run.
    """
    lon = Func(F(field), function="ST_X", output_field=models.FloatField())
    lat = Func(F(field), function="ST_Y", output_field=models.FloatField())
    return Q(
        GreaterThanOrEqual(lon, -180),
        LessThanOrEqual(lon, 180),
        GreaterThanOrEqual(lat, -90),
        LessThanOrEqual(lat, 90),
    )


def is_valid_geometry(field: str) -> Func:
    """ST_IsValid as a plain function: the isvalid lookup cannot be validated on a NULL value."""
    return Func(F(field), function="ST_IsValid", output_field=models.BooleanField())


OUT_OF_RANGE_MESSAGE = _(
    "The position is outside the valid range: longitude must lie between -180 "
    "and 180 and latitude between -90 and 90."
)


def _as_geography(expression):
    return Func(expression, function="", template="(%(expressions)s)::geography")


def within_metres(field: str, point: GEOSGeometry, metres: float) -> Q:
    """`field` lies within `metres` of `point` on the spheroid (ST_DWithin on geography: a
    degree-based dwithin on 4326 refuses metres)."""
    return Q(
        Func(
            _as_geography(F(field)),
            _as_geography(models.Value(point, output_field=models.PointField(srid=4326))),
            models.Value(metres),
            function="ST_DWithin",
            output_field=models.BooleanField(),
        )
    )


class GeographyDistance(Func):
    """ST_Distance on geography: metres on the spheroid, whatever the geometry's SRID (4326)."""

    function = "ST_Distance"
    output_field = models.FloatField()

    def __init__(self, field, point: GEOSGeometry, **extra):
        super().__init__(
            _as_geography(F(field)),
            _as_geography(models.Value(point, output_field=models.PointField(srid=4326))),
            **extra,
        )


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(
        _("RÚIAN code"), max_length=6, unique=True, help_text=_("Kód obce from RÚIAN.")
    )
    geom = models.MultiPolygonField(_("boundary"), srid=settings.SRID)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_valid_geometry("geom")),
                name="municipality_geom_valid",
                violation_error_message=_(
                    "The boundary is not a valid polygon (it crosses itself or is not closed)."
                ),
            ),
        ]

    @classmethod
    def at(cls, point: Point) -> "Municipality | None":
        """The municipality `point` lies in (the first by code on a shared border), or None."""
        return cls.objects.filter(geom__intersects=point).order_by("code").first()

    def __str__(self) -> str:
        return self.name


class PlaceKind(models.TextChoices):
    BUILDING = "building", _("Building")
    PUBLIC_SPACE = "public_space", _("Public space")
    PARKING = "parking", _("Parking place")
    TOILET = "toilet", _("Public toilet")
    TRANSPORT_STOP = "transport_stop", _("Transport stop")


class Purpose(models.TextChoices):
    OFFICE = "office", _("Office")
    HEALTH = "health", _("Health care")
    SOCIAL = "social", _("Social service")
    CULTURE = "culture", _("Culture")
    EDUCATION = "education", _("Education")
    SPORT = "sport", _("Sport")
    SHOP = "shop", _("Shop")
    FOOD = "food", _("Food and drink")
    ACCOMMODATION = "accommodation", _("Accommodation")
    TRANSPORT = "transport", _("Transport")
    FINANCE = "finance", _("Bank and post")
    RELIGION = "religion", _("Church")
    LEISURE = "leisure", _("Park and leisure")
    OTHER = "other", _("Other")


def _awaiting_approval(but_pk: int | None = None):
    from mapping.models.accounts import AWAITING_APPROVAL, User

    return User.objects.filter(AWAITING_APPROVAL).exclude(pk=but_pk)


class PlaceQuerySet(models.QuerySet):
    def published(self) -> "PlaceQuerySet":
        """Places with their published assessment (mapping.models.published)."""
        return self.filter(published_q("assessments"))

    def listed(self) -> "PlaceQuerySet":
        """Places anybody may come across: all but those a volunteer awaiting a coordinator's
        approval created (mapping/survey/submission.py): until then only they see them."""
        return self.exclude(created_by__in=_awaiting_approval())

    def visible_to(self, user) -> "PlaceQuerySet":
        """The listed places, and the user's own places however new their account."""
        own = user.pk if user.is_authenticated else None
        return self.exclude(created_by__in=_awaiting_approval(but_pk=own))

    def with_distance_to(self, point: Point) -> "PlaceQuerySet":
        """Annotate `distance_m`: metres from `point` (WGS 84) on the spheroid."""
        return self.annotate(distance_m=GeographyDistance("location", point))

    def within_metres(self, point: Point, metres: float) -> "PlaceQuerySet":
        return self.filter(within_metres("location", point, metres))


class Place(models.Model):
    """A building, public space, parking place, public toilet or stop that can be assessed."""

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.BUILDING
    )
    purposes = ArrayField(
        models.CharField(max_length=20, choices=Purpose.choices),
        verbose_name=_("purposes"),
        default=list,
        blank=True,
    )
    description = models.TextField(_("description"), blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    city = models.CharField(_("town"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    ruian_address_code = models.BigIntegerField(
        _("RÚIAN address point code"), null=True, blank=True
    )
    municipality = optional_link(
        Municipality, _("municipality"), models.SET_NULL, related_name="places"
    )
    location = models.PointField(_("location"), srid=settings.SRID)
    footprint = models.PolygonField(_("footprint"), srid=settings.SRID, null=True, blank=True)
    osm_id = models.CharField(
        _("OpenStreetMap id"), max_length=30, blank=True, help_text=_("e.g. way/123456")
    )
    source = models.CharField(_("source"), max_length=50, blank=True)
    source_id = models.CharField(_("id in the source"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_by = optional_link(
        settings.AUTH_USER_MODEL,
        _("created by"),
        models.SET_NULL,
        related_name="created_places",
        help_text=_(
            "The volunteer whose survey created the place. While a coordinator has not approved "
            "them yet, only they see it."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        indexes = [
            GistIndex(_as_geography(F("location")), name="place_location_geog_gist"),
            models.Index(fields=["updated_at"], name="place_updated_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=in_valid_range("location"),
                name="place_location_in_range",
                violation_error_message=OUT_OF_RANGE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=Q(footprint__isnull=True) | Q(is_valid_geometry("footprint")),
                name="place_footprint_valid",
                violation_error_message=_(
                    "The footprint is not a valid polygon (it crosses itself or is not closed)."
                ),
            ),
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=~Q(source=""),
                name="place_unique_source_id",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        street = " ".join(p for p in (self.street, self.house_number) if p)
        town = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (street, town) if p)

    def distance_to(self, point: Point) -> float:
        """Metres from this place to `point`, computed by PostGIS on the spheroid."""
        return (
            Place.objects.filter(pk=self.pk)
            .annotate(d=GeographyDistance("location", point))
            .values_list("d", flat=True)
            .get()
        )


class Entrance(models.Model):
    """An entrance of a place. `number` matches entrance1/entrance2 of the exchange standard."""

    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.CASCADE, related_name="entrances"
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    label = models.CharField(_("label"), max_length=200, blank=True)
    location = models.PointField(_("location"), srid=settings.SRID)
    is_main = models.BooleanField(_("main entrance"), default=False)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("entrance")
        verbose_name_plural = _("entrances")
        ordering = ["place", "number"]
        constraints = [
            models.UniqueConstraint(fields=["place", "number"], name="entrance_unique_number"),
            models.CheckConstraint(
                condition=in_valid_range("location"),
                name="entrance_location_in_range",
                violation_error_message=OUT_OF_RANGE_MESSAGE,
            ),
        ]

    def __str__(self) -> str:
        return self.label or _("Entrance %(number)s") % {"number": self.number}
