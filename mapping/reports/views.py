from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from mapping.reports.forms import ReportForm
from mapping.reports.ratelimit import allow


@require_http_methods(["GET", "POST"])
def new_report(request: HttpRequest) -> HttpResponse:
    initial = {}
    if (place := request.GET.get("place", "")).isdigit():
        initial["place"] = int(place)
    form = ReportForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not allow(request, "report-form", settings.REPORTS_PER_HOUR, 3600):
            return render(
                request,
                "reports/new.html",
                {"form": form, "limited": _("Too many reports from here. Try again in an hour.")},
                status=429,
            )
        if form.is_valid():
            form.save()
            return redirect("reports:thanks")
        return render(request, "reports/new.html", {"form": form}, status=400)
    return render(request, "reports/new.html", {"form": form})


def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/thanks.html")
