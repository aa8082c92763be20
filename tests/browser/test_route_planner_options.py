"""The planner's choices about rough surfaces and known ways, in Chromium with the keyboard only,
at 1280 px and at 360 px: a cobbled crossing gives a route with a warning and the uneven metres;
avoiding rough surfaces gives the explanation instead; "only ways that someone has described"
is a checkbox that reaches the request; the route is drawn stretch by stretch with a legend; and
axe-core finds no WCAG 2.1 A/AA violation in any of these states."""

import pytest
from playwright.sync_api import expect

from mapping.routing.osm_import import import_network
from tests.browser.conftest import AXE_OPTIONS, PHONE
from tests.routing.conftest import OSM
from tests.routing.test_node_barriers import at

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # As in the routing's other tests: messages in English, the source language.
    pytest.mark.usefixtures("english"),
]

# Two sidewalks joined by a crossing paved with setts (tests/fixtures/osm/prague-barriers.osm).
START, END = at(4, 0, 0), at(4, 2, 0.4)


@pytest.fixture
def planner(live_server, settings, playwright_browser):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    import_network(OSM / "prague-barriers.osm", commit=True)
    contexts = []

    def open_at(width: int, height: int):
        context = playwright_browser.new_context(
            locale="en-GB", viewport={"width": width, "height": height}, reduced_motion="reduce"
        )
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(live_server.url)
                else route.abort()
            ),
        )
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.set_default_timeout(15000)
        page.goto(f"{live_server.url}/trasa/")
        return page

    yield open_at
    for context in contexts:
        context.close()


def _tab_to(page, element_id: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} cannot be reached with the Tab key")


def _submit(page) -> None:
    page.locator("#map").evaluate("(map) => { delete map.dataset.route; }")
    page.locator("#route-form button[type=submit]").focus()
    page.keyboard.press("Enter")


def _no_violations(page) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    assert [v["id"] for v in results.response["violations"]] == [], results.generate_report()


def _plan_over_the_cobbles(page) -> None:
    _tab_to(page, "from")
    page.keyboard.type(f"{START[1]}, {START[0]}")
    _tab_to(page, "to")
    page.keyboard.type(f"{END[1]}, {END[0]}")
    page.keyboard.press("Tab")  # into the profiles: the manual wheelchair is the first
    expect(page.locator("input[name=profile][value=wheelchair]")).to_be_checked()
    _submit(page)
    expect(page.locator("#map")).to_have_attribute("data-route", "found")


@pytest.mark.parametrize("width,height", [(1280, 900), (PHONE["width"], PHONE["height"])])
def test_a_cobbled_crossing_warns_and_avoiding_rough_surfaces_explains_it(planner, width, height):
    page = planner(width, height)
    _plan_over_the_cobbles(page)
    expect(page.locator("#route-warnings")).to_contain_text("Cobbled stretch")
    expect(page.locator("#route-summary")).to_contain_text("Uneven surface on")
    expect(page.locator("#route-summary")).to_contain_text("assumed passable")
    expect(page.locator("#route-legend")).to_be_visible()
    expect(page.locator("#route-legend")).to_contain_text("dotted line")
    # A line a stretch: the untagged sidewalk (dotted), then the crossing and the paved sidewalk.
    assert page.locator("#map path.leaflet-interactive").count() >= 2
    assert page.evaluate("() => document.scrollingElement.scrollWidth") <= width
    _no_violations(page)

    # Avoid rough surfaces, with the keyboard: the checkbox, Space, then submit.
    _tab_to(page, "avoid_bad_surfaces")
    page.keyboard.press("Space")
    expect(page.locator("#avoid_bad_surfaces")).to_be_checked()
    _submit(page)
    expect(page.locator("#map")).to_have_attribute("data-route", "none")
    expect(page.locator("#route-reason")).to_contain_text("rough surface (cobbles)")
    expect(page.locator("#route-legend")).to_be_hidden()
    assert "avoid_bad_surfaces=true" in page.url
    _no_violations(page)
    assert page.errors == []


def test_only_known_ways_is_a_choice_that_reaches_the_route(planner):
    page = planner(1280, 900)
    _plan_over_the_cobbles(page)
    expect(page.locator("#route-summary")).not_to_contain_text("assumed passable: 0 m")
    _tab_to(page, "only_known")
    page.keyboard.press("Space")
    expect(page.locator("#only_known")).to_be_checked()
    _submit(page)
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    assert "only_known=true" in page.url
    # The route begins on the first way that someone described: nothing of it is assumed.
    expect(page.locator("#route-summary")).to_contain_text("assumed passable: 0 m")
    _no_violations(page)
    # The choice is remembered with the profile and the limits, and a shared URL carries it.
    page.goto(page.url)
    expect(page.locator("#only_known")).to_be_checked()
    expect(page.locator("#map")).to_have_attribute("data-route", "found")
    assert page.errors == []
