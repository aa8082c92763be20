"""The open-data page in a browser: reachable from every page's footer by keyboard, axe-clean."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.public_factories import make_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_open_data_page_is_reached_by_keyboard_and_has_no_wcag_violations(
    page, live_server, axe
):
    make_place("Radnice")
    page.goto(f"{live_server.url}/seznam/")
    link = page.locator(".site-footer a", has_text="Otevřená data")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Otevřená data")
    expect(page.locator(".downloads a")).to_have_count(6)
    assert axe_violations(axe, page) == []
