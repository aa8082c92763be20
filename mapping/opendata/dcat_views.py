"""The catalogue record (mapping/opendata/dcat.py) at its stable addresses, JSON-LD and Turtle."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from mapping.opendata.dcat import as_jsonld, as_turtle, catalogue_graph


@require_GET
def catalogue_jsonld(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        as_jsonld(catalogue_graph(request)), content_type="application/ld+json; charset=utf-8"
    )


@require_GET
def catalogue_turtle(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        as_turtle(catalogue_graph(request)), content_type="text/turtle; charset=utf-8"
    )
