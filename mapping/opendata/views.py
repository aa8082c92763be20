"""Open data: the page that lists the downloads, and the downloads themselves.

Each download carries ETag and Last-Modified (one freshness query) and names its licence in a
``Link: rel="license"`` header; the GeoJSON also inside the document.
"""

import logging
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import condition, require_GET

from mapping.exchange.export import export
from mapping.opendata.columns import COLUMNS
from mapping.opendata.downloads import (
    LICENCE,
    ExportError,
    published_csv,
    published_geojson,
    published_geopackage,
)
from mapping.opendata.freshness import published_freshness
from mapping.opendata.score import area_scores

logger = logging.getLogger(__name__)

LICENCE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"


@dataclass(frozen=True)
class Download:
    fmt: str
    content_type: str
    filename: str
    label: object  # a lazy translation
    description: object


DOWNLOADS = {
    d.fmt: d
    for d in (
        Download(
            "geojson",
            "application/geo+json",
            "bezbarierova-mapa.geojson",
            "GeoJSON",
            gettext_lazy("RFC 7946: for GIS programs and web maps."),
        ),
        Download(
            "csv",
            "text/csv; charset=utf-8",
            "bezbarierova-mapa.csv",
            "CSV",
            gettext_lazy("A table for spreadsheets: one row per place, in UTF-8."),
        ),
        Download(
            "gpkg",
            "application/geopackage+sqlite3",
            "bezbarierova-mapa.gpkg",
            "GeoPackage",
            gettext_lazy("For QGIS and other GIS programs (OGC GeoPackage, EPSG:4326)."),
        ),
        Download(
            "a11yjson",
            "application/json",
            "bezbarierova-mapa.a11y.json",
            "A11yJSON",
            gettext_lazy("The international accessibility format of accessibility.cloud."),
        ),
        Download(
            "mbb-json",
            "application/json",
            "bezbarierova-mapa.mapybezbarier.json",
            gettext_lazy("Mapy bez bariér (JSON)"),
            gettext_lazy("The Czech national exchange standard of barrier-free maps."),
        ),
        Download(
            "osm-tags",
            "application/json",
            "bezbarierova-mapa.osm-tags.json",
            gettext_lazy("OpenStreetMap tags"),
            gettext_lazy(
                "Per place, the OpenStreetMap tags its assessment gives it and its entrances "
                "(wheelchair, step_count, door:width, ...), with its OSM id where known: for "
                "mappers who add them to OpenStreetMap."
            ),
        ),
        Download(
            "mbb-xml",
            "application/xml",
            "bezbarierova-mapa.mapybezbarier.xml",
            gettext_lazy("Mapy bez bariér (XML)"),
            gettext_lazy("The same standard in its XML form (schema.xsd)."),
        ),
    )
}


def _freshness(request: HttpRequest):
    """One freshness query per request, though the ETag, Last-Modified and body all ask."""
    if not hasattr(request, "_published_freshness"):
        request._published_freshness = published_freshness()
    return request._published_freshness


def _etag(request: HttpRequest, fmt: str) -> str:
    return f"{fmt}-{_freshness(request).etag}"


def _last_modified(request: HttpRequest, fmt: str):
    return _freshness(request).last_modified


@require_GET
@condition(etag_func=_etag, last_modified_func=_last_modified)
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    what = DOWNLOADS[fmt]
    freshness = _freshness(request)
    stamp = freshness.last_modified.isoformat() if freshness.last_modified else ""
    if fmt == "geojson":
        body: str | bytes = published_geojson(stamp)
    elif fmt == "csv":
        body = published_csv()
    elif fmt == "gpkg":
        try:
            body = published_geopackage(stamp)
        except ExportError:
            logger.exception("GeoPackage export failed")
            return HttpResponse(
                _("The GeoPackage cannot be made right now. Try GeoJSON or CSV."),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
    else:
        # The exchange formats: a place whose record would not validate is left out, never
        # written invalid (the exchange export logs which and why).
        result = export(fmt)
        if result.left_out:
            logger.warning("%s download left out %d places", fmt, len(result.left_out))
        body = result.content
    response = HttpResponse(body, content_type=what.content_type)
    response["Content-Disposition"] = f'attachment; filename="{what.filename}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """What can be downloaded, under which licence, and when the data last changed.

    No ETag here, unlike the downloads: the page carries the visitor's own header (signed in or
    not, a CSRF token), which a shared validator would serve stale.
    """
    freshness = published_freshness()
    downloads = [{"download": d, "url": reverse(f"opendata:{d.fmt}")} for d in DOWNLOADS.values()]
    return render(
        request,
        "opendata/index.html",
        {
            "downloads": downloads,
            "last_modified": freshness.last_modified,
            "published": freshness.published,
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            "api_schema_url": reverse("api:schema"),
            "score_url": reverse("opendata:score"),
            "scores": [a for a in area_scores() if not a.district],
            "dcat_jsonld_url": reverse("opendata:dcat-jsonld"),
            "dcat_turtle_url": reverse("opendata:dcat-turtle"),
            "score_csv_url": reverse("opendata:score-csv"),
            "score_json_url": reverse("opendata:score-json"),
            "api_places_url": reverse("api:place-list"),
            "columns": [
                {"name": column.name, "description": column.describe()} for column in COLUMNS
            ],
        },
    )
