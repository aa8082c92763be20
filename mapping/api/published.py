"""The one definition of what is public: places with an approved assessment, and their filters."""

from django.contrib.gis.geos import Polygon
from django.db.models import F, FilteredRelation, Q, QuerySet
from django.utils.translation import gettext as _

from mapping.models import Category, Place, PlaceKind, Purpose, ReviewStatus

PROFILES = ("wheelchair", "seniors", "pram")
# The widest view the layer serves in one request: about a Czech region (degrees of lon/lat).
MAX_BBOX_SPAN = 5.0


class FilterError(ValueError):
    """A filter the visitor sent that cannot be honoured; its message says why (HTTP 400)."""


def published_places() -> QuerySet:
    """Places with their approved assessment's categories as plain attributes."""
    return (
        Place.objects.annotate(
            approved=FilteredRelation(
                "assessments", condition=Q(assessments__status=ReviewStatus.APPROVED)
            )
        )
        .filter(approved__isnull=False)
        .annotate(
            assessment_id=F("approved__id"),
            wheelchair=F("approved__wheelchair"),
            seniors=F("approved__seniors"),
            pram=F("approved__pram"),
            has_accessible_toilet=F("approved__has_accessible_toilet"),
            survey_date=F("approved__survey_date"),
        )
    )


def parse_bbox(raw: str) -> Polygon:
    parts = raw.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise FilterError(
            _("bbox must be four numbers: west,south,east,north (e.g. 14.10,49.29,14.19,49.33).")
        ) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise FilterError(
            _(
                "bbox is outside the valid range, or west is not less than east, "
                "or south is not less than north."
            )
        )
    if east - west > MAX_BBOX_SPAN or north - south > MAX_BBOX_SPAN:
        raise FilterError(
            _("bbox is too large: at most %(span)s degrees each way. Zoom in or download the data.")
            % {"span": MAX_BBOX_SPAN}
        )
    return Polygon.from_bbox((west, south, east, north))


def _choice(value: str, allowed, name: str) -> str:
    if value not in allowed:
        raise FilterError(
            _("%(name)s must be one of: %(allowed)s.")
            % {"name": name, "allowed": ", ".join(sorted(allowed))}
        )
    return value


def apply_filters(queryset: QuerySet, params) -> QuerySet:
    """Filter published places by the query parameters of the map, the list and the API."""
    if bbox := params.get("bbox"):
        polygon = parse_bbox(bbox)
        polygon.srid = 4326
        queryset = queryset.filter(location__intersects=polygon)
    profile = _choice(params.get("profile", "wheelchair"), PROFILES, "profile")
    if categories := params.getlist("category"):
        for category in categories:
            _choice(category, Category.values, "category")
        queryset = queryset.filter(**{f"{profile}__in": categories})
    if kinds := params.getlist("kind"):
        for kind in kinds:
            _choice(kind, PlaceKind.values, "kind")
        queryset = queryset.filter(kind__in=kinds)
    if purposes := params.getlist("purpose"):
        for purpose in purposes:
            _choice(purpose, Purpose.values, "purpose")
        queryset = queryset.filter(purposes__overlap=purposes)
    if municipality := params.get("municipality"):
        if not municipality.isdigit():
            raise FilterError(_("municipality must be the municipality's RÚIAN code (digits)."))
        queryset = queryset.filter(municipality__code=municipality)
    if params.get("toilet") in ("1", "true"):
        queryset = queryset.filter(has_accessible_toilet=True)
    if params.get("parking") in ("1", "true"):
        queryset = queryset.filter(
            Q(approved__answers__entrance1IsReservedParking=True)
            | Q(approved__answers__entrance2IsReservedParking=True)
        )
    return queryset
