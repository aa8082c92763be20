"""The route API: a thin view over routes.plan_route. Bad input is a 400 with a message."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mapping.models import Place, ReviewStatus
from mapping.routing.profiles import PROFILES, Limits, RouteInputError
from mapping.routing.routes import plan_route, plan_route_to_place

LIMIT_PARAMS = tuple(Limits.__dataclass_fields__)


def _point(raw: str | None, name: str) -> tuple[float, float]:
    if not raw:
        raise RouteInputError(_("Give %(name)s as longitude,latitude.") % {"name": name})
    try:
        lon, lat = (float(part) for part in raw.split(","))
    except ValueError:
        raise RouteInputError(
            _("%(name)s must be two numbers: longitude,latitude (e.g. 14.1475,49.3088).")
            % {"name": name}
        ) from None
    return lon, lat


def _published_place(raw: str) -> Place:
    if not raw.isdigit():
        raise RouteInputError(_("place must be the number of a place."))
    place = Place.objects.filter(pk=int(raw), assessments__status=ReviewStatus.APPROVED).first()
    if place is None:
        raise Http404(_("No such published place."))
    return place


@require_GET
def route(request: HttpRequest) -> JsonResponse:
    """GET ?from=lon,lat&to=lon,lat|place=ID&profile=wheelchair&max_kerb_cm=3&lang=en"""
    language = request.GET.get("lang")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    with translation.override(language):
        try:
            start = _point(request.GET.get("from"), "from")
            profile = request.GET.get("profile", "pedestrian")
            overrides = {k: request.GET[k] for k in LIMIT_PARAMS if k in request.GET}
            if request.GET.get("place"):
                place = _published_place(request.GET["place"])
                answer = plan_route_to_place(start, place, profile, overrides)
            else:
                end = _point(request.GET.get("to"), "to")
                answer = plan_route(start, end, profile, overrides)
        except RouteInputError as error:
            return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(answer)


@require_GET
def planner(request: HttpRequest) -> HttpResponse:
    """The route planner page. The form's query string is the shareable URL of a route."""
    tiles_name, tiles_url, tiles_options = settings.LEAFLET_CONFIG["TILES"][0]
    config = {
        "center": settings.MAP_CENTER,
        "zoom": settings.MAP_ZOOM,
        "tiles_url": tiles_url,
        "attribution": tiles_options.get("attribution", ""),
        "route_url": reverse("routing:route"),
        "labels": {
            "loading": _("Searching for a route…"),
            "found": _("Route: %(length)s m, about %(minutes)s min."),
            "not_found": _("There is no route within your limits."),
            "relaxed": _("If you allow this limit to be exceeded, a route of %(length)s m exists."),
            "error": _("The route could not be found. Try again later."),
            "start_set": _("Start set on the map."),
            "end_set": _("Destination set on the map."),
            "no_location": _("Your location is not available."),
            "no_warnings": _("None."),
        },
    }
    profiles = [(name, profile.label, profile.limits) for name, profile in PROFILES.items()]
    return render(
        request,
        "routing/planner.html",
        {"config": config, "profiles": profiles, "values": request.GET},
    )
