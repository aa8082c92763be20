"""The route API, the search for its ends and the planner page: thin views over routes.py and
search.py. Bad input is a 400 with a message, an unknown place a 404."""

from django.conf import settings
from django.db import OperationalError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from psycopg.errors import QueryCanceled

from mapping.errors import error_answer
from mapping.geolocation import position_texts
from mapping.headers import uses_geolocation
from mapping.json_errors import json_error
from mapping.models import NetworkEdge
from mapping.route_profiles import MAP_PROFILE, PROFILES, USER_LIMITS, RouteInputError
from mapping.routing.opensidewalks_export import osw_zip
from mapping.routing.routes import plan_route_between
from mapping.routing.search import PlaceNotFound, hit_dict
from mapping.routing.search import search as search_ends
from mapping.routing.service import SearchCut

LIMIT_PARAMS = USER_LIMITS

# The time budget of a route request (ROUTING_BUDGET_MS) ran out before any search finished.
BUSY = gettext_lazy(
    "The route search is taking too long just now, so it was stopped. Try again in a moment."
)

# Without a street network every route would fail as "no way at all", which blames the map; the
# planner says what is missing and who can fix it instead.
NO_NETWORK = gettext_lazy(
    "No street network is loaded, so no route can be planned yet. A coordinator imports one "
    "from OpenStreetMap with: python manage.py import_osm_network <file.osm.pbf> --commit "
    "(the README says how to cut the town's extract)."
)

# The download builds the dataset in memory: a town's network (tens of thousands of edges, a few
# megabytes) is fine; a region's is exported with `manage.py export_opensidewalks` instead.
OSW_DOWNLOAD_MAX_EDGES = 100_000
OSW_TOO_LARGE = gettext_lazy(
    "The street network is too large to download here. A coordinator exports it with: "
    "python manage.py export_opensidewalks <file.zip>"
)


def network_loaded() -> bool:
    return NetworkEdge.objects.exists()


def _language(request: HttpRequest) -> str:
    language = request.GET.get("lang")
    return language if language in dict(settings.LANGUAGES) else translation.get_language()


@require_GET
def route(request: HttpRequest) -> JsonResponse:
    """GET ?from=…&to=…&profile=wheelchair&max_kerb_cm=3&lang=en

    Each end is `from`/`to` (a position in either order, as mapping.routing.coordinates reads
    it; an address; or a place's name) or
    `from_place`/`to_place` (a published place's number; `place` is the old name of `to_place`).
    """
    with translation.override(_language(request)):
        query = request.GET
        try:
            profile = query.get("profile", "pedestrian")
            overrides = {k: query[k] for k in LIMIT_PARAMS if k in query}
            answer = plan_route_between(
                {"text": query.get("from", ""), "place": query.get("from_place", "")},
                {
                    "text": query.get("to", ""),
                    "place": query.get("to_place", "") or query.get("place", ""),
                },
                profile,
                overrides,
            )
        except RouteInputError as error:
            return json_error(400, "invalid", error.args[0])
        except PlaceNotFound as error:
            return json_error(404, "not_found", error.args[0])
        except SearchCut:
            return _busy()
        except OperationalError as error:
            # A statement cancelled by the statement timeout (finding an end, say) is the
            # database being busy, not a fault of the request: answer so, never a 500.
            if not isinstance(error.__cause__, QueryCanceled):
                raise
            return _busy()
        if _no_path_at_all(answer) and not network_loaded():
            answer["reason"] = {"limit": None, "code": "no_network", "message": str(NO_NETWORK)}
    return JsonResponse(answer)


def _busy() -> JsonResponse:
    response = json_error(503, "busy", BUSY)
    response["Retry-After"] = "5"
    return response


def _no_path_at_all(answer: dict) -> bool:
    """No path at all, not even one across barriers: on an empty graph, every answer."""
    return not answer["found"] and answer["reason"]["limit"] is None


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    """GET ?q=…&lang=en: places and addresses a route can start or end at, best first."""
    with translation.override(_language(request)):
        try:
            hits = search_ends(request.GET.get("q", ""))
        except RouteInputError as error:
            return json_error(400, "invalid", error.args[0])
    return JsonResponse({"results": [hit_dict(hit) for hit in hits]})


@require_GET
@uses_geolocation
def planner(request: HttpRequest) -> HttpResponse:
    """The route planner page. The form's query string is the shareable URL of a route."""
    config = {
        "route_url": reverse("routing:route"),
        "search_url": reverse("routing:search"),
        "map_url": reverse("public:map"),
        "map_profiles": MAP_PROFILE,
        "labels": _planner_labels(),
    }
    profiles = [(name, profile.label, profile.limits) for name, profile in PROFILES.items()]
    query = request.GET
    ends = [
        {
            "name": "from",
            "label": _("Start"),
            "value": query.get("from", ""),
            "place": query.get("from_place", ""),
        },
        {
            "name": "to",
            "label": _("Destination"),
            "value": query.get("to", ""),
            "place": query.get("to_place", "") or query.get("place", ""),
        },
    ]
    return render(
        request,
        "routing/planner.html",
        {
            "config": config,
            "profiles": profiles,
            "values": query,
            "ends": ends,
            "no_network": None if network_loaded() else NO_NETWORK,
        },
    )


def _planner_labels() -> dict[str, str]:
    """The planner script's texts, in the page's language."""
    return {
        "loading": _("Searching for a route…"),
        "found": _("Route: %(length)s m, about %(minutes)s min."),
        "not_found": _("There is no route within your limits."),
        "suggestions": _("%(count)s suggestions. Choose one with the arrow keys and Enter."),
        "no_suggestions": _("Nothing found. Try another spelling, or choose the point on the map."),
        "chosen": _("Chosen: %(label)s."),
        "start": _("Start: %(label)s."),
        "end": _("Destination: %(label)s."),
        "entrance": _("Destination: %(label)s, by the entrance %(entrance)s."),
        "place_kind": _("place"),
        "address_kind": _("address"),
        "error": _("The route could not be found. Try again later."),
        "start_set": _("Start set on the map."),
        "end_set": _("Destination set on the map."),
        "position": position_texts(),
        "or_type_the_start": _("You can also type the start."),
        "start_located": _("The start is set to your location."),
        "order_lat_lon": _("read as latitude, longitude"),
        "order_lon_lat": _("read as longitude, latitude"),
        "entrance_unknown": _(
            "Whether you can use the entrance %(entrance)s is not known: its survey does "
            "not say how it is entered."
        ),
        "entrance_beyond": _(
            "No entrance of %(place)s is known to be within your limits; the route leads to "
            "the entrance %(entrance)s."
        ),
        "barrier": _("The first barrier"),
        "no_warnings": _("None."),
    }


@require_GET
def opensidewalks_download(request: HttpRequest) -> HttpResponse:
    """The routing network as an OpenSidewalks dataset (OSW 0.2 zip: edges and nodes)."""
    edges = NetworkEdge.objects.count()
    if not edges:
        raise Http404(NO_NETWORK)
    if edges > OSW_DOWNLOAD_MAX_EDGES:
        return error_answer(request, 503, message=OSW_TOO_LARGE)
    response = HttpResponse(osw_zip(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="bezbarierova-mapa.osw.zip"'
    response["Link"] = '<https://opendatacommons.org/licenses/odbl/1-0/>; rel="license"'
    return response
