"""The catalogue journey in Chromium: filter, open a service, reach its place on the map.

Base-map tiles never load here: their requests are aborted and nothing waits for them.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # As in the catalogue's other tests: Django's own language is English (the page is Czech).
    pytest.mark.usefixtures("english"),
]


@pytest.fixture
def page(demo_catalogue, catalogue_translations, live_server, playwright_browser):
    # Playwright's sync API runs an event loop in this thread; the database work of the
    # fixtures is done before it starts, and the live server answers from its own thread.
    context = playwright_browser.new_context(locale="cs-CZ", reduced_motion="reduce")
    page = context.new_page()
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_visitor_filters_opens_a_service_and_reaches_its_place_on_the_map(
    page, live_server, demo_town
):
    page.goto(f"{live_server.url}/katalog/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Katalog sociálních služeb")
    assert_accessible(page)

    # By keyboard: tick the target group and the wheelchair profile, submit with Enter.
    filters = page.get_by_role("search")
    filters.get_by_role("group", name="Pro koho").get_by_label("Senioři", exact=True).focus()
    page.keyboard.press("Space")
    filters.get_by_role("group", name="Prostory přístupné pro").get_by_label("Vozíčkáři").focus()
    page.keyboard.press("Space")
    filters.get_by_role("button", name="Zobrazit služby").focus()
    page.keyboard.press("Enter")

    page.wait_for_url("**/katalog/?*")
    assert "target_group=seniors" in page.url
    assert "accessible_for=wheelchair" in page.url
    results = page.get_by_role("region", name="Nalezeno")
    home = results.get_by_role("link", name="Domov pro seniory Na Výsluní", exact=True)
    expect(home).to_be_visible()
    # The Charita's building is only partly accessible for wheelchair users.
    charita = results.get_by_role("link", name="Charitní pečovatelská služba", exact=True)
    expect(charita).to_have_count(0)
    assert_accessible(page)

    home.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Domov pro seniory Na Výsluní")
    expect(page.locator("#catalogue-map")).to_have_attribute("data-loaded", "1")
    expect(page.get_by_text("Vozíčkáři: přístupn")).to_be_visible()
    assert_accessible(page)

    place = demo_town["ds"]
    page.get_by_role("link", name=f"Zobrazit {place.name} na bezbariérové mapě").click()
    page.wait_for_url(f"**/?place={place.pk}*")
    # The map opens on the place, its popup open and its link focused for the keyboard.
    popup = page.locator("#map .leaflet-popup")
    expect(popup.locator(".popup-name")).to_have_text(place.name)
    expect(popup.get_by_role("link", name="Podrobnosti o místě")).to_be_focused()
    # With the social services layer on, the service just left is on the map too.
    page.get_by_label("Sociální služby z katalogu").check()
    services = page.locator(f".leaflet-marker-icon.service-marker[title^='{place.name}']")
    expect(services).to_have_count(1)
    expect(services).to_have_attribute("title", re.compile("Domov pro seniory Na Výsluní"))
    assert_accessible(page)


def test_the_provider_page_has_no_wcag_violations(page, live_server):
    page.goto(f"{live_server.url}/katalog/")
    page.get_by_role("link", name="Charita Lhotka nad Otavou").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Charita Lhotka nad Otavou")
    expect(page.locator("#catalogue-map")).to_have_attribute("data-loaded", "1")
    assert_accessible(page)
