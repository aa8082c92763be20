"""On a phone the map and the list come first: filters, layers and legend fold under one
disclosure, opened with the keyboard; on a wide screen everything stays in view."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import loaded, map_url, places

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 780}


def test_on_a_phone_the_map_is_in_the_first_screen_and_the_filters_open_by_keyboard(
    page, live_server, axe
):
    places(spread=0.0002)  # all three within a phone's narrow view
    page.set_viewport_size(PHONE)
    page.goto(map_url(live_server))
    loaded(page, 3)
    options = page.locator("#map-options")
    expect(options).not_to_have_attribute("open", "")
    expect(page.locator("#filters")).to_be_hidden()
    box = page.locator("#map").bounding_box()
    assert box["y"] < PHONE["height"] - 200, box  # most of the first screen shows the map
    assert axe_violations(axe, page) == []

    # Keyboard only: Tab from the search button reaches the disclosure; Enter opens it.
    page.focus("#search button[type=submit]")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('summary') !== null")
    assert focused
    page.keyboard.press("Enter")
    expect(options).to_have_attribute("open", "")
    accessible = page.locator("input[name=category][value=accessible]")
    expect(accessible).to_be_visible()
    accessible.check()
    loaded(page, 1)
    assert axe_violations(axe, page) == []
    assert page.errors == []


def test_a_filter_error_keeps_the_disclosure_open_on_a_phone(page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/?category=nonsense")
    expect(page.locator("#map-options")).to_have_attribute("open", "")
    expect(page.locator("#filters .error").first).to_be_visible()


def test_on_a_wide_screen_everything_is_in_view_and_widening_a_phone_unfolds_it(page, live_server):
    places()
    page.goto(map_url(live_server))
    loaded(page, 3)
    expect(page.locator("#map-options > summary")).to_be_hidden()
    expect(page.locator("#filters")).to_be_visible()
    expect(page.locator(".legend")).to_be_visible()

    page.set_viewport_size(PHONE)
    page.goto(map_url(live_server))
    expect(page.locator("#filters")).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(page.locator("#filters")).to_be_visible()


def test_on_a_phone_the_list_comes_before_its_filters(page, live_server, axe):
    places()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/seznam/")
    expect(page.locator("#list-options")).not_to_have_attribute("open", "")
    first = page.locator(".list-main li").first
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < PHONE["height"]
    page.locator("#list-options > summary").press("Enter")
    expect(page.locator("#sort")).to_be_visible()
    assert axe_violations(axe, page) == []
