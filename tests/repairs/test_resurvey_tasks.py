"""A barrier its department calls fixed becomes a re-survey task for volunteers; an approved
new survey of the place does the task and writes the step into the repair's history."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from mapping.models import (
    RepairItem,
    RepairSource,
    RepairStatus,
    ResurveyTask,
    ResurveyTaskStatus,
    ReviewStatus,
)
from mapping.repairs import service
from mapping.review import workflow
from tests.factories import make_assessed_place, make_assessment

pytestmark = pytest.mark.django_db


def fixed_repair_of(place, charlie, roads) -> RepairItem:
    assessment = place.assessments.get()
    item = service.start_from_assessment(assessment, "Schod 12 cm u vchodu", charlie)
    item = service.assign(item, roads, charlie)
    return service.answer(item, RepairStatus.FIXED, note="Rampa postavena")


def test_an_approved_new_survey_of_the_place_does_its_re_survey_task(alice, charlie, roads):
    place = make_assessed_place("Radnice")
    item = fixed_repair_of(place, charlie, roads)
    (task,) = ResurveyTask.objects.all()
    assert task.place == place and task.status == ResurveyTaskStatus.OPEN

    new_survey = make_assessment(
        place, ReviewStatus.SUBMITTED, surveyor=alice, survey_date=timezone.localdate()
    )
    workflow.approve(new_survey, charlie)
    task.refresh_from_db()
    assert task.status == ResurveyTaskStatus.DONE and task.done_at is not None
    last = item.events.order_by("at", "id").last()
    today = timezone.localdate().strftime("%d. %m. %Y")
    assert last.note == f"Zmapováno znovu: průzkum z {today} je schválený."
    assert last.actor == charlie
    # The coordinator still closes the repair, having read it.
    item.refresh_from_db()
    assert item.status == RepairStatus.FIXED


def test_a_survey_made_before_the_fix_does_not_count(alice, charlie, roads):
    place = make_assessed_place("Radnice")
    fixed_repair_of(place, charlie, roads)
    old_survey = make_assessment(
        place, ReviewStatus.SUBMITTED, surveyor=alice, survey_date=date(2020, 1, 1)
    )
    workflow.approve(old_survey, charlie)
    assert ResurveyTask.objects.get().status == ResurveyTaskStatus.OPEN


def test_a_remedy_request_left_unassigned_too_long_is_overdue(settings):
    settings.REPAIR_ANSWER_DAYS = 30
    item = service.start_from_remedy_request("Kontrast tlačítek", "/", "petr@example.org")
    assert item.source == RepairSource.REMEDY
    assert not RepairItem.objects.overdue().exists()
    RepairItem.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(days=31))
    assert list(RepairItem.objects.overdue()) == [item]
