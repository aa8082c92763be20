import logging

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_GET

from mapping.opendata.downloads import (
    ExportError,
    published_csv,
    published_geojson,
    published_geopackage,
)
from mapping.opendata.freshness import published_freshness

logger = logging.getLogger(__name__)

FORMATS = {
    "geojson": ("application/geo+json", "bezbarierova-mapa.geojson"),
    "csv": ("text/csv; charset=utf-8", "bezbarierova-mapa.csv"),
    "gpkg": ("application/geopackage+sqlite3", "bezbarierova-mapa.gpkg"),
}


def _etag(request: HttpRequest, fmt: str) -> str:
    return f"{fmt}-{published_freshness().etag}"


def _last_modified(request: HttpRequest, fmt: str):
    return published_freshness().last_modified


@require_GET
@condition(etag_func=_etag, last_modified_func=_last_modified)
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    content_type, filename = FORMATS[fmt]
    freshness = published_freshness()
    stamp = freshness.last_modified.isoformat() if freshness.last_modified else ""
    if fmt == "geojson":
        body: str | bytes = published_geojson(stamp)
    elif fmt == "csv":
        body = published_csv()
    else:
        try:
            body = published_geopackage(stamp)
        except ExportError:
            logger.exception("GeoPackage export failed")
            return HttpResponse(
                _("The GeoPackage cannot be made right now. Try GeoJSON or CSV."),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = '<https://opendatacommons.org/licenses/odbl/1-0/>; rel="license"'
    return response
