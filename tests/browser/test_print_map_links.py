"""The printable map is reached from the map with the filters the visitor has just set (the
links follow the map's address as it changes), by keyboard, on a desktop and on a phone."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import loaded, map_url, places

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_the_print_links_carry_the_filters_just_set_on_the_map(page, live_server, axe, viewport):
    places(spread=0.0002)
    page.set_viewport_size(viewport)
    page.goto(map_url(live_server))
    loaded(page, 3)
    if viewport is PHONE:
        page.locator("#map-options > summary").click()
    page.locator("input[name=category][value=accessible]").check()
    loaded(page, 1)
    assert "category=accessible" in page.url

    # Keyboard: Tab from the list link reaches the A4 link, which now holds the new filter.
    page.focus("#list-link")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-print-paper')")
    assert focused == "a4"
    href = page.evaluate("document.activeElement.href")
    query = parse_qs(urlsplit(href).query)
    assert query["category"] == ["accessible"] and query["paper"] == ["a4"]
    assert urlsplit(href).path == "/tisk/mapa/"
    assert axe_violations(axe, page) == []

    answer = page.request.get(href)
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.body().startswith(b"%PDF")

    page.keyboard.press("Tab")
    a3 = page.evaluate("document.activeElement.href")
    assert re.search(r"category=accessible.*paper=a3", a3)
    assert page.errors == []


def test_the_list_offers_the_printable_map_of_its_places(page, live_server, axe):
    places()
    page.goto(f"{live_server.url}/seznam/?category=accessible")
    link = page.get_by_role("link", name="A3")
    expect(link).to_have_attribute("href", re.compile(r"category=accessible.*paper=a3"))
    assert axe_violations(axe, page) == []
