"""The printable town map (PDF, A4 or A3) with the map's and the list's filters."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mapping.errors import error_answer
from mapping.models import Category, PlaceKind
from mapping.printing import pdf_response, render_pdf
from mapping.public.filters import (
    PROFILE_CHOICES,
    SENSORY_PROFILES,
    PlaceFilterForm,
    form_errors_text,
    municipality_choices,
)
from mapping.public.search import PlaceListQuery
from mapping.public.town_map import MAX_PLACES, PAPERS, draw_town_map
from mapping.public.viewstate import map_view_from_query
from mapping.symbols import BARRIER_LABEL, CATEGORY_LEGEND, FEATURES_LEGEND, LEGEND_LABELS

CATEGORY_LABELS = dict(Category.choices)
KIND_LABELS = dict(PlaceKind.choices)


@require_GET
def print_map(request: HttpRequest) -> HttpResponse:
    paper = request.GET.get("paper", "a4").lower()
    if paper not in PAPERS:
        return error_answer(
            request, 400, message=_("The paper must be A4 or A3 (paper=a4 or paper=a3).")
        )
    form = PlaceFilterForm(request.GET, municipalities=municipality_choices())
    if not form.is_valid():
        return error_answer(request, 400, message=form_errors_text(form))
    filters = form.filters()
    centre, _zoom = map_view_from_query(request.GET)
    # The nearest to the map's centre when there are too many, then numbered by name.
    matching = PlaceListQuery(filters, centre, "distance")
    rows = list(matching[0:MAX_PLACES])
    if request.GET.get(
        "with_services"
    ):  # from the catalogue: the places where services are provided
        rows = [row for row in rows if row.services]
    rows.sort(key=lambda row: (row.name.casefold(), row.id))
    total = len(rows) if request.GET.get("with_services") else matching.count()
    town_map = draw_town_map(rows, filters.profile, paper)
    for marker in town_map.markers:
        marker.symbol_text = str(LEGEND_LABELS.get(marker.symbol, "")) or marker.symbol
        category = marker.row.category(filters.profile)
        marker.category_label = CATEGORY_LABELS.get(category, "") if category else ""
        marker.kind_label = KIND_LABELS.get(marker.row.kind, "")
    language = get_language() or "cs"
    map_query = request.GET.copy()
    map_query.pop("paper", None)
    content = render_pdf(
        request,
        "public/print_map.html",
        {
            "paper": PAPERS[paper],
            "paper_name": paper,
            "town_map": town_map,
            "filters": filters,
            "profile_label": dict(PROFILE_CHOICES).get(filters.profile, ""),
            "sensory": filters.profile in SENSORY_PROFILES,
            "legend": [
                *(FEATURES_LEGEND if filters.profile in SENSORY_PROFILES else CATEGORY_LEGEND),
                *([("barrier", BARRIER_LABEL)] if filters.has_limits else []),
            ],
            "shown": len(rows),
            "total": total,
            "printed": timezone.localdate(),
            "map_url": request.build_absolute_uri(reverse("public:map"))
            + (f"?{map_query.urlencode()}" if map_query else ""),
        },
        language=language,
    )
    return pdf_response(content, f"mapa-{paper}.pdf")
