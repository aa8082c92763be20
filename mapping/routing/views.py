"""The route API: a thin view over routes.plan_route. Bad input is a 400 with a message."""

from django.conf import settings
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mapping.models import Place, ReviewStatus
from mapping.routing.profiles import Limits, RouteInputError
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
