"""The steps of the repair loop, each in one transaction with its RepairEvent: start an item from
a published report or an approved survey, assign it (and queue the e-mail with the answer link),
take the assignee's answer ("fixed" opens a re-survey task), close it."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mapping.models import (
    Assessment,
    RepairContact,
    RepairEvent,
    RepairItem,
    RepairSource,
    RepairStatus,
    Report,
    ReportKind,
    ReportStatus,
    ResurveyTask,
    ResurveyTaskStatus,
)
from mapping.models.repairs import ANSWERABLE, ANSWERS


class RepairStepRefused(ValueError):
    """A step the item's state does not allow (answered twice, a closed item, ...)."""

    status = 409


def barriers_without_repair():
    """Published barrier reports that are not in the repair loop yet, newest first."""
    return (
        Report.objects.current()
        .filter(kind=ReportKind.BARRIER, repair__isnull=True)
        .select_related("place")
    )


def _record(item: RepairItem, status: str, actor=None, actor_name: str = "", **fields) -> None:
    RepairEvent.objects.create(
        item=item, status=status, actor=actor, actor_name=actor_name, **fields
    )


def start_from_report(report: Report, actor) -> RepairItem:
    """The report's repair item, made now if it has none. Only a published report may enter."""
    if report.status != ReportStatus.PUBLISHED:
        raise RepairStepRefused(_("Only a published report can be sent for repair."))
    with transaction.atomic():
        item, created = RepairItem.objects.get_or_create(
            report=report,
            defaults={
                "source": RepairSource.REPORT,
                "place": report.place,
                "description": report.text,
            },
        )
        if created:
            _record(item, RepairStatus.OPEN, actor, note=_("Taken from a public report."))
    return item


def start_from_assessment(assessment: Assessment, description: str, actor) -> RepairItem:
    """A new item for a barrier of an approved survey, described by the coordinator."""
    if not assessment.is_published:
        raise RepairStepRefused(_("Only a barrier of an approved survey can be sent for repair."))
    with transaction.atomic():
        item = RepairItem.objects.create(
            source=RepairSource.SURVEY,
            assessment=assessment,
            place=assessment.place,
            description=description,
        )
        _record(item, RepairStatus.OPEN, actor, note=_("Taken from an approved survey."))
    return item


def start_from_remedy_request(description: str, page_url: str, contact: str) -> RepairItem:
    """A request for remedy from the public (§9 of Act 99/2019 Sb.)."""
    with transaction.atomic():
        item = RepairItem.objects.create(
            source=RepairSource.REMEDY,
            description=description,
            page_url=page_url,
            requester_contact=contact,
        )
        _record(item, RepairStatus.OPEN, actor_name=_("the public"))
    return item


def assign(item: RepairItem, contact: RepairContact, actor, note: str = "") -> RepairItem:
    """Give the item to `contact`: a new answer link (the old one stops working), valid
    REPAIR_LINK_DAYS days, and the e-mail queued in the same transaction."""
    from mapping.repairs.tasks import send_repair_assignment

    with transaction.atomic():
        locked = RepairItem.objects.select_for_update().get(pk=item.pk)
        if locked.status == RepairStatus.CLOSED:
            raise RepairStepRefused(_("This repair is closed."))
        now = timezone.now()
        locked.assignee = contact
        locked.status = RepairStatus.ASSIGNED
        locked.token_nonce = RepairItem.new_nonce()
        locked.token_expires_at = now + timedelta(days=settings.REPAIR_LINK_DAYS)
        locked.assigned_at = now
        locked.planned_date = None
        locked.answer_note = ""
        locked.answered_at = None
        locked.save()
        _record(
            locked,
            RepairStatus.ASSIGNED,
            actor,
            note=(_("Assigned to %(name)s.") % {"name": contact.name} + "\n" + note).strip(),
        )
        send_repair_assignment.defer(item_id=locked.pk, contact_id=contact.pk)
    return locked


def answer(
    item: RepairItem, status: str, planned_date: date | None = None, note: str = ""
) -> RepairItem:
    """The assignee's answer through their link. "fixed" opens a re-survey task."""
    if status not in ANSWERS:
        raise RepairStepRefused(_("This answer is not one of the choices."))
    with transaction.atomic():
        locked = (
            RepairItem.objects.select_for_update(of=("self",))
            .select_related("assignee")
            .get(pk=item.pk)
        )
        if locked.status not in ANSWERABLE:
            raise RepairStepRefused(_("This repair no longer takes answers through this link."))
        locked.status = status
        locked.planned_date = planned_date if status == RepairStatus.PLANNED else None
        locked.answer_note = note
        locked.answered_at = timezone.now()
        locked.save()
        name = locked.assignee.name if locked.assignee else ""
        _record(locked, status, actor_name=name, planned_date=locked.planned_date, note=note)
        if status == RepairStatus.FIXED:
            _open_resurvey_task(locked)
    return locked


def _open_resurvey_task(item: RepairItem) -> ResurveyTask:
    location = item.report.location if item.report else None
    task = ResurveyTask.objects.create(
        place=item.place,
        location=location,
        repair=item,
        description=_("Check that this barrier is gone: %(what)s")
        % {"what": item.description[:300]},
    )
    _record(item, RepairStatus.FIXED, note=_("Re-survey task opened for the volunteers."))
    return task


def close(item: RepairItem, actor, note: str = "") -> RepairItem:
    """The coordinator closes the item: its re-survey tasks are done, and a fixed report's
    barrier leaves the map."""
    with transaction.atomic():
        locked = (
            RepairItem.objects.select_for_update(of=("self",))
            .select_related("report")
            .get(pk=item.pk)
        )
        if locked.status == RepairStatus.CLOSED:
            raise RepairStepRefused(_("This repair is closed."))
        was_fixed = locked.status == RepairStatus.FIXED
        # The link keeps its secret: opened again, it says the repair is closed (a 410).
        locked.status = RepairStatus.CLOSED
        locked.save()
        now = timezone.now()
        locked.resurvey_tasks.filter(status=ResurveyTaskStatus.OPEN).update(
            status=ResurveyTaskStatus.DONE, done_at=now
        )
        if was_fixed and locked.report and locked.report.status == ReportStatus.PUBLISHED:
            Report.objects.filter(pk=locked.report.pk).update(
                status=ReportStatus.RESOLVED, moderated_by=actor, moderated_at=now
            )
        _record(locked, RepairStatus.CLOSED, actor, note=note)
    return locked
