from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mapping.public.layer import published_places_geojson

WHOLE_WORLD = (-180.0, -90.0, 180.0, 90.0)


@require_GET
def map_page(request: HttpRequest) -> HttpResponse:
    tiles_name, tiles_url, tiles_options = settings.LEAFLET_CONFIG["TILES"][0]
    map_config = {
        "center": settings.MAP_CENTER,
        "zoom": settings.MAP_ZOOM,
        "tiles_url": tiles_url,
        "attribution": tiles_options.get("attribution", ""),
        "layer_url": reverse("public:places_layer"),
        "labels": {
            "accessible": _("Accessible for wheelchair users"),
            "partly": _("Partly accessible for wheelchair users"),
            "inaccessible": _("Inaccessible for wheelchair users"),
        },
        "count_label": _("%s places on the map."),
        "error_label": _("The places could not be loaded. Try again later."),
    }
    return render(request, "public/map.html", {"map_config": map_config})


def _parse_bbox(raw: str | None) -> tuple[float, float, float, float] | str:
    """A bbox "west,south,east,north" in WGS 84, or the message that says what is wrong."""
    if not raw:
        return WHOLE_WORLD
    parts = raw.split(",")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        return _("bbox must be four numbers: west,south,east,north (e.g. 14.10,49.29,14.19,49.33).")
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        return _(
            "bbox is outside the valid range, or west is not less than east, "
            "or south is not less than north."
        )
    return (west, south, east, north)


@require_GET
def places_layer(request: HttpRequest) -> HttpResponse:
    bbox = _parse_bbox(request.GET.get("bbox"))
    if isinstance(bbox, str):
        return JsonResponse({"error": bbox}, status=400)
    return HttpResponse(published_places_geojson(bbox), content_type="application/geo+json")
