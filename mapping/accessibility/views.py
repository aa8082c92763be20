"""The site's accessibility statement (§8 of Act 99/2019 Sb.), filled in by a coordinator in the
admin, and the public's request for remedy (§9), which enters the repair loop."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mapping.accessibility.forms import RemedyRequestForm
from mapping.models import AccessibilityStatement, RepairItem, RepairSource
from mapping.ratelimit import check, limited_form, minutes_until
from mapping.repairs.service import start_from_remedy_request

REMEDY_SCOPE = "remedy_requests"
WINDOW_SECONDS = 3600


@require_GET
def statement(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accessibility/statement.html",
        {"statement": AccessibilityStatement.current(), "site_name": request.get_host()},
    )


@require_http_methods(["GET", "POST"])
def remedy_request(request: HttpRequest) -> HttpResponse:
    form = RemedyRequestForm(request.POST or None)
    context = {"form": form}
    if request.method != "POST":
        return render(request, "accessibility/remedy.html", context)
    limit = check(request, REMEDY_SCOPE, settings.REMEDY_REQUESTS_PER_HOUR, WINDOW_SECONDS)
    if not limit.allowed:
        message = _(
            "Too many requests from this address. You can send the next one in %(minutes)s min."
        ) % {"minutes": minutes_until(limit.retry_after)}
        return limited_form(request, "accessibility/remedy.html", context, limit, message)
    if not form.is_valid():
        return render(request, "accessibility/remedy.html", context, status=400)
    item = start_from_remedy_request(
        form.cleaned_data["description"],
        form.cleaned_data["page_url"],
        form.cleaned_data["contact"],
    )
    return redirect("accessibility:remedy_thanks", reference=item.reference)


@require_GET
def remedy_thanks(request: HttpRequest, reference: str) -> HttpResponse:
    item = get_object_or_404(RepairItem, reference=reference, source=RepairSource.REMEDY)
    return render(request, "accessibility/remedy_thanks.html", {"item": item})
