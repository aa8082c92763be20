"""Who may do what: every write endpoint of the survey, the review and the accounts, tried by
an anonymous visitor, volunteer alice (the owner), volunteer bob, unapproved dora, coordinator
charlie and administrator erin, on alice's draft, submitted, returned and approved surveys. A
forbidden action answers 401/403/404 (or sends to the login page) and changes nothing."""

import pytest
from django.urls import reverse

from mapping.models import Assessment, Photo, ReviewStatus, User
from tests.factories import make_assessment, make_place
from tests.jobs import checked_photo
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS, small_jpeg, submission, upload

PERSONAS = ("anonymous", "alice", "bob", "dora", "charlie", "erin")
LOGIN = "login"  # an anonymous visitor of a page is sent to the login page

# endpoint -> expected status per persona (anonymous, alice, bob, dora, charlie, erin)
MATRIX = {
    "submit new survey": (401, 201, 201, 403, 201, 201),
    "save a draft on the server": (401, 201, 201, 201, 201, 201),
    "evaluate answers": (401, 200, 200, 200, 200, 200),
    "save answers of alice's draft": (401, 200, 404, 404, 200, 200),
    "submit alice's draft": (401, 200, 404, 404, 200, 200),
    "add a photo to alice's draft": (401, 201, 404, 404, 201, 201),
    "delete a photo of alice's draft": (401, 200, 404, 404, 200, 200),
    "delete alice's draft": (401, 200, 404, 404, 200, 200),
    "save answers of alice's submitted survey": (401, 403, 404, 404, 200, 200),
    "add a photo to alice's submitted survey": (401, 403, 404, 404, 201, 201),
    "delete alice's submitted survey": (401, 403, 404, 404, 403, 403),
    "save answers of alice's returned survey": (401, 200, 404, 404, 200, 200),
    "add a photo to alice's returned survey": (401, 201, 404, 404, 201, 201),
    "submit alice's returned survey again": (401, 200, 404, 404, 200, 200),
    "save answers of alice's approved survey": (401, 403, 403, 403, 403, 403),
    "add a photo to alice's approved survey": (401, 403, 403, 403, 403, 403),
    "approve alice's submitted survey": (LOGIN, 403, 403, 403, 302, 302),
    "reject alice's submitted survey": (LOGIN, 403, 403, 403, 302, 302),
    "return alice's submitted survey": (LOGIN, 403, 403, 403, 302, 302),
    "change the blur areas of a photo": (LOGIN, 403, 403, 403, 302, 302),
    "see the private original of a photo": (LOGIN, 403, 403, 403, 200, 200),
    "invite a volunteer": (LOGIN, 403, 403, 403, 200, 200),
    "approve volunteer dora": (LOGIN, 403, 403, 403, 302, 302),
}


@pytest.fixture
def world(alice, bob, dora, charlie, erin):
    place = make_place("Radnice")
    surveys = {
        status: make_assessment(place, status, surveyor=alice, answers=BUILDING_ANSWERS)
        for status in (
            ReviewStatus.DRAFT,
            ReviewStatus.SUBMITTED,
            ReviewStatus.RETURNED,
            ReviewStatus.APPROVED,
        )
    }
    photo = checked_photo(
        surveys[ReviewStatus.DRAFT], small_jpeg(), alt_text="Vstup", subject="entrance"
    )
    return {
        "users": {
            "anonymous": None,
            "alice": alice,
            "bob": bob,
            "dora": dora,
            "charlie": charlie,
            "erin": erin,
        },
        "draft": surveys[ReviewStatus.DRAFT],
        "submitted": surveys[ReviewStatus.SUBMITTED],
        "returned": surveys[ReviewStatus.RETURNED],
        "approved": surveys[ReviewStatus.APPROVED],
        "photo": photo,
        "dora": dora,
    }


def act(name: str, client, w: dict):
    draft, submitted, photo = w["draft"], w["submitted"], w["photo"]
    returned, approved = w["returned"], w["approved"]

    def add_photo_to(assessment):
        return client.post(
            reverse("survey:add_photo", args=[assessment.pk]),
            {"photo": upload(small_jpeg()), "alt_text": "Dveře", "subject": "door"},
        )

    answers = {"answers": {**BUILDING_ANSWERS, "entrance1Door1MainpanelWidth": 90}}
    json_post = lambda url, data: client.post(url, data, content_type="application/json")  # noqa: E731
    return {
        "submit new survey": lambda: client.post(reverse("survey:submit"), submission()),
        "save a draft on the server": lambda: client.post(
            reverse("survey:submit"), submission(action="draft")
        ),
        "evaluate answers": lambda: json_post(reverse("survey:evaluate"), answers),
        "save answers of alice's draft": lambda: json_post(
            reverse("survey:save_answers", args=[draft.pk]), answers
        ),
        "submit alice's draft": lambda: client.post(
            reverse("survey:submit_existing", args=[draft.pk])
        ),
        "add a photo to alice's draft": lambda: add_photo_to(draft),
        "delete a photo of alice's draft": lambda: client.post(
            reverse("survey:delete_photo", args=[photo.pk])
        ),
        "delete alice's draft": lambda: client.post(
            reverse("survey:delete_draft", args=[draft.pk])
        ),
        "save answers of alice's submitted survey": lambda: json_post(
            reverse("survey:save_answers", args=[submitted.pk]), answers
        ),
        "add a photo to alice's submitted survey": lambda: add_photo_to(submitted),
        "delete alice's submitted survey": lambda: client.post(
            reverse("survey:delete_draft", args=[submitted.pk])
        ),
        "save answers of alice's returned survey": lambda: json_post(
            reverse("survey:save_answers", args=[returned.pk]), answers
        ),
        "add a photo to alice's returned survey": lambda: add_photo_to(returned),
        "submit alice's returned survey again": lambda: client.post(
            reverse("survey:submit_existing", args=[returned.pk])
        ),
        "save answers of alice's approved survey": lambda: json_post(
            reverse("survey:save_answers", args=[approved.pk]), answers
        ),
        "add a photo to alice's approved survey": lambda: add_photo_to(approved),
        "approve alice's submitted survey": lambda: client.post(
            reverse("review:approve", args=[submitted.pk])
        ),
        "reject alice's submitted survey": lambda: client.post(
            reverse("review:reject", args=[submitted.pk]), {"comment": "Jiná budova."}
        ),
        "return alice's submitted survey": lambda: client.post(
            reverse("review:return", args=[submitted.pk]), {"comment": "Chybí šířka dveří."}
        ),
        "change the blur areas of a photo": lambda: client.post(
            reverse("review:photo_blur", args=[photo.pk]), {"areas": "1 1 10 10"}
        ),
        "see the private original of a photo": lambda: client.get(
            reverse("review:photo_original", args=[photo.pk])
        ),
        "invite a volunteer": lambda: client.post(
            reverse("accounts:volunteers"), {"email": "eva@example.org"}
        ),
        "approve volunteer dora": lambda: client.post(
            reverse("accounts:approve_volunteer", args=[w["dora"].pk])
        ),
    }[name]()


def snapshot(w: dict) -> tuple:
    """Everything a forbidden action might have changed."""
    return (
        tuple(Assessment.objects.order_by("pk").values_list("pk", "status", "answers")),
        tuple(Photo.objects.order_by("pk").values_list("pk", "image", "blur_areas")),
        tuple(User.objects.order_by("pk").values_list("pk", "is_approved")),
    )


CASES = [
    (action, persona, expected[i])
    for action, expected in MATRIX.items()
    for i, persona in enumerate(PERSONAS)
]


@pytest.mark.parametrize(("action", "persona", "expected"), CASES)
def test_each_role_may_do_only_what_it_is_allowed(action, persona, expected, world, mailoutbox):
    client = client_for(world["users"][persona])
    before = snapshot(world)
    answer = act(action, client, world)
    if expected == LOGIN:
        assert answer.status_code == 302
        assert answer["Location"].startswith(reverse("accounts:login"))
    else:
        assert answer.status_code == expected, getattr(answer, "content", b"")[:300]
    if expected in (LOGIN, 401, 403, 404):
        assert snapshot(world) == before
    elif action == "invite a volunteer":
        assert mailoutbox[-1].to == ["eva@example.org"]
    elif action not in ("evaluate answers", "see the private original of a photo"):
        assert snapshot(world) != before
