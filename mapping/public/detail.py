"""The detail of a published place, at a permanent URL: /misto/<id>/."""

from django import forms
from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mapping.compliance import CHECKED_KINDS, assessment_compliance
from mapping.language import page_is_czech
from mapping.models import Assessment, Entrance, Place, Purpose, Report
from mapping.public import presenters
from mapping.public.filters import PROFILE_CHOICES
from mapping.public.limits import LIMIT_NAMES, clean_limit, limits_sql
from mapping.public.queries import SENSORY_FEATURES, sensory_features_of

STEP_FREE_WAYS_IN = {
    "NoelevationEntranceAccessibility",
    "RampEntranceAccessibility",
    "PlatformEntranceAccessibility",
}


# The newest reports a place's page lists (current and published only).
MAX_REPORTS = 20


def _report_url(place_id: int) -> str:
    """The public report form, with this place chosen."""
    return reverse("reports:new") + f"?place={place_id}"


def visitor_limits(request: HttpRequest) -> dict[str, float]:
    """The visitor's limits from the URL (as the map and list pass them); a bad value is left
    out here, the page stays readable: the map's own form is where it is explained."""
    limits = {}
    for name in LIMIT_NAMES:
        try:
            value = clean_limit(name, request.GET.get(name))
        except forms.ValidationError:
            continue
        if value is not None:
            limits[name] = value
    return limits


def barrier_for_limits(assessment_id: int, limits: dict[str, float]) -> dict | None:
    """Whether the place is a barrier for these limits, with its lowest entrance step and its
    widest entrance door, by the same SQL as the map and the list (mapping.public.limits)."""
    if not limits:
        return None
    extra = limits_sql(limits.get("max_kerb_cm"), limits.get("min_width_cm"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {extra.columns} FROM mapping_assessment a {extra.from_} WHERE a.id = %s",
            [*extra.params, assessment_id],
        )
        barrier, step_cm, door_cm = cursor.fetchone()
    return {"barrier": barrier, "step_cm": step_cm, "door_cm": door_cm, **limits}


def entrances_of(place: Place, answers: dict) -> list[dict]:
    """The place's entrances: those recorded with a position, and those the survey measured
    without one (a survey records entrance 1 and 2 by number, not where they are)."""
    entrances = list(place.entrances.all())
    recorded = {entrance.number for entrance in entrances}
    for number in presenters.measured_entrances(answers):
        if number not in recorded:
            entrances.append(Entrance(place=place, number=number, location=None))
    items = []
    for entrance in sorted(entrances, key=lambda entrance: entrance.number):
        way_in = answers.get(f"entrance{entrance.number}Accessibility", "")
        items.append(
            {
                "entrance": entrance,
                "way_in": presenters.ENUM_LABELS.get(way_in, ""),
                # None when the survey did not record how one gets in.
                "step_free": (way_in in STEP_FREE_WAYS_IN) if way_in else None,
            }
        )
    return items


def services_of(place: Place) -> list[dict]:
    """The catalogue's services at the place, each with its type only where its name does not
    already say it ("Pečovatelská služba" is of the type "Pečovatelská služba (§ 40)")."""
    services = []
    for service in place.services.select_related("provider").order_by("name"):
        kind = service.get_service_type_display()
        named = service.name.casefold() in str(kind).casefold()
        services.append({"service": service, "type": "" if named else kind})
    return services


@require_GET
def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = (
        Assessment.objects.published()
        .select_related("place", "place__municipality")
        .filter(place_id=pk)
        .first()
    )
    if assessment is None:
        raise Http404(_("This place is not published."))
    place = assessment.place
    answers = assessment.answers if isinstance(assessment.answers, dict) else {}
    entrances = entrances_of(place, answers)
    reasons = presenters.reasons_by_profile(assessment.result, get_language() or "cs")
    profiles = [
        {
            "key": key,
            "label": label,
            "category": getattr(assessment, key),
            "category_label": getattr(assessment, f"get_{key}_display")(),
            "reasons": reasons.get(key, []),
        }
        for key, label in PROFILE_CHOICES
        if key not in SENSORY_FEATURES
    ]
    entrance_points = [
        {
            "number": item["entrance"].number,
            "label": str(item["entrance"]),
            "lat": item["entrance"].location.y,
            "lon": item["entrance"].location.x,
            "step_free": item["step_free"],
        }
        for item in entrances
        if item["entrance"].location is not None
    ]
    context = {
        "place": place,
        "assessment": assessment,
        "profiles": profiles,
        "general_reasons": reasons.get("general", []),
        "toilet_reasons": reasons.get("toilets", []),
        "incomplete": presenters.missing_measurements(assessment.result),
        "measurement_groups": presenters.measurement_groups(answers),
        "toilets": presenters.toilets(answers),
        "parking": presenters.parking(answers),
        "entrances": entrances,
        "photos": assessment.photos.visible(),
        "services": services_of(place),
        "reports": Report.objects.about_place(place).order_by("-created_at")[:MAX_REPORTS],
        "sensory": sensory_features_of(assessment.pk),
        "report_url": _report_url(place.pk),
        "for_limits": barrier_for_limits(assessment.pk, visitor_limits(request)),
        "purposes": [str(dict(Purpose.choices).get(value, value)) for value in place.purposes],
        "compliance": (
            assessment_compliance(assessment)
            if settings.PUBLIC_BUILDING_REGULATIONS and place.kind in CHECKED_KINDS
            else None
        ),
        "english": not page_is_czech(),
        "detail_config": {
            "place": {"lat": place.location.y, "lon": place.location.x, "name": place.name},
            "entrances": entrance_points,
            "text": {
                "step_free": _("Step-free entrance"),
                "not_step_free": _("Entrance with steps"),
                "unknown": _("The way in has not been recorded"),
            },
        },
    }
    return render(request, "public/detail.html", context)
