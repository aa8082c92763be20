"""The error pages (400, 403, 404, 500) are the site's own pages: translated, with a heading, the
site's navigation and the page's language; the API and the survey's endpoints answer JSON errors
in Czech and English instead, never an HTML page a script cannot read."""

import re

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path, reverse

from barrierfree.urls import urlpatterns as site_patterns
from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.personas import client_for


def boom(request):
    raise RuntimeError("secret internals")


def refuse(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("bad input")


# This module is the URL configuration of the tests that need a failing view.
urlpatterns = [
    path("boom/", boom),
    path("api/v1/boom/", boom),
    path("refuse/", refuse),
    path("suspicious/", suspicious),
    *site_patterns,
]
handler400 = "mapping.errors.bad_request"
handler403 = "mapping.errors.permission_denied"
handler404 = "mapping.errors.page_not_found"
handler500 = "mapping.errors.server_error"


@pytest.fixture
def failing_views(settings):
    settings.ROOT_URLCONF = __name__


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def assert_site_page(response, status: int, language: str, heading: str):
    page = response.content.decode()
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert f'<html lang="{language}"' in page
    assert re.search(rf"<h1>\s*{re.escape(heading)}\s*</h1>", page), page
    assert '<nav class="site-nav"' in page
    assert 'href="/"' in page  # a way back to the map
    assert "secret internals" not in page and "Traceback" not in page


HEADINGS = {
    400: ("Požadavku nerozumíme", "The request could not be understood"),
    403: ("Tohle vám není dovoleno", "You may not do this"),
    404: ("Stránka nenalezena", "Page not found"),
    500: ("Chyba je na naší straně", "Something went wrong on our side"),
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [("/no-such-page/", 404), ("/refuse/", 403), ("/suspicious/", 400), ("/boom/", 500)],
)
@pytest.mark.parametrize("language", ["cs", "en"])
def test_an_error_page_is_a_translated_page_of_the_site(
    failing_views, visitor, url, status, language
):
    response = visitor.get(url, HTTP_ACCEPT_LANGUAGE=language)
    czech, english = HEADINGS[status]
    assert_site_page(response, status, language, czech if language == "cs" else english)


def test_the_error_templates_exist():
    from django.template.loader import get_template

    for status in (400, 403, 404, 500):
        assert get_template(f"{status}.html")


@pytest.mark.django_db
def test_a_page_not_found_says_what_the_product_knows(client):
    """An unpublished place: the 404 says so, in the page's language."""
    place = make_place("Radnice")
    make_assessment(place, ReviewStatus.SUBMITTED)
    response = client.get(reverse("public:detail", args=[place.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "This place is not published." in response.content.decode()


@pytest.mark.django_db
def test_a_bad_host_gets_the_400_page(client):
    response = client.get("/", HTTP_HOST="evil.example")
    assert_site_page(response, 400, "cs", HEADINGS[400][0])


def assert_json_error(response, status: int, code: str):
    """One shape everywhere (mapping.json_errors): the code in "code", the message in the
    request's language in "error" and, for the survey app installed before, in "message"."""
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["code"] == code
    assert body["error"] == body["message"]
    assert body["error"] in (body["message_cs"], body["message_en"])
    assert body["message_cs"] and body["message_en"]
    assert body["message_cs"] != body["message_en"]
    return body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/api/v1/no-such-thing/", "/api/v2/places/", "/pruzkum/api/nic/", "/trasa/nic.json"],
)
def test_an_unknown_address_under_the_api_is_a_json_404(client, url):
    assert_json_error(client.get(url), 404, "not_found")


@pytest.mark.django_db
def test_the_api_answers_its_own_404_and_400_in_json(client):
    response = client.get("/api/v1/places/999999999/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"
    assert response.json()["error"]  # DRF's message, in the request's language
    response = client.get("/api/v1/places/", {"bbox": "1,2,3"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["code"] == "invalid"
    assert "bbox" in body["error"]  # one message, not a list
    assert body["parameters"] == {"bbox": [body["error"]]}


@pytest.mark.django_db
def test_a_server_error_under_the_api_is_json_without_internals(failing_views, visitor):
    response = visitor.get("/api/v1/boom/")
    body = assert_json_error(response, 500, "server_error")
    assert "secret internals" not in response.content.decode()
    assert "koordinátorovi" in body["message_cs"]


@pytest.mark.django_db
def test_the_survey_endpoints_answer_404_and_403_in_json(alice):  # noqa: F811
    client = client_for(alice)
    body = assert_json_error(
        client.get(reverse("survey:assessment", args=[999999999])), 404, "not_found"
    )
    assert body["message_en"] == "No such assessment."
    place = make_place("Radnice")
    submitted = make_assessment(place, ReviewStatus.SUBMITTED, surveyor=alice)
    response = client.post(reverse("survey:delete_draft", args=[submitted.pk]))
    body = assert_json_error(response, 403, "forbidden")
    assert body["message_en"] == (
        "You cannot change this assessment: it is not your draft or it is already reviewed."
    )


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_a_page_that_says_what_to_do():
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("reports:new"), {"text": "Rozbitá rampa"})
    assert_site_page(response, 403, "cs", HEADINGS[403][0])
    assert "Načtěte stránku znovu" in response.content.decode()


@pytest.mark.django_db
def test_a_survey_request_without_its_csrf_token_gets_json(alice):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(reverse("survey:evaluate"), b"{}", content_type="application/json")
    body = assert_json_error(response, 403, "forbidden")
    assert "Reload the page" in body["message_en"]
