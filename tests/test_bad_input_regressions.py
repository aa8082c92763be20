"""Each 500 the sweep (tests/sweep/) found, now a 4xx with a message in Czech and
English, or the input ignored where the page says so; and a refused write leaves nothing behind."""

import io
import json

import pytest
from django.test import Client
from django.urls import reverse

from mapping.ico import ico_check_digit, is_valid_ico, normalise_ico
from mapping.ids import parse_id
from mapping.models import Assessment, AssessmentEvent, Place, ReviewStatus
from tests.factories import make_assessed_place, make_assessment, make_user
from tests.jobs import checked_photo
from tests.personas import client_for
from tests.survey.conftest import BUILDING_ANSWERS, small_jpeg

UNICODE_DIGIT = "²"  # str.isdigit() says yes, int() says no
LONG_NUMBER = "9" * 5000  # past Python's limit on integer strings


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("42", 42),
        (" 7 ", 7),
        (42, 42),
        ("", None),
        (None, None),
        ("0", None),
        ("-1", None),
        ("abc", None),
        (UNICODE_DIGIT, None),
        ("١٢", None),  # Arabic-Indic digits
        (LONG_NUMBER, None),
        (str(2**63), None),  # past bigint
        (str(2**63 - 1), 2**63 - 1),
    ],
)
def test_an_id_is_ascii_digits_within_bigint(raw, expected):
    assert parse_id(raw) == expected


def test_an_ico_with_a_unicode_digit_is_invalid_not_an_error():
    assert is_valid_ico("1234567" + UNICODE_DIGIT) is False
    assert normalise_ico(UNICODE_DIGIT) == UNICODE_DIGIT
    with pytest.raises(ValueError, match="seven digits"):
        ico_check_digit(UNICODE_DIGIT * 7)


@pytest.mark.django_db
@pytest.mark.parametrize("value", [UNICODE_DIGIT, LONG_NUMBER, str(2**70)])
@pytest.mark.parametrize("parameter", ["from_place", "to_place", "place"])
def test_the_route_api_refuses_a_place_number_it_cannot_read(client, parameter, value):
    query = {"from": "14.1474,49.3089", "to": "14.1480,49.3090", parameter: value}
    if parameter == "from_place":
        query.pop("from")
    else:
        query.pop("to")
    response = client.get(reverse("routing:route"), query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json() == {
        "error": "A place must be given by its number.",
        "code": "invalid",
        "message": "A place must be given by its number.",
        "message_cs": "Místo je třeba zadat jeho číslem.",
        "message_en": "A place must be given by its number.",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("value", [UNICODE_DIGIT, LONG_NUMBER])
def test_the_map_and_the_report_form_ignore_a_place_number_they_cannot_read(client, value):
    assert client.get(reverse("public:map"), {"place": value}).status_code == 200
    response = client.get(reverse("reports:new"), {"place": value, "photo": value})
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_list_keeps_a_parameter_named_like_a_querydict_method(client):
    """`?lists=abc` made the template's `request.GET.lists` the string "abc" (a 500)."""
    make_assessed_place("Radnice")
    response = client.get(reverse("public:list"), {"lists": "abc", "items": "x", "q": "rad"})
    assert response.status_code == 200
    page = response.content.decode()
    assert '<input type="hidden" name="lists" value="abc">' in page
    assert '<input type="hidden" name="items" value="x">' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "message"),
    [("en", "place must be the number of a place."), ("cs", "place musí být číslo místa.")],
)
def test_the_api_refuses_an_assessment_filter_it_cannot_read_in_both_languages(
    client, language, message
):
    for value in (UNICODE_DIGIT, LONG_NUMBER, "abc"):
        response = client.get(
            "/api/v1/assessments/", {"place": value}, HTTP_ACCEPT_LANGUAGE=language
        )
        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"
        assert response.json()["error"] == message


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/", "get"),
        ("/hledat/", "get"),
        ("/nahlasit/", "post"),
        ("/api/v1/places/", "get"),
    ],
)
def test_a_nul_character_is_refused_with_a_message_in_both_languages(client, path, method):
    response = getattr(client, method)(path, {"q": "rad\x00nice", "text": "a\x00b"})
    assert response.status_code == 400
    if path.startswith("/api/"):
        body = response.json()
        assert body["code"] == "bad_request"
        assert body["error"] == body["message_cs"]  # the message, in the request's language
        assert "nulový znak" in body["message_cs"]
        assert "null character" in body["message_en"]
    else:
        assert "nulový znak" in response.content.decode()
        english = getattr(client, method)(path, {"q": "\x00"}, HTTP_ACCEPT_LANGUAGE="en")
        assert "null character" in english.content.decode()


@pytest.fixture
def submitted(alice):  # noqa: F811
    place = make_assessed_place("Radnice", status=ReviewStatus.APPROVED)
    return make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice, answers=BUILDING_ANSWERS)


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["approve", "reject", "return"])
def test_a_review_decision_with_a_nul_character_changes_nothing(charlie, submitted, action):  # noqa: F811
    events = AssessmentEvent.objects.count()
    response = client_for(charlie).post(
        reverse(f"review:{action}", args=[submitted.pk]), {"comment": "Chybí\x00 rampa"}
    )
    assert response.status_code == 400
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.SUBMITTED
    assert submitted.review_comment == ""
    assert AssessmentEvent.objects.count() == events


@pytest.mark.django_db
def test_blur_areas_at_infinity_are_refused_and_the_photo_is_kept(charlie, submitted):  # noqa: F811
    photo = checked_photo(submitted, small_jpeg(), alt_text="Vstup", subject="entrance")
    before = (photo.image.name, photo.blur_areas)
    for areas in ("1e309 0 10 10", "[[1e309, 0, 10, 10]]", "nan 0 10 10"):
        response = client_for(charlie).post(
            reverse("review:photo_blur", args=[photo.pk]), {"areas": areas}
        )
        assert response.status_code == 400
        assert "x y" in response.content.decode()
    photo.refresh_from_db()
    assert (photo.image.name, photo.blur_areas) == before


@pytest.mark.django_db
def test_survey_data_sent_as_a_multipart_form_are_read_not_a_500(alice):  # noqa: F811
    """Once Django has parsed a multipart body (the CSRF check does, for every POST), the raw
    body is gone: these endpoints read the form's "payload" field instead."""
    place = make_assessed_place("Radnice")
    draft = make_assessment(place, ReviewStatus.DRAFT, surveyor=alice, answers={})
    client = Client(enforce_csrf_checks=False)
    client.force_login(alice)
    answers = {"answers": BUILDING_ANSWERS}
    response = client.post(
        reverse("survey:save_answers", args=[draft.pk]), {"payload": json.dumps(answers)}
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.answers == BUILDING_ANSWERS
    response = client.post(reverse("survey:evaluate"), {"payload": json.dumps(answers)})
    assert response.status_code == 200
    assert "result" in response.json()
    response = client.post(reverse("survey:evaluate"), {"payload": "{not json"})
    assert response.status_code == 400
    assert response.json()["code"] == "payload_not_json"


@pytest.mark.django_db
def test_answers_holding_a_nul_character_are_refused_and_the_draft_is_unchanged(alice):  # noqa: F811
    place = make_assessed_place("Radnice")
    draft = make_assessment(place, ReviewStatus.DRAFT, surveyor=alice, answers=BUILDING_ANSWERS)
    response = client_for(alice).post(
        reverse("survey:save_answers", args=[draft.pk]),
        json.dumps({"answers": {"note": "a\u0000b"}}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "null character" in response.json()["message_en"]
    draft.refresh_from_db()
    assert draft.answers == BUILDING_ANSWERS


@pytest.mark.django_db
def test_a_new_survey_holding_a_nul_character_leaves_no_record(alice, stored_files):  # noqa: F811
    places, assessments = Place.objects.count(), Assessment.objects.count()
    payload = {
        "idempotency_key": "6f1c0b8e-3f43-4a51-9d5e-2c7f3b1a0d11",
        "action": "submit",
        "place": {"name": "Lékárna\u0000", "kind": "building", "lat": 49.31, "lon": 14.15},
        "answers": BUILDING_ANSWERS,
        "photos": [{"field": "photo_0", "alt_text": "Vstup", "subject": "entrance"}],
    }
    photo = io.BytesIO(small_jpeg())
    photo.name = "photo.jpg"
    response = client_for(alice).post(
        reverse("survey:submit"), {"payload": json.dumps(payload), "photo_0": photo}
    )
    assert response.status_code == 400
    assert Assessment.objects.count() == assessments
    assert Place.objects.count() == places
    assert stored_files() == []


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["change", "delete"])
def test_the_admin_takes_an_empty_to_field_for_the_primary_key(page):
    admin = make_user("erin", role="administrator", is_staff=True, is_superuser=True)
    place = make_assessed_place("Radnice")
    client = client_for(admin)
    url = reverse(f"admin:mapping_place_{page}", args=[place.pk])
    assert client.get(url, {"_to_field": ""}).status_code == 200
