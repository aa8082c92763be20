"""Public catalogue pages: list with filters, provider and service pages, map layer, print."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from mapping.catalogue.filters import (
    CatalogueFilterForm,
    catalogue_services,
    places_with_accessibility,
)
from mapping.catalogue.layer import (
    ServicesLayerRequest,
    cached_services_layer,
    last_change,
    services_layer_etag,
)
from mapping.compression import layer_response
from mapping.json_errors import json_error
from mapping.models import Provider, ServiceType, TargetGroup
from mapping.public.filters import FilterError, invalid_query, parse_bbox

PAGE_SIZE = 25
UNKNOWN_SERVICE_TYPE = gettext_lazy("Unknown service type.")
UNKNOWN_TARGET_GROUP = gettext_lazy("Unknown target group.")


def _invalid(parameter: str, message) -> JsonResponse:
    return json_error(400, "invalid", message, parameters={parameter: [str(message)]})


def _map_config(places) -> dict:
    """What the small map of a provider or service needs; labels in the page's language."""
    return {
        "places": [
            {
                "id": place.pk,
                "name": place.name,
                "lat": place.location.y,
                "lon": place.location.x,
                "wheelchair": place.wheelchair_category or "",
            }
            for place in places
        ],
        "labels": {
            "accessible": _("Accessible for wheelchair users"),
            "partly": _("Partly accessible for wheelchair users"),
            "inaccessible": _("Inaccessible for wheelchair users"),
            "": _("Not assessed yet"),
        },
    }


def print_map_query(data: dict) -> str:
    """The printable town map's query for the catalogue's filters: the places where the listed
    services are provided, with the accessibility the visitor asked for."""
    params: list[tuple[str, str]] = [("with_services", "1")]
    if data.get("service_type"):
        params.append(("service_type", data["service_type"]))
    if len(data.get("target_group") or ()) == 1:  # the map filters by one target group
        params.append(("target_group", data["target_group"][0]))
    if data.get("municipality"):
        params.append(("municipality", str(data["municipality"].pk)))
    if data.get("accessible_for"):
        params.append(("profile", data["accessible_for"]))
        params.append(("category", "accessible"))
        if data.get("include_partly"):
            params.append(("category", "partly"))
    return urlencode(params)


@require_GET
def catalogue_list(request: HttpRequest) -> HttpResponse:
    form = CatalogueFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    page = Paginator(catalogue_services(data), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "catalogue/list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "is_filtered": bool(data),
            "print_map_query": print_map_query(data),
        },
    )


@require_GET
def provider_detail(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_object_or_404(Provider, pk=pk)
    services = catalogue_services().filter(provider=provider)
    places = places_with_accessibility().filter(services__provider=provider).distinct()
    return render(
        request,
        "catalogue/provider.html",
        {
            "provider": provider,
            "services": services,
            "places": places,
            "map_config": _map_config(places),
        },
    )


@require_GET
def service_detail(request: HttpRequest, pk: int) -> HttpResponse:
    service = get_object_or_404(catalogue_services(), pk=pk)
    places = list(service.places.all())
    return render(
        request,
        "catalogue/service.html",
        {
            "service": service,
            "places": places,
            "area_served": service.area_served.all(),
            "map_config": _map_config(places),
            "map_url": reverse("public:map"),
        },
    )


@require_GET
def services_layer(request: HttpRequest) -> HttpResponse:
    # `service_type` is the public map's name of the filter; `type` the catalogue's own.
    service_type = request.GET.get("service_type") or request.GET.get("type") or None
    target_group = request.GET.get("target_group") or None
    if service_type and service_type not in ServiceType.values:
        return _invalid("service_type", UNKNOWN_SERVICE_TYPE)
    if target_group and target_group not in TargetGroup.values:
        return _invalid("target_group", UNKNOWN_TARGET_GROUP)
    bbox = None
    if request.GET.get("bbox"):
        # The public map asks for its view only; the catalogue's own pages for the whole.
        try:
            bbox = parse_bbox(request.GET["bbox"], settings.MAP_LAYER_MAX_BBOX_DEGREES)
        except FilterError as error:
            return invalid_query(error)
    layer_request = ServicesLayerRequest(service_type, target_group, bbox)
    changed = last_change()
    etag = services_layer_etag(layer_request, changed)
    return layer_response(
        request, etag, changed, lambda: cached_services_layer(layer_request, etag)
    )
