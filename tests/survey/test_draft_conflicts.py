"""Two people saving the same survey at once: the first save wins, the second is refused with a
409 that carries both versions, so nothing typed is lost (the app keeps the refused one on the
phone and says so). Before, both got 200 and the first version was silently overwritten.

Every save names the version of the answers it started from (`version`, as the survey's JSON
gives it); a save from a stale version is refused unless it repeats what is already stored (a
retry after a lost answer). A client that sends no version is still accepted, for one release.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from mapping.models import Assessment, ReviewStatus
from mapping.review import workflow
from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS

ALICES = {**BUILDING_ANSWERS, "entrance1Door1MainpanelWidth": 90}
CHARLIES = {**BUILDING_ANSWERS, "entrance1Door1MainpanelWidth": 80, "objectIsAOB": True}


def returned_survey(alice, charlie) -> Assessment:
    place = make_place("Radnice")
    survey = make_assessment(
        place, ReviewStatus.SUBMITTED, surveyor=alice, answers=BUILDING_ANSWERS
    )
    return workflow.return_for_changes(survey, charlie, "Doplňte šířku dveří.")


def load(client: Client, survey: Assessment) -> dict:
    answer = client.get(reverse("survey:assessment", args=[survey.pk]))
    assert answer.status_code == 200
    return answer.json()["assessment"]


def save(client: Client, survey: Assessment, answers: dict, version=None):
    body = {"answers": answers} if version is None else {"answers": answers, "version": version}
    return client.post(
        reverse("survey:save_answers", args=[survey.pk]), body, content_type="application/json"
    )


def test_the_second_of_two_saves_from_the_same_version_is_refused_and_both_texts_stay(
    alice, charlie
):
    survey = returned_survey(alice, charlie)
    volunteer, coordinator = client_for(alice), client_for(charlie)
    started = load(volunteer, survey)["version"]
    assert load(coordinator, survey)["version"] == started

    first = save(coordinator, survey, CHARLIES, started)
    assert first.status_code == 200
    assert first.json()["assessment"]["version"] == started + 1
    second = save(volunteer, survey, ALICES, started)
    assert second.status_code == 409
    refused = second.json()
    assert refused["code"] == "version_conflict"
    assert refused["message_cs"].startswith("Někdo jiný mezitím tento průzkum změnil")
    assert refused["message_en"].startswith("Someone else changed this survey meanwhile")
    # Both texts are there: the stored one, and the refused one handed back to the phone.
    assert refused["current"]["answers"] == CHARLIES
    assert refused["current"]["version"] == started + 1
    assert refused["yours"] == {"answers": ALICES, "version": started}
    assert load(volunteer, survey)["answers"] == CHARLIES
    assert load(coordinator, survey)["answers"] == CHARLIES

    # Having seen the other version, the volunteer saves theirs on top of it on purpose.
    again = save(volunteer, survey, ALICES, refused["current"]["version"])
    assert again.status_code == 200
    assert load(coordinator, survey)["answers"] == ALICES


@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_never_both_win(alice, charlie):
    """The same race with two threads, each with its own connection: the check of the version
    and the write are one step under a lock on the survey's row."""
    survey = returned_survey(alice, charlie)
    started = load(client_for(alice), survey)["version"]
    barrier = threading.Barrier(2)
    answers = {}

    def send(name, user, texts):
        client = client_for(user)
        try:
            barrier.wait(timeout=10)
            answers[name] = save(client, survey, texts, started).status_code
        finally:
            connection.close()

    threads = [
        threading.Thread(target=send, args=("alice", alice, ALICES)),
        threading.Thread(target=send, args=("charlie", charlie, CHARLIES)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(answers.values()) == [200, 409]
    winner = next(name for name, status in answers.items() if status == 200)
    survey.refresh_from_db()
    assert survey.answers == {"alice": ALICES, "charlie": CHARLIES}[winner]
    assert survey.version == started + 1


def test_a_save_repeated_after_a_lost_answer_is_accepted_once(alice, charlie):
    survey = returned_survey(alice, charlie)
    client = client_for(alice)
    started = load(client, survey)["version"]
    assert save(client, survey, ALICES, started).status_code == 200
    repeat = save(client, survey, ALICES, started)
    assert repeat.status_code == 200
    assert repeat.json()["assessment"]["version"] == started + 1
    survey.refresh_from_db()
    assert (survey.answers, survey.version) == (ALICES, started + 1)


def test_a_client_that_sends_no_version_is_still_accepted(alice, charlie):
    survey = returned_survey(alice, charlie)
    client = client_for(alice)
    assert save(client, survey, ALICES).status_code == 200
    assert save(client, survey, CHARLIES).status_code == 200
    assert load(client, survey)["answers"] == CHARLIES


@pytest.mark.parametrize("version", ["2", -1, 0, 1.5, True, [1], 10**30])
def test_a_version_that_is_not_a_whole_number_is_a_400(alice, charlie, version):
    survey = returned_survey(alice, charlie)
    answer = save(client_for(alice), survey, ALICES, version)
    assert answer.status_code == 400
    assert answer.json()["code"] == "version_invalid"
    survey.refresh_from_db()
    assert survey.answers == BUILDING_ANSWERS
