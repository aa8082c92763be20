"""The route planner in Chromium, keyboard only: type the ends (positions, or a place and an
address chosen from the suggestions with the arrow keys and Enter), pick a profile with the arrow
keys, submit with Enter; the route is drawn, the directions are an ordered list, the URL can be
shared, and axe-core finds no WCAG 2.1 A/AA violation, with the suggestions open or closed."""

import os

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import AXE_OPTIONS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # As in the routing's other tests: messages in English, the source language.
    pytest.mark.usefixtures("english"),
]


@pytest.fixture
def planner_page(live_server, settings, playwright_browser):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    context = playwright_browser.new_context(
        locale="en-GB", viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
    )
    page = context.new_page()
    page.errors = []
    # Only the live server: base-map tiles from the internet are refused.
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.set_default_timeout(15000)
    yield page
    context.close()


def _tab_to(page, element_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def test_a_visitor_plans_a_wheelchair_route_with_the_keyboard_only(
    load_town, planner_page, live_server
):
    from axe_playwright_python.sync_playwright import Axe

    load_town("krems")
    page = planner_page
    page.goto(f"{live_server.url}/trasa/")
    _tab_to(page, "from")
    page.keyboard.type("15.595,48.408")
    _tab_to(page, "to")
    page.keyboard.type("15.605,48.412")
    # The profiles are a radio group: Tab into it, arrow to the second (electric wheelchair)
    # and back to the first (manual wheelchair).
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    expect(page.locator("input[name=profile][value=wheelchair]")).to_be_checked()
    _tab_to(page, "max_kerb_cm")
    page.keyboard.type("2")
    page.keyboard.press("Enter")
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    steps = page.locator("#route-instructions li")
    expect(steps.first).to_contain_text("Start")
    assert steps.count() >= 2
    expect(page.locator("#route-status")).to_contain_text("m")
    assert page.locator("path.leaflet-interactive").count() >= 1  # a line a known stretch
    assert "profile=wheelchair" in page.url and "max_kerb_cm=2" in page.url

    # The URL is shareable: opened afresh, it shows the same route.
    page.goto(page.url)
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    expect(page.locator("#max_kerb_cm")).to_have_value("2")

    if os.environ.get("PLANNER_SCREENSHOT"):
        page.screenshot(path=os.environ["PLANNER_SCREENSHOT"], full_page=True)
    results = Axe().run(page, options=AXE_OPTIONS)
    violations = [v["id"] for v in results.response["violations"]]
    assert violations == []
    assert page.errors == []


def test_the_planner_explains_a_route_blocked_by_steps(load_town, planner_page, live_server):
    load_town("berlin-siegessaeule")
    from mapping.models import NetworkEdge

    steps = NetworkEdge.objects.filter(steps=True).order_by("id").first()
    (ax, ay), (bx, by) = steps.geom.coords[0], steps.geom.coords[-1]
    page = planner_page
    page.goto(f"{live_server.url}/trasa/?from={ax},{ay}&to={bx},{by}&profile=wheelchair")
    expect(page.locator("#map")).to_have_attribute("data-route", "none")
    expect(page.locator("#route-reason")).to_contain_text("steps")
    assert page.errors == []


def test_a_visitor_searches_an_address_and_a_place_with_the_keyboard_only(
    load_town, planner_page, live_server
):
    from axe_playwright_python.sync_playwright import Axe

    from tests.routing.test_destination_entrance import _place_with_two_entrances

    load_town("krems")
    place = _place_with_two_entrances()
    page = planner_page
    page.goto(f"{live_server.url}/trasa/")

    # The start: an address, typed without its accents, chosen from the suggestions.
    _tab_to(page, "from")
    page.keyboard.type("hafenstrasse 77")
    field, options = page.locator("#from"), page.locator("#from-options [role=option]")
    expect(options.first).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#search-status")).to_contain_text("suggestions")
    # The suggestions open: the combobox and its listbox pass axe-core too.
    results = Axe().run(page, options=AXE_OPTIONS)
    assert [v["id"] for v in results.response["violations"]] == []
    page.keyboard.press("ArrowDown")
    expect(field).to_have_attribute("aria-activedescendant", "from-option-0")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(options.first).to_contain_text("Hafenstraße 77")
    page.keyboard.press("Enter")  # chooses; does not submit
    expect(field).to_have_value("Hafenstraße 77, Krems an der Donau")
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#from-options")).to_be_hidden()
    assert page.locator("#map").get_attribute("data-route") is None

    # The destination: a published place, found by its name.
    _tab_to(page, "to")
    page.keyboard.type("town hall")
    expect(page.locator("#to-options [role=option]").first).to_contain_text("Town hall")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#to")).to_have_value("Town hall")
    expect(page.locator("#to_place")).to_have_value(str(place.pk))

    # Manual wheelchair is the first profile and chosen already; Enter in the field submits.
    expect(page.locator("input[name=profile][value=wheelchair]")).to_be_checked()
    page.keyboard.press("Enter")
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    # The route ends at the level side door, not at the main entrance with five steps.
    expect(page.locator("#route-ends")).to_contain_text("by the entrance Side door")
    expect(page.locator("#route-ends")).to_contain_text("Start: Hafenstraße 77")
    assert f"to_place={place.pk}" in page.url

    # Shared, the URL gives the same route to the same entrance.
    page.goto(page.url)
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    expect(page.locator("#route-ends")).to_contain_text("Side door")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert [v["id"] for v in results.response["violations"]] == []
    assert page.errors == []
