"""Two coordinators deciding at the same moment: one decision wins, the other gets a 409 page
that says someone decided first; never a 500, never two approved surveys of one place, never a
second event.

The race is real: two threads, each with its own test Client (and so its own database
connection) logged in as a different coordinator, post the review form at once. A barrier inside
the decision's transaction, between the check of the state and the write, holds the first one
until the second has passed its check too; with the place locked first, the second never gets
there while the first holds the lock, so the barrier gives up after a moment and lets it go on.
"""

import contextlib
import threading
from html.parser import HTMLParser
from types import SimpleNamespace
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mapping.models import Assessment, AssessmentEvent, ReviewStatus, Role
from mapping.review import workflow
from tests.factories import make_assessment, make_place, make_user

TRIALS = 3
# How long the first decision waits inside its transaction for the second one to catch up.
BARRIER_SECONDS = 1.5
SOMEONE_FIRST = "Někdo o tomto místě rozhodl dříve než vy"


class DecisionForm(HTMLParser):
    """The fields of the review page's decision form (form#decision), as a browser sends them."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == "decision":
            self.inside = True
        elif tag == "input" and self.inside and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False


def decision_form(client: Client, assessment: Assessment) -> dict[str, str]:
    page = client.get(reverse("review:detail", args=[assessment.pk]))
    assert page.status_code == 200
    parser = DecisionForm()
    parser.feed(page.content.decode())
    return parser.fields


def coordinator_client(name: str) -> Client:
    client = Client(raise_request_exception=False)  # a 500 is an answer here, not a crash
    client.force_login(make_user(name, role=Role.COORDINATOR, is_approved=True))
    return client


def waiting_clock(barrier: threading.Barrier) -> SimpleNamespace:
    """The workflow's clock, read between the check of the state and the write: it waits there
    for the other decision (a test-only hook; production code never sleeps)."""

    def now():
        # Broken after the timeout: the other one is queued behind a lock, go on alone.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=BARRIER_SECONDS)
        return timezone.now()

    return SimpleNamespace(now=now)


def post_at_once(posts: list[tuple[Client, str, dict]]) -> list:
    """Send the posts from one thread each at the same moment; their responses, in order."""
    start = threading.Barrier(len(posts))
    in_transaction = threading.Barrier(len(posts))
    answers: list = [None] * len(posts)

    def send(index, client, url, data):
        try:
            start.wait(timeout=10)
            answers[index] = client.post(url, data)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            answers[index] = error
        finally:
            connection.close()

    with mock.patch.object(workflow, "timezone", waiting_clock(in_transaction)):
        threads = [threading.Thread(target=send, args=(i, *post)) for i, post in enumerate(posts)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return answers


def assert_one_won_and_one_was_told(answers) -> None:
    statuses = sorted(getattr(a, "status_code", repr(a)) for a in answers)
    assert statuses == [302, 409], statuses
    loser = next(a for a in answers if a.status_code == 409)
    page = loser.content.decode()
    assert SOMEONE_FIRST in page
    assert f'href="{reverse("review:queue")}"' in page


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_approving_two_surveys_of_one_place_at_once_get_one_302_and_one_409():
    alice = make_user("alice", is_approved=True)
    bob = make_user("bob", is_approved=True)
    charlie, erin = coordinator_client("charlie"), coordinator_client("erin")
    for trial in range(TRIALS):
        place = make_place(f"Radnice {trial}")
        first = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice)
        second = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=bob)
        approve_first = reverse("review:approve", args=[first.pk])
        approve_second = reverse("review:approve", args=[second.pk])
        answers = post_at_once(
            [
                (charlie, approve_first, decision_form(charlie, first)),
                (erin, approve_second, decision_form(erin, second)),
            ]
        )
        assert_one_won_and_one_was_told(answers)
        approved = Assessment.objects.filter(place=place, status=ReviewStatus.APPROVED)
        assert approved.count() == 1
        # The loser's survey waits in the queue, as it was.
        assert Assessment.objects.filter(place=place, status=ReviewStatus.SUBMITTED).count() == 1
        assert (
            AssessmentEvent.objects.filter(
                assessment__place=place, to_status=ReviewStatus.APPROVED
            ).count()
            == 1
        )


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_approving_the_same_survey_at_once_store_one_decision():
    alice = make_user("alice", is_approved=True)
    charlie, erin = coordinator_client("charlie"), coordinator_client("erin")
    for trial in range(TRIALS):
        survey = make_assessment(
            make_place(f"Muzeum {trial}"), ReviewStatus.SUBMITTED, surveyor=alice
        )
        url = reverse("review:approve", args=[survey.pk])
        answers = post_at_once(
            [
                (charlie, url, decision_form(charlie, survey)),
                (erin, url, decision_form(erin, survey)),
            ]
        )
        assert_one_won_and_one_was_told(answers)
        survey.refresh_from_db()
        assert survey.status == ReviewStatus.APPROVED
        assert list(survey.events.values_list("to_status", flat=True)) == ["approved"]


@pytest.mark.django_db(transaction=True)
def test_a_coordinator_who_looked_before_another_approved_is_told_instead_of_superseding():
    """The same race, one step at a time: erin opens the second survey while nothing is
    published, charlie approves the first, then erin sends her decision from the old page."""
    alice = make_user("alice", is_approved=True)
    bob = make_user("bob", is_approved=True)
    charlie, erin = coordinator_client("charlie"), coordinator_client("erin")
    place = make_place("Knihovna")
    first = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice)
    second = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=bob)
    erins_form = decision_form(erin, second)
    won = charlie.post(reverse("review:approve", args=[first.pk]), decision_form(charlie, first))
    assert won.status_code == 302
    told = erin.post(reverse("review:approve", args=[second.pk]), erins_form)
    assert told.status_code == 409
    assert SOMEONE_FIRST in told.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (ReviewStatus.APPROVED, ReviewStatus.SUBMITTED)
    # Looking again shows charlie's survey as the published one; then erin may decide.
    again = erin.post(reverse("review:approve", args=[second.pk]), decision_form(erin, second))
    assert again.status_code == 302
    first.refresh_from_db()
    assert first.status == ReviewStatus.SUPERSEDED


@pytest.mark.django_db
def test_a_decision_naming_a_published_survey_that_is_not_a_number_is_a_400():
    alice = make_user("alice", is_approved=True)
    survey = make_assessment(make_place(), ReviewStatus.SUBMITTED, surveyor=alice)
    answer = coordinator_client("charlie").post(
        reverse("review:approve", args=[survey.pk]), {"published": "²"}
    )
    assert answer.status_code == 400
    survey.refresh_from_db()
    assert survey.status == ReviewStatus.SUBMITTED
