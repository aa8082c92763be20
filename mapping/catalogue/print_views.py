"""Printed catalogue (PDF) and A4 sheets of one provider or one place."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from mapping.catalogue.filters import catalogue_services, public_places_with_accessibility
from mapping.catalogue.pdf import GROUPINGS, absolute, group_services, render_pdf
from mapping.models import Provider
from mapping.printing import pdf_response


def _with_urls(request: HttpRequest, services) -> list:
    services = list(services)
    for service in services:
        service.page_url = absolute(request, "catalogue:service", service.pk)
    return services


@require_GET
def catalogue_pdf(request: HttpRequest) -> HttpResponse:
    grouping = request.GET.get("group", "type")
    if grouping not in GROUPINGS:
        grouping = "type"
    services = _with_urls(request, catalogue_services())
    content = render_pdf(
        request,
        "catalogue/print/catalogue.html",
        {
            "groups": group_services(services, grouping),
            "grouping": grouping,
            "printed": timezone.localdate(),
            "catalogue_url": request.build_absolute_uri(reverse("catalogue:list")),
        },
    )
    return pdf_response(content, f"katalog-socialnich-sluzeb-{grouping}.pdf")


@require_GET
def provider_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    provider = get_object_or_404(Provider, pk=pk)
    services = _with_urls(request, catalogue_services().filter(provider=provider))
    content = render_pdf(
        request,
        "catalogue/print/provider.html",
        {
            "provider": provider,
            "services": services,
            "page_url": absolute(request, "catalogue:provider", provider.pk),
            "printed": timezone.localdate(),
        },
    )
    return pdf_response(content, f"poskytovatel-{provider.pk}.pdf")


@require_GET
def place_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(public_places_with_accessibility(), pk=pk)
    services = _with_urls(request, catalogue_services().filter(places=place))
    map_url = request.build_absolute_uri(reverse("public:map")) + f"?place={place.pk}"
    content = render_pdf(
        request,
        "catalogue/print/place.html",
        {"place": place, "services": services, "map_url": map_url, "printed": timezone.localdate()},
    )
    return pdf_response(content, f"misto-{place.pk}.pdf")
