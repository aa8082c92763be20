"""The public REST API, version 1: read-only open data, and public reports (POST).

Everything public is published data only: places with an approved assessment, the approved and
superseded assessments, visible photos, the catalogue, and moderated reports.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, viewsets
from rest_framework.pagination import PageNumberPagination
from rest_framework_gis.pagination import GeoJsonPagination

from mapping.api.errors import InvalidQuery
from mapping.api.published import FilterError, apply_filters, published_places
from mapping.api.serializers import (
    AssessmentSerializer,
    PlaceDetailSerializer,
    PlaceFeatureSerializer,
    ProviderSerializer,
    ReportSerializer,
    ServiceSerializer,
)
from mapping.api.throttling import ReportsThrottled, ReportThrottle
from mapping.ids import parse_id
from mapping.models import (
    Assessment,
    Category,
    Photo,
    PlaceKind,
    Provider,
    Purpose,
    Report,
    Service,
    ServiceType,
    TargetGroup,
)
from mapping.public.filters import PROFILE_CHOICES

PLACE_NOT_A_NUMBER = _("place must be the number of a place.")


class Pages(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class GeoPages(GeoJsonPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


PLACE_FILTERS = [
    OpenApiParameter("bbox", str, description="west,south,east,north in WGS 84"),
    OpenApiParameter("profile", str, enum=[value for value, _label in PROFILE_CHOICES]),
    OpenApiParameter(
        "category",
        str,
        many=True,
        enum=Category.values,
        description="the category for the profile (wheelchair, seniors or pram)",
    ),
    OpenApiParameter("kind", str, many=True, enum=PlaceKind.values),
    OpenApiParameter("purpose", str, many=True, enum=Purpose.values),
    OpenApiParameter("municipality", str, description="RÚIAN code of the municipality"),
    OpenApiParameter("toilet", bool, description="only places with an accessible toilet"),
    OpenApiParameter("parking", bool, description="only places with reserved parking"),
    OpenApiParameter(
        "service_type",
        str,
        enum=ServiceType.values,
        description="only places where a social service of this type is provided",
    ),
    OpenApiParameter(
        "target_group",
        str,
        enum=TargetGroup.values,
        description="only places where a social service for this target group is provided",
    ),
    OpenApiParameter("q", str, description="name or address, diacritics and case ignored"),
    OpenApiParameter(
        "max_kerb_cm", float, description="the visitor's highest step or kerb, in cm (0 to 50)"
    ),
    OpenApiParameter(
        "min_width_cm", float, description="the visitor's narrowest door, in cm (0 to 500)"
    ),
    OpenApiParameter(
        "hide_barriers",
        bool,
        description="leave out places whose entrances are measured beyond max_kerb_cm or "
        "min_width_cm",
    ),
]


def _visible_photos() -> Prefetch:
    return Prefetch("photos", queryset=Photo.objects.visible())


@extend_schema_view(
    list=extend_schema(parameters=PLACE_FILTERS, summary="Published places (GeoJSON)"),
    retrieve=extend_schema(summary="One published place with its entrances and assessment"),
)
class PlaceViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = GeoPages

    def get_queryset(self):
        queryset = published_places().select_related("municipality").order_by("id")
        if self.action == "list":
            try:
                return apply_filters(queryset, self.request.query_params)
            except FilterError as error:
                raise InvalidQuery(error.message, error.parameters) from None
        return queryset.prefetch_related(
            "entrances",
            Prefetch(
                "assessments",
                queryset=Assessment.objects.published().prefetch_related(_visible_photos()),
                to_attr="approved_assessments",
            ),
        )

    def get_serializer_class(self):
        return PlaceFeatureSerializer if self.action == "list" else PlaceDetailSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Published assessments, the current and the superseded ones",
        parameters=[OpenApiParameter("place", OpenApiTypes.INT)],
    )
)
class AssessmentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = AssessmentSerializer
    pagination_class = Pages

    def get_queryset(self):
        queryset = (
            Assessment.objects.published(superseded=True)
            .prefetch_related(_visible_photos())
            .order_by("id")
        )
        place = self.request.query_params.get("place")
        if place is not None:
            place_id = parse_id(place)
            if place_id is None:
                raise InvalidQuery(PLACE_NOT_A_NUMBER, {"place": [PLACE_NOT_A_NUMBER]})
            queryset = queryset.filter(place_id=place_id)
        return queryset


class ProviderViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProviderSerializer
    pagination_class = Pages
    queryset = Provider.objects.prefetch_related(
        Prefetch(
            "services",
            queryset=Service.objects.prefetch_related("places", "area_served"),
        )
    ).order_by("id")


class ServiceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ServiceSerializer
    pagination_class = Pages
    queryset = Service.objects.prefetch_related("places", "area_served").order_by("id")


@extend_schema_view(
    list=extend_schema(summary="Moderated (published) reports"),
    create=extend_schema(
        summary="Report a barrier, a correction or a problem with a photo",
        responses={
            201: ReportSerializer,
            429: OpenApiResponse(
                description="Too many reports from this client (REPORTS_PER_HOUR an hour, the "
                "web form included); Retry-After gives the seconds to wait."
            ),
        },
    ),
)
class ReportViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = ReportSerializer
    pagination_class = Pages

    def get_throttles(self):
        return [ReportThrottle()] if self.action == "create" else []

    def throttled(self, request, wait):
        raise ReportsThrottled(wait)

    def get_queryset(self):
        # What the public sees: published, and not past its end of validity.
        return Report.objects.current().select_related("place").order_by("id")

    def get_serializer_context(self) -> dict:
        # Its reference goes back to the sender of a new report only: the list stays public.
        return {**super().get_serializer_context(), "to_sender": self.action == "create"}
