"""The repair loop's pages: the coordinators' list (overdue first) and each item with its
history; the assignee's answer page, opened by its secret link without an account; the
volunteers' re-survey tasks."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mapping.access import coordinator_required, get_assessment_or_404
from mapping.models import (
    RepairContact,
    RepairItem,
    RepairStatus,
    Report,
    ResurveyTask,
    ResurveyTaskStatus,
)
from mapping.ratelimit import check, limited_form, minutes_until
from mapping.repairs import service
from mapping.repairs.forms import AnswerForm, AssignForm, CloseForm, StartFromSurveyForm

ANSWERS_SCOPE = "repair_answers"
WINDOW_SECONDS = 3600
NO_SUCH_LINK = gettext_lazy(
    "This answer link does not exist. Check that the whole address from the e-mail was copied."
)


@require_GET
@coordinator_required
def repair_list(request: HttpRequest) -> HttpResponse:
    items = RepairItem.objects.select_related("assignee", "place", "report")
    overdue = list(items.overdue())
    overdue_ids = {item.pk for item in overdue}
    context = {
        "overdue": overdue,
        "in_progress": [
            item for item in items.exclude(status=RepairStatus.CLOSED) if item.pk not in overdue_ids
        ],
        "closed": items.filter(status=RepairStatus.CLOSED)[:50],
        "waiting_reports": service.barriers_without_repair()[:100],
        "answer_days": settings.REPAIR_ANSWER_DAYS,
        "has_contacts": RepairContact.objects.filter(is_active=True).exists(),
    }
    return render(request, "repairs/list.html", context)


@require_POST
@coordinator_required
def start_from_report(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=report_pk)
    try:
        item = service.start_from_report(report, request.user)
    except service.RepairStepRefused as error:
        messages.error(request, str(error))
        return redirect("repairs:list")
    return redirect("repairs:detail", pk=item.pk)


@require_POST
@coordinator_required
def start_from_survey(request: HttpRequest, assessment_pk: int) -> HttpResponse:
    assessment = get_assessment_or_404(request.user, assessment_pk)
    form = StartFromSurveyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say which barrier of the survey needs repairing."))
        return redirect("review:detail", pk=assessment.pk)
    try:
        item = service.start_from_assessment(
            assessment, form.cleaned_data["description"], request.user
        )
    except service.RepairStepRefused as error:
        messages.error(request, str(error))
        return redirect("review:detail", pk=assessment.pk)
    return redirect("repairs:detail", pk=item.pk)


def _detail(request: HttpRequest, item: RepairItem, status: int = 200, **forms) -> HttpResponse:
    context = {
        "item": item,
        "events": item.events.select_related("actor"),
        "tasks": item.resurvey_tasks.all(),
        "assign_form": forms.get("assign_form") or AssignForm(),
        "close_form": forms.get("close_form") or CloseForm(),
        "is_overdue": RepairItem.objects.overdue().filter(pk=item.pk).exists(),
        "has_contacts": RepairContact.objects.filter(is_active=True).exists(),
    }
    return render(request, "repairs/detail.html", context, status=status)


def _item_or_404(pk: int) -> RepairItem:
    return get_object_or_404(
        RepairItem.objects.select_related("assignee", "place", "report", "assessment"), pk=pk
    )


@require_GET
@coordinator_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _item_or_404(pk))


@require_POST
@coordinator_required
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, status=400, assign_form=form)
    try:
        service.assign(item, form.cleaned_data["contact"], request.user, form.cleaned_data["note"])
    except service.RepairStepRefused as error:
        messages.error(request, str(error))
        return redirect("repairs:detail", pk=item.pk)
    messages.success(
        request,
        _("Assigned to %(name)s; the e-mail with the answer link is on its way.")
        % {"name": form.cleaned_data["contact"].name},
    )
    return redirect("repairs:detail", pk=item.pk)


@require_POST
@coordinator_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(pk)
    form = CloseForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, status=400, close_form=form)
    try:
        service.close(item, request.user, form.cleaned_data["note"])
    except service.RepairStepRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The repair is closed."))
    return redirect("repairs:detail", pk=item.pk)


def _gone(request: HttpRequest, message) -> HttpResponse:
    return render(request, "410.html", {"message": message}, status=410)


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The assignee's page. A wrong token is a 404 (as if nothing were there); an expired link,
    or one whose repair no longer takes answers, a 410 that says what to do."""
    item = RepairItem.objects.select_related("assignee", "place", "report").filter(pk=pk).first()
    if item is None or not item.token_matches(token):
        raise Http404(NO_SUCH_LINK)
    if item.link_expired():
        return _gone(
            request,
            _("This answer link has expired. Ask the town's coordinator for a new one."),
        )
    if item.status not in (RepairStatus.ASSIGNED, RepairStatus.PLANNED):
        return _gone(
            request,
            _(
                "This repair no longer takes answers through this link: it was answered or "
                "closed. The coordinator has your answer."
            ),
        )
    form = AnswerForm(request.POST or None)
    context = {"item": item, "form": form}
    if request.method != "POST":
        return render(request, "repairs/answer.html", context)
    limit = check(request, ANSWERS_SCOPE, settings.REPAIR_ANSWERS_PER_HOUR, WINDOW_SECONDS)
    if not limit.allowed:
        message = _("Too many answers from this address. Try again in %(minutes)s min.") % {
            "minutes": minutes_until(limit.retry_after)
        }
        return limited_form(request, "repairs/answer.html", context, limit, message)
    if not form.is_valid():
        return render(request, "repairs/answer.html", context, status=400)
    try:
        item = service.answer(
            item,
            form.cleaned_data["answer"],
            form.cleaned_data.get("planned_date"),
            form.cleaned_data["note"],
        )
    except service.RepairStepRefused as error:
        return _gone(request, str(error))
    return render(request, "repairs/answered.html", {"item": item})


@require_GET
@login_required
def resurvey_tasks(request: HttpRequest) -> HttpResponse:
    """Places the volunteers are asked to survey again (a barrier reported fixed)."""
    tasks = (
        ResurveyTask.objects.filter(status=ResurveyTaskStatus.OPEN)
        .select_related("place", "repair")
        .order_by("created_at", "id")
    )
    return render(request, "repairs/tasks.html", {"tasks": tasks, "today": timezone.localdate()})
