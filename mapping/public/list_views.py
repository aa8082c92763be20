"""The list of places: everything the map gives, with the same filters, for keyboard and
screen-reader users. Sortable by distance from a point, by name, or by relevance to a search."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from mapping.geolocation import position_texts
from mapping.headers import uses_geolocation
from mapping.models import Category
from mapping.public.filters import PlaceFilterForm, PlaceFilters, municipality_choices
from mapping.public.limits import LIMIT_NAMES, planner_defaults
from mapping.public.search import MIN_QUERY_LENGTH, PlaceListQuery, PlaceRow
from mapping.public.viewstate import map_view_from_query

PAGE_SIZE = 25
SORT_CHOICES = [
    ("distance", pgettext_lazy("sort by", "Distance from the map centre")),
    ("name", pgettext_lazy("sort by", "Name")),
    ("relevance", pgettext_lazy("sort by", "Best match to the search")),
]
CATEGORY_LABELS = dict(Category.choices)


def distance_text(row: PlaceRow) -> str:
    if row.distance_m < 1000:
        return _("%(distance)s m away") % {"distance": f"{row.distance_m:.0f}"}
    return _("%(distance)s km away") % {"distance": number_format(row.distance_m / 1000, 1)}


def _query_except(request: HttpRequest, *names: str) -> list[tuple[str, str]]:
    """The query's parameters but `names`, as (name, value) pairs for hidden form fields."""
    return [
        (name, value)
        for name, values in request.GET.lists()
        if name not in names
        for value in values
    ]


@require_GET
@uses_geolocation
def place_list(request: HttpRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None, municipalities=municipality_choices())
    filters = form.filters() if form.is_bound and form.is_valid() else PlaceFilters()
    searching = len(filters.query) >= MIN_QUERY_LENGTH
    sort = request.GET.get("sort", "")
    if sort not in dict(SORT_CHOICES) or (sort == "relevance" and not searching):
        sort = "relevance" if searching else "distance"
    center, _zoom = map_view_from_query(request.GET)
    paginator = Paginator(PlaceListQuery(filters, center, sort), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    rows = []
    for row in page.object_list:
        category = row.category(filters.profile)
        rows.append((row, category, CATEGORY_LABELS.get(category, ""), distance_text(row)))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return render(
        request,
        "public/list.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "rows": rows,
            "sort": sort,
            "sort_choices": [c for c in SORT_CHOICES if c[0] != "relevance" or searching],
            "center": center,
            "query_without_page": query_without_page.urlencode(),
            "map_query": query_without_page.urlencode(),
            # The visitor's limits go along to each place's detail.
            "limits_query": urlencode(
                {
                    name: f"{getattr(filters, name):g}"
                    for name in LIMIT_NAMES
                    if getattr(filters, name) is not None
                }
            ),
            "list_config": {
                "limit_names": LIMIT_NAMES,
                "planner_limits": planner_defaults(),
                "located": _("Your position is filled in: press Sort."),
                "position": position_texts(),
            },
            # The search and the sort forms keep the rest of the query. Built here: in the
            # template, request.GET.lists would first look up a parameter named "lists".
            "search_hidden": _query_except(request, "q", "page"),
            "sort_hidden": _query_except(request, "sort", "page", "lat", "lon"),
            # Changing a filter keeps the chosen order and point.
            "extra_hidden": [
                (name, request.GET[name])
                for name in ("sort", "lat", "lon")
                if request.GET.get(name)
            ],
        },
    )
