"""What the REST API publishes: places with an approved assessment, filtered exactly as the map
and the list filter them (mapping.public.filters and the SQL of mapping.public.queries)."""

from django.contrib.gis.geos import Polygon
from django.db.models import F, FilteredRelation, QuerySet
from django.db.models.expressions import RawSQL

from mapping.models import Place
from mapping.models.published import published_q
from mapping.public.filters import (
    FilterError,
    PlaceFilterForm,
    PlaceFilters,
    filter_error,
    parse_bbox,
)
from mapping.public.search import matching_places_sql

# The widest view the API serves in one request: about a Czech region (degrees of lon/lat).
MAX_BBOX_SPAN = 5.0

__all__ = ["FilterError", "apply_filters", "published_places"]


def published_places() -> QuerySet:
    """Places with their approved assessment's categories as plain attributes."""
    return (
        Place.objects.annotate(
            approved=FilteredRelation("assessments", condition=published_q("assessments"))
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


# The API's names of the filters that the map's form spells otherwise.
API_NAMES = {"municipality": "municipality_code"}


def filters_from_query(params) -> PlaceFilters:
    """The map's filters from the API's query parameters, checked by the map's own form, so the
    map, the list and the API accept the same values and mean the same by them."""
    data = params.copy()
    for api_name, form_name in API_NAMES.items():
        if api_name in data:
            data.setlist(form_name, data.pop(api_name))
    form = PlaceFilterForm(data)
    if not form.is_valid():
        raise filter_error(form, {ours: api for api, ours in API_NAMES.items()})
    return form.filters()


def apply_filters(queryset: QuerySet, params) -> QuerySet:
    """Filter published places by the query parameters of the map, the list and the API."""
    if bbox := params.get("bbox"):
        polygon = Polygon.from_bbox(parse_bbox(bbox, MAX_BBOX_SPAN))
        polygon.srid = 4326
        queryset = queryset.filter(location__intersects=polygon)
    filters = filters_from_query(params)
    if filters == PlaceFilters(profile=filters.profile):
        return queryset  # nothing to narrow: the profile alone filters nothing
    from_where, sql_params, _columns = matching_places_sql(filters)
    return queryset.filter(pk__in=RawSQL(f"SELECT p.id {from_where}", sql_params))
