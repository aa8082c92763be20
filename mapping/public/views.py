"""The public map page, its layer and the search behind its search box."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mapping.compression import layer_response
from mapping.geolocation import position_texts
from mapping.headers import allow_framing_anywhere, uses_geolocation
from mapping.models import Category
from mapping.public.filters import (
    PROFILE_CHOICES,
    FilterError,
    PlaceFilterForm,
    filter_error,
    invalid_query,
    municipality_choices,
    parse_bbox,
)
from mapping.public.layer import (
    LayerRequest,
    cached_layer,
    last_change,
    layer_etag,
    parse_zoom,
)
from mapping.public.limits import LIMIT_NAMES, planner_defaults
from mapping.public.queries import SENSORY_FEATURES, feature_labels, focus_place
from mapping.public.search import count_matches, search_places
from mapping.public.tiles import PLACES_MIN_ZOOM, cached_tile, parse_tile, tile_request
from mapping.public.viewstate import (
    focus_place_id,
    is_embed,
    map_view_from_query,
    services_layer_on,
)
from mapping.route_profiles import MAP_PROFILE

# How close the map comes to a place that a link asks it to open.
FOCUS_ZOOM = 18


def map_config(request: HttpRequest, focus: dict | None = None) -> dict:
    """Everything map.js needs, passed through json_script. `focus` is the place a link asks the
    map to open (`?place=<id>`): the map centres on it unless the link also gives a centre.
    The base map itself comes with the map's files (mapping/map_settings.py)."""
    center, zoom = map_view_from_query(request.GET)
    if focus is not None:
        if not (request.GET.get("lat") and request.GET.get("lon")):
            center = (focus["lat"], focus["lon"])
        if not request.GET.get("z"):
            zoom = FOCUS_ZOOM
    return {
        "center": center,
        "zoom": zoom,
        "layer_url": reverse("public:places_layer"),
        "tile_url": reverse("public:places_tile", args=["Z", "X", "Y"]),
        "search_url": reverse("public:search"),
        "detail_url": reverse("public:detail", args=[0]),
        "list_url": reverse("public:list"),
        "services_url": reverse("catalogue:layer"),
        "service_url": reverse("catalogue:service", args=[0]),
        "focus": focus,
        "places_zoom": PLACES_MIN_ZOOM,
        # What each symbol of a cluster's ring stands for, as the legend says it.
        "symbols": {
            **{value: str(label) for value, label in Category.choices},
            "unknown": _("Not assessed for this profile"),
            "features": _("With features for this profile"),
            "nofeatures": _("No features recorded for this profile"),
            "barrier": _("A barrier for your limits."),
        },
        "limit_names": LIMIT_NAMES,
        "planner_limits": planner_defaults(),
        "map_profiles": MAP_PROFILE,
        "embed": is_embed(request.GET),
        # An embedded map carries its language into what it asks and opens (mapping/language.py).
        "language": get_language(),
        "max_bbox": settings.MAP_LAYER_MAX_BBOX_DEGREES,
        "categories": {value: str(label) for value, label in Category.choices},
        "profiles": {value: str(label) for value, label in PROFILE_CHOICES},
        "features": {profile: feature_labels(profile) for profile in SENSORY_FEATURES},
        "text": {
            "count": {
                rule: ngettext(
                    "%(count)s place in the shown area.", "%(count)s places in the shown area.", n
                )
                for rule, n in PLURAL_SAMPLES
            },
            "error": _("The places could not be loaded. Try again later."),
            "bad_filters": _("The filters are not valid: %(message)s"),
            "open_detail": _("Details of the place"),
            "toilet": _("Accessible toilet"),
            "no_category": _("Not assessed for this profile"),
            "no_features": _("No features recorded for this profile"),
            "cluster": {
                rule: ngettext(
                    "%(count)s place: %(parts)s. Press to zoom in.",
                    "%(count)s places: %(parts)s. Press to zoom in.",
                    n,
                )
                for rule, n in PLURAL_SAMPLES
            },
            "show_on_map": _("Show on the map"),
            "located": _("Your position is shown on the map."),
            "position": position_texts(),
            "you_are_here": _("You are here"),
            "zoom_in": _("Zoom in to see the places."),
            "services": _("Social services"),
            "services_count": _("%(count)s places with social services are shown."),
            "services_error": _("The social services could not be loaded. Try again later."),
            "services_title": _("Social services: %(services)s"),
            "not_published": _("This place has not been assessed yet."),
            "barrier": _("A barrier for your limits."),
            "barrier_step": _("Lowest entrance step: %(value)s cm."),
            "barrier_door": _("Widest entrance door: %(value)s cm."),
            "limits_restored": _("Your remembered limits are filled in."),
            "limits_from_planner": _("Your limits from the route planner are filled in."),
            "filtered_out": _("This place does not match the chosen filters."),
        },
    }


# A count for each rule of the script's Intl.PluralRules (one: 1, few: 2 to 4, other: the
# rest), so that ngettext's forms reach it with %(count)s left for the script to fill.
PLURAL_SAMPLES = (("one", 1), ("few", 2), ("other", 5))


@require_GET
@uses_geolocation
def map_page(request: HttpRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None, municipalities=municipality_choices())
    if request.GET:
        form.is_valid()  # errors are shown next to the fields; the map then shows everything
    embed = is_embed(request.GET)
    profile = (form.cleaned_data.get("profile") if form.is_bound and form.is_valid() else "") or (
        "wheelchair"
    )
    place_id = focus_place_id(request.GET)
    focus = focus_place(place_id) if place_id is not None else None
    response = render(
        request,
        "public/map.html",
        {
            "form": form,
            "map_config": map_config(request, focus),
            "focus_missing": place_id is not None and focus is None,
            "has_limits": bool(form.is_bound and form.is_valid() and form.filters().has_limits),
            "services_on": services_layer_on(request.GET),
            "embed": embed,
            "profile": profile,
            "sensory": profile in SENSORY_FEATURES,
            "features": feature_labels(profile),
        },
    )
    if embed:
        # Towns put the embed view in an <iframe> on their own site; every other page stays DENY.
        allow_framing_anywhere(response)
    return response


@require_GET
def places_layer(request: HttpRequest) -> HttpResponse:
    try:
        bbox = parse_bbox(request.GET.get("bbox"), settings.MAP_LAYER_MAX_BBOX_DEGREES)
        zoom = parse_zoom(request.GET.get("zoom"))
    except FilterError as error:
        return invalid_query(error)
    form = PlaceFilterForm(request.GET)
    if not form.is_valid():
        return invalid_query(filter_error(form))
    layer_request = LayerRequest(bbox=bbox, zoom=zoom, filters=form.filters())
    changed = last_change()
    etag = layer_etag(layer_request, changed, get_language())
    return layer_response(request, etag, changed, lambda: cached_layer(layer_request, etag))


@require_GET
def places_tile(request: HttpRequest, z: str, x: str, y: str) -> HttpResponse:
    """One tile of the map: its clusters or, from a town's zoom on, its places
    (mapping.public.tiles)."""
    try:
        tile = parse_tile(z, x, y)
    except FilterError as error:
        return invalid_query(error)
    form = PlaceFilterForm(request.GET)
    if not form.is_valid():
        return invalid_query(filter_error(form))
    tile_req = tile_request(tile, form.filters())
    return layer_response(request, tile_req.etag, tile_req.changed, lambda: cached_tile(tile_req))


SEARCH_RESULTS = 10


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    """The best matches for the search box, as JSON: most similar first, then nearest; with how
    many match in all, a sentence that says so, and the list of all of them when there are more."""
    form = PlaceFilterForm(request.GET)
    if not form.is_valid():
        return invalid_query(filter_error(form))
    center, _zoom = map_view_from_query(request.GET)
    query = form.filters().query
    rows = search_places(query, center, limit=SEARCH_RESULTS, filters=form.filters())
    total = len(rows) if len(rows) < SEARCH_RESULTS else count_matches(query, form.filters())
    list_params = {"q": query, "lat": center[0], "lon": center[1]}
    return JsonResponse(
        {
            "results": [
                {
                    "id": row.id,
                    "name": row.name,
                    "address": row.address,
                    "lat": row.lat,
                    "lon": row.lon,
                    "wheelchair": row.wheelchair,
                    "seniors": row.seniors,
                    "pram": row.pram,
                    "url": reverse("public:detail", args=[row.id]),
                }
                for row in rows
            ],
            "total": total,
            "summary": search_summary(query, len(rows), total),
            "list_url": f"{reverse('public:list')}?{urlencode(list_params)}",
            "list_text": (
                _("Show all %(count)s in the list") % {"count": total} if total > len(rows) else ""
            ),
        }
    )


def search_summary(query: str, shown: int, total: int) -> str:
    if not total:
        return _("No place matches “%(query)s”.") % {"query": query}
    if total > shown:
        return _("The %(shown)s best of %(count)s matching places.") % {
            "shown": shown,
            "count": total,
        }
    return ngettext("%(count)s place matches.", "%(count)s places match.", total) % {"count": total}
