"""The coordinator's legal-compliance view: the list of published places against the building
regulations (filterable by kind, purpose, municipality and verdict), one place's items, and the
barrier-removal plan of a municipality (PDF and XLSX)."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from mapping.access import coordinator_required
from mapping.compliance import CHECKED_KINDS, compliance_rows, place_compliance
from mapping.errors import error_answer
from mapping.language import page_is_czech
from mapping.methodology.compliance import COMPLIANT, NON_COMPLIANT, UNDECIDED
from mapping.methodology.decrees import COST_CLASSES, DECREES
from mapping.models import Municipality, Place, PlaceKind, Purpose
from mapping.printing import render_pdf
from mapping.review.plan import plan_filename, plan_rows, plan_xlsx, ranking_rule

STATUSES = (
    (NON_COMPLIANT, gettext_lazy("Non-compliant")),
    (UNDECIDED, gettext_lazy("Cannot be decided")),
    (COMPLIANT, gettext_lazy("Compliant")),
)


def _decree_choices() -> list[tuple[str, str]]:
    return [("", gettext_lazy("The one in force on the survey date"))] + [
        (version, f"{d.decree}") for version, d in DECREES.items()
    ]


class ComplianceFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        required=False,
        choices=[("", gettext_lazy("All kinds"))]
        + [(k, label) for k, label in PlaceKind.choices if k in CHECKED_KINDS],
    )
    purpose = forms.ChoiceField(
        label=gettext_lazy("Purpose"),
        required=False,
        choices=[("", gettext_lazy("All purposes"))] + list(Purpose.choices),
    )
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Municipality"),
        required=False,
        queryset=Municipality.objects.all(),
        empty_label=gettext_lazy("All municipalities"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Verdict"),
        required=False,
        choices=[("", gettext_lazy("Any verdict"))] + list(STATUSES),
    )
    decree = forms.ChoiceField(
        label=gettext_lazy("Decree"), required=False, choices=_decree_choices
    )


def _bad_filter(request: HttpRequest, form: forms.Form) -> HttpResponse:
    fields = ", ".join(str(form.fields[name].label) for name in form.errors)
    return error_answer(
        request, 400, message=_("This filter cannot be used: %(fields)s.") % {"fields": fields}
    )


@require_GET
@coordinator_required
def compliance_list(request: HttpRequest) -> HttpResponse:
    form = ComplianceFilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return _bad_filter(request, form)
    data = form.cleaned_data if request.GET else {}
    municipality = data.get("municipality")
    rows = compliance_rows(
        municipality=municipality.pk if municipality else None,
        kind=data.get("kind") or None,
        purpose=data.get("purpose") or None,
        status=data.get("status") or None,
        version=data.get("decree") or None,
    )
    counts = {key: 0 for key, _label in STATUSES}
    for row in rows:
        counts[row.compliance.status] += 1
    return render(
        request,
        "review/compliance_list.html",
        {
            "form": form,
            "rows": rows,
            "english": not page_is_czech(),
            "counts": [(label, counts[key]) for key, label in STATUSES],
            "municipalities": Municipality.objects.filter(places__isnull=False).distinct(),
            "decree": data.get("decree") or "",
        },
    )


@require_GET
@coordinator_required
def compliance_place(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_object_or_404(Place, pk=pk)
    version = request.GET.get("decree") or None
    if version is not None and version not in DECREES:
        return error_answer(request, 400, message=_("Unknown decree version."))
    item = place_compliance(place, version)
    if item is None:
        return error_answer(
            request,
            404,
            message=_("This place has no published survey the building regulations apply to."),
        )
    return render(
        request,
        "review/compliance_place.html",
        {
            "item": item,
            "place": place,
            "english": not page_is_czech(),
            "decrees": DECREES,
            "version": item.compliance.version,
        },
    )


def _plan_context(municipality: Municipality, version: str | None) -> dict:
    return {
        "municipality": municipality,
        "rows": plan_rows(municipality, version),
        "ranking_rule": ranking_rule(),
        "cost_classes": [(key, cs) for key, (cs, _en) in COST_CLASSES.items()],
        "printed": timezone.localdate(),
    }


@require_GET
@coordinator_required
def plan(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    municipality = get_object_or_404(Municipality, pk=pk)
    version = request.GET.get("decree") or None
    if version is not None and version not in DECREES:
        return error_answer(request, 400, message=_("Unknown decree version."))
    context = _plan_context(municipality, version)
    if extension == "xlsx":
        content = plan_xlsx(municipality, context["rows"])
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = render_pdf(request, "review/plan.html", context)
        content_type = "application/pdf"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{plan_filename(municipality, extension)}"'
    )
    return response
