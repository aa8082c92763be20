from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mapping.geolocation import position_texts
from mapping.headers import uses_geolocation
from mapping.ids import parse_id
from mapping.models import Photo, Report, ReportStatus
from mapping.models.reports import normalise_reference
from mapping.photo_storage import limits_for, photo_error_message
from mapping.photos import PhotoError
from mapping.ratelimit import limited_form
from mapping.reports.forms import ReportForm
from mapping.reports.layer import reports_layer
from mapping.reports.limits import count_report, limited_message
from mapping.reports.service import ReportWithoutPosition, submit_report


def _reported_photo(request: HttpRequest) -> Photo | None:
    """The published photo named by ?photo= (or the form's reported_photo), if any."""
    raw = request.POST.get("reported_photo") or request.GET.get("photo", "")
    photo_id = parse_id(raw)
    if photo_id is None:
        return None
    return get_object_or_404(
        Photo.objects.published().select_related("assessment__place"), pk=photo_id
    )


def spot_config() -> dict:
    """What the spot picker (static/js/reports/spot.js) needs, through json_script; the base map
    comes with the map's files (mapping/map_settings.py)."""
    return {
        "text": {
            "unset": _(
                "Spot not marked yet: press an arrow key or Enter to mark it here, or click "
                "the map."
            ),
            "marker": _("Spot of the barrier: move it with the arrow keys (Shift: further)."),
            "marked": _("Spot marked: latitude %(lat)s, longitude %(lon)s."),
            "located": _("Your position is marked (accurate to about %(metres)s m)."),
            "position": position_texts(),
        },
    }


def _render_form(request: HttpRequest, context: dict, status: int = 200) -> HttpResponse:
    context["spot_config"] = spot_config()
    return render(request, "reports/new.html", context, status=status)


@require_http_methods(["GET", "POST"])
@uses_geolocation
def new_report(request: HttpRequest) -> HttpResponse:
    initial = {}
    if (place_id := parse_id(request.GET.get("place"))) is not None:
        initial["place"] = place_id
    photo = _reported_photo(request)
    form = ReportForm(
        request.POST or None, request.FILES or None, initial=initial, reported_photo=photo
    )
    context = {"form": form, "reported_photo": photo}
    if request.method != "POST":
        return _render_form(request, context)
    limit = count_report(request)
    if not limit.allowed:
        context["spot_config"] = spot_config()
        return limited_form(
            request, "reports/new.html", context, limit, limited_message(limit.retry_after)
        )
    if not form.is_valid():
        return _render_form(request, context, status=400)
    try:
        report = submit_report(form, request.FILES.get("photo"), limits_for(request.user))
    except PhotoError as error:
        form.add_error("photo", photo_error_message(error))
        return _render_form(request, context, status=error.status)
    except ReportWithoutPosition as error:
        form.add_error(None, str(error))
        return _render_form(request, context, status=error.status)
    return redirect("reports:thanks", reference=report.reference)


@require_GET
def thanks(request: HttpRequest, reference: str) -> HttpResponse:
    report = get_object_or_404(Report, reference=reference)
    return render(request, "reports/thanks.html", {"report": report})


@require_GET
def track(request: HttpRequest) -> HttpResponse:
    """The form that looks a report up by its reference, typed as people type it."""
    typed = request.GET.get("reference", "").strip()
    if not typed:
        return render(request, "reports/track.html", {})
    reference = normalise_reference(typed)
    if reference is not None and Report.objects.filter(reference=reference).exists():
        return redirect("reports:status", reference=reference)
    message = _("No report has the reference “%(reference)s”. Check it and try again.") % {
        "reference": typed[:40]
    }
    return render(request, "reports/track.html", {"typed": typed, "error": message}, status=404)


@require_GET
def status(request: HttpRequest, reference: str) -> HttpResponse:
    """What happened to a report, for whoever holds its reference: its status and dates, and
    what the public sees of it once published; never the contact, the photo or the notes."""
    report = get_object_or_404(Report.objects.select_related("place"), reference=reference)
    shown = report.status in (ReportStatus.PUBLISHED, ReportStatus.RESOLVED)
    place = report.place if report.place and report.place.assessments.published().exists() else None
    context = {
        "report": report,
        "shown": shown,
        "place": place,
        "page_url": request.build_absolute_uri(reverse("reports:status", args=[reference])),
    }
    return render(request, "reports/status.html", context)


@require_GET
def layer(request: HttpRequest) -> JsonResponse:
    """The published barriers for the public map, as GeoJSON."""
    return JsonResponse(reports_layer(), content_type="application/geo+json")
