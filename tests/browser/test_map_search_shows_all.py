"""The map's search stops at ten results and offers the rest in the list: "show all N in the
list" is a link reached by keyboard that opens the list of all N, on a desktop and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import loaded, map_url
from tests.factories import TABOR, make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MATCHING = 13
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def bakeries() -> list[str]:
    names = []
    for index in range(MATCHING):
        name = f"Pekárna {index + 1}"
        make_assessed_place(name, lon=TABOR[0] + index * 0.0001)
        names.append(name)
    make_assessed_place("Knihovna", lon=TABOR[0] - 0.0003)
    return names


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_the_search_that_stops_at_ten_leads_by_keyboard_to_all_matches_in_the_list(
    page, live_server, axe, viewport
):
    names = bakeries()
    page.set_viewport_size(viewport)
    page.goto(map_url(live_server))
    loaded(page, MATCHING + 1)

    page.focus("#search-q")
    page.keyboard.type("pekarna")
    page.keyboard.press("Enter")
    expect(page.locator(".search-list li")).to_have_count(10)
    expect(page.locator("#search-results .status")).to_have_text(
        f"Zobrazeno 10 nejlepších, nalezeno celkem {MATCHING} míst."
    )
    all_link = page.locator("#search-results a.all-results")
    expect(all_link).to_have_text(f"Zobrazit všech {MATCHING} v seznamu")
    expect(all_link).to_be_visible()
    assert axe_violations(axe, page) == []

    # Keyboard only: Tab from the search box through the ten results reaches the link.
    page.focus("#search-q")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.all-results')"):
            break
    else:
        pytest.fail("the link to all results is not reached by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/seznam/\?.*q=pekarna"))
    listed = page.locator(".place-name")
    expect(listed).to_have_count(MATCHING)
    assert sorted(listed.all_text_contents()) == sorted(names)
    assert "Knihovna" not in page.locator("main").inner_text()
    assert axe_violations(axe, page) == []
    assert page.errors == []


def test_a_search_with_ten_or_fewer_matches_offers_no_link_to_the_list(page, live_server):
    bakeries()
    page.goto(map_url(live_server))
    loaded(page, MATCHING + 1)
    page.fill("#search-q", "knihovna")
    page.press("#search-q", "Enter")
    expect(page.locator(".search-list li")).to_have_count(1)
    expect(page.locator("#search-results a.all-results")).to_have_count(0)
