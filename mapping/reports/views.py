from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from mapping.ids import parse_id
from mapping.models import Photo
from mapping.photo_storage import limits_for, photo_error_message
from mapping.photos import PhotoError
from mapping.reports.forms import ReportForm
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


@require_http_methods(["GET", "POST"])
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
        return render(request, "reports/new.html", context)
    limit = count_report(request)
    if not limit.allowed:
        context["limited"] = limited_message(limit.retry_after)
        response = render(request, "reports/new.html", context, status=429)
        response["Retry-After"] = str(limit.retry_after)
        return response
    if not form.is_valid():
        return render(request, "reports/new.html", context, status=400)
    try:
        submit_report(form, request.FILES.get("photo"), limits_for(request.user))
    except PhotoError as error:
        form.add_error("photo", photo_error_message(error))
        return render(request, "reports/new.html", context, status=error.status)
    except ReportWithoutPosition as error:
        form.add_error(None, str(error))
        return render(request, "reports/new.html", context, status=error.status)
    return redirect("reports:thanks")


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/thanks.html")
