"""The catalogue's social services on the public map, in Chromium: the target group filter, the
"social services" layer by keyboard, and a shared link to one place (`?place=<id>`)."""

import re

import pytest
from playwright.sync_api import expect

from mapping.models import ReviewStatus
from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import loaded, map_url, places
from tests.factories import TABOR, make_assessed_place, make_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def services():
    cafe, library, post = places()
    seniors = make_service("Poradna pro seniory", "s37", ["seniors"], library)
    make_service("Klub pro mládež", "s62", ["youth"], post)
    return {"library": library, "post": post, "seniors": seniors}


def test_it_filters_by_target_group_and_shows_the_services_layer_by_keyboard(
    page, live_server, axe, services
):
    page.goto(map_url(live_server))
    loaded(page, 3)
    page.locator("#filters summary", has_text="Sociální služby").click()
    page.get_by_label("Sociální služba pro").select_option("seniors")
    loaded(page, 1)
    expect(page.locator(".leaflet-marker-icon.place-marker")).to_have_count(1)
    expect(page.locator(".leaflet-marker-icon[title^='Knihovna']")).to_have_count(1)
    assert "target_group=seniors" in page.url

    # The layer, turned on with the keyboard; the target group narrows it too.
    toggle = page.get_by_label("Sociální služby z katalogu")
    toggle.focus()
    page.keyboard.press("Space")
    expect(page.locator("#map")).to_have_attribute("data-services", "1")
    expect(page.locator("#services-status")).to_contain_text("1")
    assert "services=1" in page.url
    marker = page.locator(".leaflet-marker-icon.service-marker")
    expect(marker).to_have_count(1)
    expect(marker).to_have_attribute("title", re.compile("^Knihovna – .*Poradna pro seniory"))
    marker.focus()
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup .popup-services a")
    expect(link).to_have_text(["Poradna pro seniory"])
    expect(link).to_be_focused()
    assert axe_violations(axe, page) == []

    # The URL is shareable: the same filter and layer come back.
    page.goto(page.url)
    loaded(page, 1)
    expect(page.locator("#map")).to_have_attribute("data-services", "1")
    expect(page.get_by_label("Sociální služby z katalogu")).to_be_checked()
    page.locator(".leaflet-marker-icon.service-marker").click()
    page.locator(".leaflet-popup .popup-services a").click()
    page.wait_for_url(re.compile(rf"/katalog/sluzba/{services['seniors'].pk}/$"))
    expect(page.locator("h1")).to_have_text("Poradna pro seniory")
    assert page.errors == []


def test_a_place_link_opens_the_place_and_focuses_its_popup(page, live_server, axe, services):
    library = services["library"]
    page.goto(f"{live_server.url}/?place={library.pk}")
    popup = page.locator(".leaflet-popup")
    expect(popup.locator(".popup-name")).to_have_text("Knihovna")
    expect(popup.get_by_role("link", name="Podrobnosti o místě")).to_be_focused()
    assert f"place={library.pk}" in page.url
    assert axe_violations(axe, page) == []
    # Escape closes the popup, back on the place's marker; the place leaves the URL.
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    expect(page.locator(".leaflet-marker-icon[title^='Knihovna']")).to_be_focused()
    page.wait_for_function("() => !window.location.search.includes('place=')")
    assert page.errors == []


def test_a_link_to_a_place_of_the_catalogue_not_assessed_yet_still_shows_where_it_is(
    page, live_server
):
    # The catalogue shows where its services are delivered, so that place is public; a place
    # outside the catalogue and not published is not (tests/public/test_unpublished_places.py).
    club = make_assessed_place("Klub", lon=TABOR[0] + 0.002, status=ReviewStatus.SUBMITTED)
    make_service("Nízkoprahový klub", "s62", ["youth"], club)
    page.goto(f"{live_server.url}/?place={club.pk}")
    popup = page.locator(".leaflet-popup")
    expect(popup.locator(".popup-name")).to_have_text("Klub")
    expect(popup).to_contain_text("zatím nebylo zmapováno")
    assert page.errors == []
