"""The coordinator's review: queue, one submission beside the published survey, decisions,
photos (blur areas, the private original) and coverage."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mapping.access import coordinator_required, get_assessment_or_404
from mapping.categorisation import categorise
from mapping.errors import error_answer
from mapping.ids import parse_id
from mapping.methodology.consistency import contradictions
from mapping.models import Assessment, ReviewStatus
from mapping.models.published import published_q
from mapping.review import coverage as coverage_service
from mapping.review import workflow
from mapping.review.diff import diff_answers, disagreements

DECISIONS = {
    "approve": (workflow.approve, False),
    "reject": (workflow.reject, True),
    "return": (workflow.return_for_changes, True),
}


@coordinator_required
def queue(request: HttpRequest) -> HttpResponse:
    submitted = (
        Assessment.objects.filter(status=ReviewStatus.SUBMITTED)
        .select_related("place", "surveyor")
        .order_by("submitted_at", "id")
    )
    return render(request, "review/queue.html", {"assessments": submitted})


def current_approved(assessment: Assessment) -> Assessment | None:
    return (
        Assessment.objects.published()
        .filter(place_id=assessment.place_id)
        .exclude(pk=assessment.pk)
        .first()
    )


@coordinator_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment_or_404(request.user, pk)
    approved = current_approved(assessment)
    language = get_language() or "cs"
    others = list(
        Assessment.objects.filter(
            published_q() | Q(status=ReviewStatus.SUBMITTED), place_id=assessment.place_id
        )
        .exclude(pk=assessment.pk)
        .select_related("surveyor")
    )
    rows = diff_answers(
        approved.answers if approved else {},
        assessment.answers,
        language,
        assessment.not_remeasured,
    )
    return render(
        request,
        "review/detail.html",
        {
            "assessment": assessment,
            "approved": approved,
            "rows": rows,
            "changed_count": sum(1 for row in rows if row.changed),
            "carried_count": sum(1 for row in rows if row.not_remeasured),
            "disagreements": disagreements(assessment.answers, others, language),
            "contradictions": _contradictions(assessment.answers, language),
            "photos": assessment.photos.all(),
            "approved_photos": approved.photos.all() if approved else [],
            "events": assessment.events.select_related("actor"),
            "can_decide": assessment.status == ReviewStatus.SUBMITTED,
        },
    )


def _contradictions(answers: dict, language: str) -> list[str]:
    """The answers that contradict each other, as the survey warned the volunteer of them."""
    english = not language.startswith("cs")
    return [c.en if english else c.cs for c in contradictions(answers, categorise(answers))]


class BadPublishedField(ValueError):
    pass


def published_seen(request: HttpRequest):
    """The published survey the decision form showed beside the submission: its id, or None when
    there was none. A form sent from a page older than this field has none: its decision is
    not checked against a newer publication (accepted for one release, then refused)."""
    raw = request.POST.get("published")
    if raw is None:
        return workflow.NOT_CHECKED
    if raw == "":
        return None
    pk = parse_id(raw)
    if pk is None:
        raise BadPublishedField(raw)
    return pk


@require_POST
@coordinator_required
def decide(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    assessment = get_assessment_or_404(request.user, pk)
    transition, needs_comment = DECISIONS[action]
    comment = request.POST.get("comment", "").strip()
    if needs_comment and not comment:
        messages.error(request, _("Write a comment: the volunteer needs to know why."))
        return redirect("review:detail", pk=pk)
    try:
        transition(assessment, request.user, comment, published_seen=published_seen(request))
    except BadPublishedField:
        return error_answer(request, 400)
    except workflow.TransitionError as error:
        # Someone else decided first (another tab, a double click, another coordinator).
        context = {"assessment": assessment, "reason": str(error)}
        return render(request, "review/conflict.html", context, status=409)
    messages.success(request, _("Decision saved; the volunteer gets an e-mail."))
    return redirect("review:queue")


@coordinator_required
def coverage(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "review/coverage.html",
        {
            "never": coverage_service.never_surveyed()[:500],
            "outdated": coverage_service.outdated()[:500],
            "years": settings.SURVEY_MAX_AGE_YEARS,
            "cutoff": coverage_service.cutoff_date(),
        },
    )
