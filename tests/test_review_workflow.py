"""The review workflow and the two access helpers, with named personas:
alice and bob are volunteers, charlie is a coordinator, and an anonymous visitor."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.http import Http404

from mapping.access import get_assessment_or_404, get_assessment_writable_or_403
from mapping.models import Assessment, AssessmentEvent, ReviewStatus
from mapping.review import workflow
from tests.factories import make_assessment, make_place
from tests.jobs import work_off_queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    return make_place("Radnice")


def test_approving_a_new_survey_supersedes_the_old_one_and_keeps_it_readable(alice, charlie, place):
    old = make_assessment(place, status=ReviewStatus.APPROVED, wheelchair="inaccessible")
    new = make_assessment(place, status=ReviewStatus.DRAFT, surveyor=alice, wheelchair="partly")
    workflow.submit(new, alice)
    workflow.approve(new, charlie, "Díky!")
    work_off_queue()

    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.status, new.status) == (ReviewStatus.SUPERSEDED, ReviewStatus.APPROVED)
    assert new.reviewed_by == charlie
    assert get_assessment_or_404(AnonymousUser(), new.pk) == new
    assert list(
        AssessmentEvent.objects.filter(assessment=new).values_list("from_status", "to_status")
    ) == [("draft", "submitted"), ("submitted", "approved")]
    assert AssessmentEvent.objects.get(assessment=old).to_status == "superseded"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    assert "Radnice" in mail.outbox[0].subject


def test_a_returned_survey_can_be_corrected_and_submitted_again(alice, charlie, place):
    draft = make_assessment(place, status=ReviewStatus.DRAFT, surveyor=alice)
    workflow.submit(draft, alice)
    workflow.return_for_changes(draft, charlie, "Chybí šířka dveří.")
    assert get_assessment_writable_or_403(alice, draft.pk).status == ReviewStatus.RETURNED
    workflow.submit(draft, alice)
    assert Assessment.objects.get(pk=draft.pk).status == ReviewStatus.SUBMITTED


@pytest.mark.parametrize("review", [workflow.approve, workflow.reject, workflow.return_for_changes])
def test_a_draft_cannot_be_reviewed_before_it_is_submitted(alice, charlie, place, review):
    draft = make_assessment(place, status=ReviewStatus.DRAFT, surveyor=alice)
    with pytest.raises(workflow.TransitionError):
        review(draft, charlie, "Komentář")
    assert Assessment.objects.get(pk=draft.pk).status == ReviewStatus.DRAFT
    assert not AssessmentEvent.objects.exists()


def test_a_volunteer_sees_and_edits_only_their_own_drafts(alice, bob, charlie, place):
    draft = make_assessment(place, status=ReviewStatus.DRAFT, surveyor=alice)
    assert get_assessment_writable_or_403(alice, draft.pk) == draft
    assert get_assessment_writable_or_403(charlie, draft.pk) == draft
    with pytest.raises(Http404):
        get_assessment_or_404(bob, draft.pk)
    with pytest.raises(Http404):
        get_assessment_or_404(AnonymousUser(), draft.pk)


def test_nobody_edits_an_approved_assessment_in_place(alice, charlie, place):
    approved = make_assessment(place, status=ReviewStatus.APPROVED, surveyor=alice)
    for user in (alice, charlie):
        with pytest.raises(PermissionDenied):
            get_assessment_writable_or_403(user, approved.pk)


def test_a_submitted_survey_is_no_longer_editable_by_its_volunteer(alice, place):
    draft = make_assessment(place, status=ReviewStatus.DRAFT, surveyor=alice)
    workflow.submit(draft, alice)
    with pytest.raises(PermissionDenied):
        get_assessment_writable_or_403(alice, draft.pk)
