"""The accessibility score page in a browser: reached from the open-data page by keyboard, the
demo town's score and data-quality factor on a phone (360 px) and a desktop (1280 px), its wide
tables scrolling inside themselves, axe-clean in every state."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    call_command("load_demo", "--commit")


def _no_sideways_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_the_score_is_reached_by_keyboard_from_the_open_data_page(page, live_server, axe, demo):
    page.goto(f"{live_server.url}/data/")
    expect(page.locator(".score-summary li")).to_have_count(2)
    assert axe_violations(axe, page) == []
    link = page.locator("#score + p a", has_text="Skóre každé obce")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Skóre přístupnosti obcí")
    assert axe_violations(axe, page) == []

    # The overview's first link leads to the town's own section.
    page.locator(".score-table a", has_text="Písek").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/data/skore/#area-549240")
    section = page.locator("section[aria-labelledby='area-549240']")
    expect(section.locator(".score-headline")).to_contain_text("ze 100.")
    expect(section.locator(".score-headline")).to_contain_text("Faktor kvality dat:")
    expect(section.locator("h3")).to_have_text(["Podle druhu místa a profilu", "Vývoj po letech"])
    # Putim has too few surveyed places: the reason is said instead of a score.
    putim = page.locator(".score-area", has=page.locator("h2", has_text="Putim"))
    expect(putim.locator(".score-headline")).to_contain_text("Není zobrazeno")

    # Each scrollable table is a focusable region, so a keyboard can scroll it.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "table-scroll" in focused
    assert axe_violations(axe, page) == []


def test_on_a_phone_the_tables_scroll_inside_and_the_page_does_not(page, live_server, axe, demo):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/data/skore/")
    expect(page.locator(".score-headline").first).to_be_visible()
    assert _no_sideways_scroll(page)
    assert axe_violations(axe, page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    assert _no_sideways_scroll(page)
    assert axe_violations(axe, page) == []
