"""A re-survey starts from the place's published answers; what it carried over without the
volunteer confirming it is stored, and the review shows it as "not re-measured", not as a change
or a removal."""

import json

from django.urls import reverse

from mapping.models import Assessment, ReviewStatus
from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.survey.conftest import submission

PUBLISHED = {
    "title": "Pošta",
    "accessibility": "PartlyAccessibleObjectMKPO",
    "mappingDate": "2024-05-12T10:00:00",
    "entrance1Accessibility": "OneStepEntranceAccessibility",
    "entrance1Steps1Height": 12,
    "entrance1Door1MainpanelWidth": 90,
    "objectInteriorAccessibility": "EntireObjectInteriorAccessibility",
    "wc": [{"doorWidth": 80, "wcCabinWidth": 150}],
}


def test_a_re_survey_starts_from_the_published_answers_without_their_categories(alice):
    place = make_place("Pošta")
    published = make_assessment(place, answers=PUBLISHED)

    body = client_for(alice).get(reverse("survey:place_answers", args=[place.pk])).json()

    assert body["based_on"] == {"id": published.pk, "survey_date": "2026-05-01"}
    assert body["answers"]["entrance1Steps1Height"] == 12
    assert body["answers"]["wc"] == [{"doorWidth": 80, "wcCabinWidth": 150}]
    assert "accessibility" not in body["answers"] and "mappingDate" not in body["answers"]


def test_a_place_never_published_starts_empty_and_a_hidden_one_is_not_found(alice, bob):
    place = make_place("Nová kavárna")
    make_assessment(place, ReviewStatus.SUBMITTED, surveyor=bob, answers=PUBLISHED)

    body = client_for(alice).get(reverse("survey:place_answers", args=[place.pk])).json()

    assert body == {"place": {"id": place.pk, "name": "Nová kavárna", "kind": "building"},
                    "based_on": None, "answers": {}}  # fmt: skip
    assert client_for(alice).get(reverse("survey:place_answers", args=[99999])).status_code == 404
    assert client_for(None).get(reverse("survey:place_answers", args=[place.pk])).status_code in (
        401,
        403,
    )


def _resurvey(user, place, based_on, answers, confirmed):
    body = submission(place={"id": place.pk}, answers=answers)
    payload = json.loads(body["payload"])
    payload.update(based_on=based_on, confirmed=confirmed)
    body["payload"] = json.dumps(payload)
    answer = client_for(user).post(reverse("survey:submit"), body)
    assert answer.status_code == 201, answer.content
    return Assessment.objects.get(pk=answer.json()["assessment"]["id"])


def test_what_was_carried_over_unconfirmed_is_stored_as_not_re_measured(alice):
    place = make_place("Pošta")
    published = make_assessment(place, answers=PUBLISHED)
    answers = {k: v for k, v in PUBLISHED.items() if k not in ("accessibility", "mappingDate")}
    answers["entrance1Door1MainpanelWidth"] = 85  # measured again: changed
    answers["wc"] = [{"doorWidth": 80, "wcCabinWidth": 150}]

    stored = _resurvey(alice, place, published.pk, answers, ["wc[0].doorWidth"])

    assert stored.not_remeasured == [
        "title",
        "entrance1Accessibility",
        "entrance1Steps1Height",
        "objectInteriorAccessibility",
        "wc[0].wcCabinWidth",
    ]


def test_a_base_of_another_place_or_a_junk_confirmation_claims_nothing_wrong(alice):
    place, other = make_place("Pošta"), make_place("Knihovna")
    elsewhere = make_assessment(other, answers=PUBLISHED)
    published = make_assessment(place, answers=PUBLISHED)
    answers = {"entrance1Accessibility": "OneStepEntranceAccessibility",
               "objectInteriorAccessibility": "EntireObjectInteriorAccessibility"}  # fmt: skip

    assert _resurvey(alice, place, elsewhere.pk, answers, []).not_remeasured == []
    junk = _resurvey(alice, place, published.pk, answers, "all of them")
    assert junk.not_remeasured == ["entrance1Accessibility", "objectInteriorAccessibility"]


def test_the_review_shows_not_re_measured_instead_of_a_change(alice, charlie):
    place = make_place("Pošta")
    published = make_assessment(place, answers=PUBLISHED)
    answers = {k: v for k, v in PUBLISHED.items() if k not in ("accessibility", "mappingDate")}
    answers["entrance1Door1MainpanelWidth"] = 85
    stored = _resurvey(alice, place, published.pk, answers, [])

    html = client_for(charlie).get(reverse("review:detail", args=[stored.pk])).content.decode()

    carried = html.split('data-path="entrance1Steps1Height"')[1].split("</tr>")[0]
    assert "nepřeměřeno" in carried
    changed = html.split('data-path="entrance1Door1MainpanelWidth"')[1].split("</tr>")[0]
    assert "změněno" in changed
    assert 'class="diff-carried"' in html
