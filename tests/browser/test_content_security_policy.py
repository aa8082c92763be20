"""The Content-Security-Policy and the Permissions-Policy in Chromium: every main page works with
them, and the browser reports no violation (a blocked script, style, image, request or worker,
or a feature name it does not know). The map draws its markers, the survey app finds a place
from a photo's GPS, the admin's map widget shows the place, and the embed view works inside a
town's page while the normal map refuses to be framed there."""

import pytest
from playwright.sync_api import expect

from mapping.models import Role
from tests.browser.conftest import policy_violations, watch_policies
from tests.browser.test_public_map import loaded, map_url, places
from tests.factories import make_entrance, make_service, make_user
from tests.survey.conftest import GPS_PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def watched(playwright_browser, live_server, browser_settings):
    """A context that may only talk to the live server, and the violations reported in it: by
    the pages themselves and on the console."""
    context = playwright_browser.new_context(
        base_url=live_server.url, locale="cs-CZ", viewport={"width": 1280, "height": 900}
    )
    reported = watch_policies(context)

    def only_live_server(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", only_live_server)
    context.on("weberror", lambda error: reported.append(f"script error: {error.error}"))
    context.reported = reported
    yield context
    context.close()


def violations(context) -> list[str]:
    return policy_violations(context, context.reported)


def sign_in(page, username: str, next_url: str) -> None:
    page.goto(f"/ucet/prihlaseni/?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse 42")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**{next_url}")


def test_the_public_pages_work_under_the_policy(watched, live_server):
    cafe, library, post = places()
    service = make_service("Poradna pro seniory", "s37", ["seniors"], library)
    page = watched.new_page()

    page.goto(map_url(live_server, services=1))
    loaded(page, 3)
    expect(page.locator(".leaflet-marker-icon.place-marker")).to_have_count(3)
    page.locator("#search-q").fill("Knihovna")
    page.keyboard.press("Enter")
    expect(page.locator("#search-results")).to_contain_text("Knihovna")
    page.goto("/seznam/?q=Knihovna")
    expect(page.locator("main")).to_contain_text("Knihovna")
    page.goto(f"/misto/{library.pk}/")
    expect(page.locator("h1")).to_contain_text("Knihovna")
    page.goto("/trasa/")
    expect(page.locator("#map.leaflet-container, .leaflet-container").first).to_be_visible()
    for path in (
        "/katalog/",
        f"/katalog/poskytovatel/{service.provider.pk}/",
        f"/katalog/sluzba/{service.pk}/",
        "/nahlasit/",
        "/data/",
        "/vlozit/?lat=49.41&lon=14.66&z=16&lang=cs&width=640&height=480",
        "/neni-tu/",
    ):
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
    page.goto(f"/katalog/sluzba/{service.pk}/")
    expect(page.locator(".leaflet-marker-icon").first).to_be_visible()
    assert violations(watched) == []


def test_the_embed_view_works_in_a_towns_page_and_the_map_refuses_to_be_framed(
    watched, live_server
):
    places()
    # The town's site: another origin than the live server's (Chromium refuses a public site
    # that frames a local one, so the town is local too: 127.0.0.1 is not "localhost").
    town = live_server.url.replace("localhost", "127.0.0.1")
    assert town != live_server.url
    town_page = f"""<!DOCTYPE html><html lang="cs"><title>Město</title>
      <iframe id="embed" title="Mapa" src="{map_url(live_server, embed=1)}"></iframe>
      <iframe id="map" title="Mapa" src="{map_url(live_server)}"></iframe></html>"""
    watched.route(
        f"{town}/mesto/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=town_page),
    )
    # The town page is made up here, so Chromium cannot tell it is on this machine.
    watched.grant_permissions(["local-network-access"], origin=town)
    page = watched.new_page()
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "frame-ancestors" in m.text else None)
    page.goto(f"{town}/mesto/mapa.html")
    embedded = page.frame_locator("#embed")
    expect(embedded.locator("#map")).to_have_attribute("data-loaded", "3")
    expect(embedded.locator(".leaflet-marker-icon.place-marker")).to_have_count(3)
    expect(page.frame_locator("#map").locator("#map")).to_have_count(0)
    for _ in range(50):
        if any("frame-ancestors 'none'" in text for text in blocked):
            break
        page.wait_for_timeout(100)
    assert any("frame-ancestors 'none'" in text for text in blocked), blocked
    others = [text for text in violations(watched) if "frame-ancestors 'none'" not in text]
    assert others == []


def test_the_survey_app_works_under_the_policy(watched, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_user("alice", email="alice@example.org", is_approved=True)
    page = watched.new_page()
    sign_in(page, "alice", "/pruzkum/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    expect(page.locator("#survey-map.leaflet-container")).to_be_visible()
    page.set_input_files("#first-photo", str(GPS_PHOTO))
    page.wait_for_function("() => document.getElementById('place-lat').value !== ''")
    assert float(page.input_value("#place-lat")) == pytest.approx(43.4682, abs=0.001)
    page.goto("/pruzkum/moje/")
    expect(page.locator("h1")).to_be_visible()
    assert violations(watched) == []


def test_the_admins_map_widget_shows_the_place_under_the_policy(watched, live_server, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    make_user("erin", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    make_user("charlie", role=Role.COORDINATOR, is_approved=True)
    cafe, _library, _post = places()
    make_entrance(cafe)
    page = watched.new_page()
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "erin")
    page.fill("#id_password", "correct horse 42")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"/admin/mapping/place/{cafe.pk}/change/")
    # The place's map and its entrance's map, each with the point it edits.
    expect(page.locator("#id_location-map.leaflet-container")).to_be_visible()
    expect(page.locator("#id_location-map .leaflet-marker-icon")).to_have_count(1)
    expect(page.locator("#id_entrances-0-location-map .leaflet-marker-icon")).to_have_count(1)
    # A new entrance: the admin copies the hidden empty form, map widget and all.
    page.locator(".add-row a").first.click()
    expect(page.locator("#id_entrances-1-location-map.leaflet-container")).to_be_visible()
    assert violations(watched) == []

    review = watched.new_page()
    review.context.clear_cookies()
    sign_in(review, "charlie", "/kontrola/")
    expect(review.locator("h1")).to_be_visible()
    review.goto("/kontrola/pokryti/")
    expect(review.locator("h1")).to_be_visible()
    assert violations(watched) == []
