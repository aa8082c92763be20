"""The review workflow of an assessment: submit, approve, reject, return for changes.

Every transition is one transaction, records an AssessmentEvent (who, when, from, to, comment and
the answers at that moment), and keeps the invariant that a place has at most one approved
assessment: approving a new one supersedes the previous one, which stays readable in the history.

Decisions on one place queue behind a lock on the place's row, taken first in each transaction:
two coordinators approving two submissions of one place at the same moment would otherwise both
find no approved assessment, and the second write would break the one-approved constraint (an
IntegrityError, a 500). After the lock the state is read again; a decision made on a page that
showed another published survey than the one published now is refused (DecidedMeanwhile, 409).

The volunteer hears of a decision by e-mail, sent by the worker: the job is queued in the
decision's transaction (mapping/review/tasks.py).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.models import (
    Assessment,
    AssessmentEvent,
    Place,
    RepairEvent,
    ResurveyTask,
    ResurveyTaskStatus,
    ReviewStatus,
)
from mapping.review.tasks import send_decision_email
from mapping.worker.map_grid import defer_map_grid_build

ALLOWED = {
    "submit": ({ReviewStatus.DRAFT, ReviewStatus.RETURNED}, ReviewStatus.SUBMITTED),
    "approve": ({ReviewStatus.SUBMITTED}, ReviewStatus.APPROVED),
    "reject": ({ReviewStatus.SUBMITTED}, ReviewStatus.REJECTED),
    "return": ({ReviewStatus.SUBMITTED}, ReviewStatus.RETURNED),
}


ACTION_LABELS = {
    "submit": gettext_lazy("submitted"),
    "approve": gettext_lazy("approved"),
    "reject": gettext_lazy("rejected"),
    "return": gettext_lazy("returned for changes"),
}


# `published_seen` when the caller does not know which published survey the decider saw.
NOT_CHECKED = object()


class TransitionError(Exception):
    """A transition that the assessment's current status does not allow (HTTP 409)."""


class DecidedMeanwhile(TransitionError):
    """Another survey of the place was published (or withdrawn) after the decider looked."""


def _lock_place(place_id: int) -> None:
    list(Place.objects.select_for_update().filter(pk=place_id).values_list("pk", flat=True))


def _check_published(place_id: int, published_seen) -> None:
    if published_seen is NOT_CHECKED:
        return
    published = (
        Assessment.objects.published()
        .filter(place_id=place_id)
        .values_list("pk", flat=True)
        .first()
    )
    if published != published_seen:
        raise DecidedMeanwhile(
            _("Another survey of this place was published after you opened this page.")
        )


def _record(assessment: Assessment, actor, from_status: str, comment: str = "") -> AssessmentEvent:
    return AssessmentEvent.objects.create(
        assessment=assessment,
        actor=actor,
        from_status=from_status,
        to_status=assessment.status,
        comment=comment,
        answers=assessment.answers,
    )


def _answer_resurvey_tasks(assessment: Assessment, actor) -> None:
    """A survey of the place made since a department said its barrier was fixed (mapping/
    repairs/) does the re-survey task: done, and a step in the repair's history, which the
    coordinator reads before closing the repair."""
    tasks = ResurveyTask.objects.filter(
        place_id=assessment.place_id,
        status=ResurveyTaskStatus.OPEN,
        created_at__date__lte=assessment.survey_date,
    )
    for task in tasks.select_related("repair"):
        task.status = ResurveyTaskStatus.DONE
        task.done_at = timezone.now()
        task.save(update_fields=["status", "done_at"])
        if task.repair is not None:
            RepairEvent.objects.create(
                item=task.repair,
                actor=actor,
                status=task.repair.status,
                note=_("Surveyed again: the survey of %(date)s is approved.")
                % {"date": assessment.survey_date.strftime("%d. %m. %Y")},
            )


def _transition(
    assessment: Assessment, action: str, actor, comment: str = "", published_seen=NOT_CHECKED
) -> Assessment:
    sources, target = ALLOWED[action]
    with transaction.atomic():
        _lock_place(assessment.place_id)
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.status not in sources:
            raise TransitionError(
                _("This assessment is %(status)s; it cannot be %(action)s now.")
                % {"status": locked.get_status_display().lower(), "action": ACTION_LABELS[action]}
            )
        _check_published(locked.place_id, published_seen)
        previous = locked.status
        now = timezone.now()
        if action == "approve":
            for old in (
                Assessment.objects.select_for_update().published().filter(place_id=locked.place_id)
            ):
                old.status = ReviewStatus.SUPERSEDED
                old.save(update_fields=["status", "updated_at"])
                _record(old, actor, ReviewStatus.APPROVED, _("Superseded by a newer assessment."))
        locked.status = target
        if action == "submit":
            locked.submitted_at = now
        else:
            locked.reviewed_by = actor
            locked.reviewed_at = now
            locked.review_comment = comment
        locked.save()
        event = _record(locked, actor, previous, comment)
        if action == "approve":
            _answer_resurvey_tasks(locked, actor)
        if action != "submit" and locked.surveyor_id is not None:
            # The e-mail is a job of the worker, queued in this transaction: it exists if and
            # only if the decision was committed, and a slow mail server holds no request.
            send_decision_email.defer(event_id=event.pk)
        if action == "approve":
            # The map's country-level grid counts published places (mapping.public.grid).
            defer_map_grid_build()
    return locked


def submit(assessment: Assessment, actor) -> Assessment:
    return _transition(assessment, "submit", actor)


# A decision may name the published survey (its id, or None) that the coordinator compared the
# submission with: it is refused if another one is published by the time it is stored.


def approve(
    assessment: Assessment, coordinator, comment: str = "", *, published_seen=NOT_CHECKED
) -> Assessment:
    return _transition(assessment, "approve", coordinator, comment, published_seen)


def reject(
    assessment: Assessment, coordinator, comment: str, *, published_seen=NOT_CHECKED
) -> Assessment:
    return _transition(assessment, "reject", coordinator, comment, published_seen)


def return_for_changes(
    assessment: Assessment, coordinator, comment: str, *, published_seen=NOT_CHECKED
) -> Assessment:
    return _transition(assessment, "return", coordinator, comment, published_seen)
