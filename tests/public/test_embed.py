"""Embedding: the map without site chrome may be framed; nothing else may."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_embed_view_may_be_framed_and_has_no_site_chrome(client):
    response = client.get(reverse("public:map"), {"embed": "1"})
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    assert 'class="site-header"' not in response.content.decode()


@pytest.mark.django_db
def test_the_normal_map_page_refuses_framing(client):
    response = client.get(reverse("public:map"))
    assert response["X-Frame-Options"] == "DENY"
    assert 'class="site-header"' in response.content.decode()


@pytest.mark.django_db
def test_the_embed_view_speaks_the_language_of_the_snippet(client):
    response = client.get(reverse("public:map"), {"embed": "1", "lang": "en"})
    assert '<html lang="en" ' in response.content.decode()


@pytest.mark.django_db
def test_the_snippet_page_writes_an_iframe_with_the_chosen_view_and_filters(client, settings):
    settings.SITE_URL = "https://mapa.example.cz"
    params = {
        "lat": "49.41",
        "lon": "14.66",
        "z": "16",
        "lang": "en",
        "width": "640",
        "height": "480",
        "profile": "pram",
        "toilet": "on",
        "services": "1",
    }
    page = client.get(reverse("public:embed"), params).content.decode()
    assert "&lt;iframe src=&quot;https://mapa.example.cz/?embed=1&amp;amp;lang=en" in page
    assert "profile=pram" in page and "toilet=on" in page and "width=&quot;640&quot;" in page
    assert "services=1" in page  # the social services layer shows in the embedded map


SNIPPET_QUERY = {"lat": "49.41", "lon": "14.66", "z": "16", "lang": "cs", "width": "800"}


@pytest.mark.django_db
def test_without_site_url_the_snippet_points_to_the_address_the_page_was_served_at(
    client, settings
):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["mapa.pisek.cz"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    page = client.get(
        reverse("public:embed"),
        {**SNIPPET_QUERY, "height": "600"},
        HTTP_HOST="mapa.pisek.cz",
        HTTP_X_FORWARDED_PROTO="https",  # nginx in front, as deploy/ sets it up
    ).content.decode()
    assert "&lt;iframe src=&quot;https://mapa.pisek.cz/?embed=1" in page
    assert "127.0.0.1" not in page


@pytest.mark.django_db
def test_the_deploy_check_asks_for_site_url_in_production(settings):
    from django.core.checks import run_checks

    settings.DEBUG = False
    settings.SITE_URL = ""
    assert "mapping.site.W001" in {m.id for m in run_checks(include_deployment_checks=True)}
    settings.SITE_URL = "https://mapa.pisek.cz"
    assert "mapping.site.W001" not in {m.id for m in run_checks(include_deployment_checks=True)}


@pytest.mark.django_db
def test_the_snippet_page_explains_bad_values(client):
    params = {"lat": "99", "lon": "14", "z": "16", "lang": "en", "width": "640", "height": "480"}
    response = client.get(reverse("public:embed"), params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "less than or equal to 90" in response.content.decode()
    assert "&lt;iframe" not in response.content.decode()


@pytest.mark.django_db
def test_the_language_of_the_address_wins_over_the_browsers_for_every_request(client):
    from tests.factories import make_assessed_place

    pharmacy = make_assessed_place("Lékárna")
    czech_browser = {"HTTP_ACCEPT_LANGUAGE": "cs"}
    english = client.get(reverse("public:search"), {"q": "lekarna", "lang": "en"}, **czech_browser)
    assert english.json()["summary"] == "1 place matches."
    page = client.get(reverse("public:detail", args=[pharmacy.pk]), {"lang": "en"}, **czech_browser)
    assert '<html lang="en" ' in page.content.decode()
    ignored = client.get(reverse("public:search"), {"q": "lekarna", "lang": "xx"}, **czech_browser)
    assert ignored.json()["summary"].startswith("Hledanému výrazu")


@pytest.mark.django_db
def test_the_embedded_map_knows_its_language_for_its_requests_and_links(client):
    import json

    page = client.get(reverse("public:map"), {"embed": "1", "lang": "en"}).content.decode()
    start = page.index('<script id="map-config" type="application/json">')
    config = json.loads(page[start:].split(">", 1)[1].split("</script>", 1)[0])
    assert config["embed"] is True
    assert config["language"] == "en"
