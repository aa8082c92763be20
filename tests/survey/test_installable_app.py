"""The survey is an installable web app: a manifest and a service worker at its scope's root."""

from django.urls import reverse

from tests.personas import client_for


def test_the_service_worker_is_served_as_javascript_for_the_survey_scope(client):
    answer = client.get(reverse("survey:service_worker"))
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/javascript")
    assert answer["Service-Worker-Allowed"] == "/pruzkum/"
    body = answer.content.decode()
    assert '"/pruzkum/"' in body and "/static/js/survey/app.js" in body


def test_the_manifest_starts_the_app_at_the_survey(client):
    manifest = client.get(reverse("survey:manifest"))
    assert manifest["Content-Type"] == "application/manifest+json"
    data = manifest.json()
    assert data["start_url"] == data["scope"] == "/pruzkum/"
    assert data["display"] == "standalone" and data["icons"]


def test_the_app_page_links_the_manifest_and_hands_over_its_texts(alice):
    page = client_for(alice).get(reverse("survey:app"))
    html = page.content.decode()
    assert reverse("survey:manifest") in html
    assert 'id="survey-config"' in html and 'id="survey-texts"' in html
