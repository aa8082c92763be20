"""A volunteer who registered themselves and is not approved yet saves drafts (a new place and
photos) that nobody else sees: not the public (map, list, search, place page, API, route search,
a link to the place), not other volunteers, not the coordinators (queue, coverage, review pages,
admin lists). Once a coordinator approves them, they submit the same draft."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from mapping.models import Assessment, Photo, Place, ReviewStatus
from tests.personas import PASSWORD, signed_in
from tests.survey.conftest import small_jpeg, submission, upload

NAME = "Tajná lékárna Zvonek"
MARK = "Tajn"  # the start of the name: a search for "Zvonek" echoes that word, never this
POSITION = {"lat": 49.3101, "lon": 14.1502}


def on_the_site(user) -> Client:
    client = Client()
    answer = client.post(
        reverse("accounts:login"), {"username": user.username, "password": PASSWORD}
    )
    assert answer.status_code == 302
    return client


@pytest.fixture
def doras_draft(dora) -> dict:
    """Dora's draft of a new place with a photo, sent as the phone sends it, and one more photo."""
    client = on_the_site(dora)
    body = submission(
        place={"name": NAME, "kind": "building", **POSITION}, action="draft", photos=1
    )
    answer = client.post(reverse("survey:submit"), body)
    assert answer.status_code == 201, answer.content
    draft = Assessment.objects.get(pk=answer.json()["assessment"]["id"])
    added = client.post(
        reverse("survey:add_photo", args=[draft.pk]),
        {"photo": upload(small_jpeg("red")), "alt_text": "Dveře", "subject": "door"},
    )
    assert added.status_code == 201
    return {"client": client, "draft": draft, "place": draft.place, "photos": draft.photos.all()}


def text(answer) -> str:
    return answer.content.decode()


def test_the_public_finds_the_new_place_nowhere(doras_draft):
    place = doras_draft["place"]
    anonymous = Client()
    bbox = "14.14,49.30,14.16,49.32"
    pages = [
        anonymous.get(reverse("public:map"), {"place": place.pk}),
        anonymous.get(reverse("public:places_layer"), {"bbox": bbox}),
        anonymous.get(reverse("public:list"), {"q": "Zvonek"}),
        anonymous.get(reverse("public:search"), {"q": "Zvonek"}),
        anonymous.get("/api/v1/places/", {"q": "Zvonek"}),
        anonymous.get(reverse("routing:search"), {"q": "Zvonek"}),
        anonymous.get("/data/mista.geojson"),
    ]
    for page in pages:
        assert page.status_code == 200, page.request
        assert MARK not in text(page), page.request
    assert anonymous.get(reverse("public:detail", args=[place.pk])).status_code == 404
    assert anonymous.get(f"/api/v1/places/{place.pk}/").status_code == 404
    photo = doras_draft["photos"][0]
    assert anonymous.get(reverse("reports:new"), {"photo": photo.pk}).status_code == 404


def test_another_volunteer_neither_sees_nor_chooses_the_new_place(alice, doras_draft):
    client = on_the_site(alice)
    near = client.get(reverse("survey:near"), {**POSITION, "radius": 200})
    assert MARK not in text(near)
    answer = client.post(
        reverse("survey:submit"), submission(place={"id": doras_draft["place"].pk})
    )
    assert answer.status_code == 400 and answer.json()["code"] == "place_unknown"


def test_the_coordinators_find_it_in_no_queue_list_or_review_page(charlie, doras_draft):
    coordinator = signed_in(charlie)
    draft, photo = doras_draft["draft"], doras_draft["photos"][0]
    for url in (
        reverse("review:queue"),
        reverse("review:coverage"),
        reverse("accounts:volunteers"),
        reverse("admin:mapping_place_changelist"),
        reverse("admin:mapping_assessment_changelist"),
        reverse("admin:mapping_photo_changelist"),
    ):
        page = coordinator.get(url)
        assert page.status_code == 200 and MARK not in text(page), url
    for url in (
        reverse("review:detail", args=[draft.pk]),
        reverse("review:photo", args=[photo.pk]),
        reverse("review:photo_original", args=[photo.pk]),
        reverse("survey:assessment", args=[draft.pk]),
    ):
        assert coordinator.get(url).status_code == 404, url
    assert (
        coordinator.get(
            reverse("admin:mapping_place_change", args=[doras_draft["place"].pk])
        ).status_code
        == 302
    )  # "does not exist"


def test_the_volunteer_sees_their_own_draft_and_place(doras_draft):
    client = doras_draft["client"]
    near = client.get(reverse("survey:near"), {**POSITION, "radius": 200})
    assert NAME in [place["name"] for place in near.json()["places"]]
    mine = client.get(reverse("survey:mine")).json()["assessments"]
    assert [a["id"] for a in mine] == [doras_draft["draft"].pk]
    assert (
        client.get(reverse("survey:assessment", args=[doras_draft["draft"].pk])).status_code == 200
    )


def test_once_approved_the_volunteer_submits_the_draft_to_the_queue(charlie, dora, doras_draft):
    client, draft = doras_draft["client"], doras_draft["draft"]
    refused = client.post(reverse("survey:submit_existing", args=[draft.pk]))
    assert refused.status_code == 403
    coordinator = signed_in(charlie)
    assert (
        coordinator.post(reverse("accounts:approve_volunteer", args=[dora.pk])).status_code == 302
    )
    answer = client.post(reverse("survey:submit_existing", args=[draft.pk]))
    assert answer.status_code == 200, answer.content
    draft.refresh_from_db()
    assert draft.status == ReviewStatus.SUBMITTED and draft.photos.count() == 2
    assert MARK in text(coordinator.get(reverse("review:queue")))
    assert coordinator.get(reverse("review:detail", args=[draft.pk])).status_code == 200
    assert MARK in text(coordinator.get(reverse("review:coverage")))
    assert Place.objects.listed().filter(pk=doras_draft["place"].pk).exists()
    assert Photo.objects.filter(assessment=draft).count() == 2
    assert json.loads(answer.content)["assessment"]["status"] == ReviewStatus.SUBMITTED
