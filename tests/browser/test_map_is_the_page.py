"""The map is the page: it fills the window below the header, with the search, the filters, the
legend and the results in a panel beside it on a desktop (1280 px) and in a sheet above it on a
phone (360 px) that never takes more than half of it; keyboard and screen-reader order follow the
page, axe-core finds nothing; a popup that pans the map keeps the keyboard's focus; the page
weighs less than 250 KB compressed before tiles."""

import gzip
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import loaded, map_url, places
from tests.factories import TABOR, make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 780}
BUDGET_BYTES = 250 * 1024

FOCUSED = """() => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  // Not hidden under anything (the panel's sticky foot, a sheet): its middle shows it.
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    shown: Boolean(hit) && e.contains(hit),
    tag: e.tagName, id: e.id, name: e.name || "", text: (e.textContent || "").trim().slice(0, 40),
    inPanel: Boolean(e.closest("#map-panel")), inMap: Boolean(e.closest("#map")),
    top: box.top, bottom: box.bottom, left: box.left,
    // Where the stop stands in the panel's content, however far the panel has scrolled.
    down: box.top + (document.getElementById("map-panel").scrollTop || 0),
  };
}"""


def box(page, selector: str) -> dict:
    return page.locator(selector).bounding_box()


def page_scrolls(page) -> bool:
    return page.evaluate(
        "() => document.scrollingElement.scrollHeight > window.innerHeight + 1"
        " || document.scrollingElement.scrollWidth > window.innerWidth"
    )


def walk_panel(page) -> list[dict]:
    """Tab from the search box until the focus leaves the panel; each stop as FOCUSED says."""
    page.focus("#search-q")
    stops = [page.evaluate(FOCUSED)]
    for _ in range(80):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        stops.append(stop)
        if not stop["inPanel"]:
            return stops
    raise AssertionError("the Tab key never leaves the panel")


def reads_down(stops: list[dict]) -> bool:
    """The stops read as text does: each one further down the panel than the last, or to its
    right on the same line."""
    pairs = zip(stops, stops[1:], strict=False)
    return all(b["down"] >= a["down"] - 1 or b["left"] > a["left"] for a, b in pairs)


def no_tabindex_reorders(page) -> bool:
    return page.evaluate(
        "() => [...document.querySelectorAll('[tabindex]')].every((e) => e.tabIndex <= 0)"
    )


def test_on_a_desktop_the_map_fills_the_window_beside_the_panel(page, live_server, axe):
    places()
    page.set_viewport_size(DESKTOP)
    page.goto(map_url(live_server))
    loaded(page, 3)
    header = box(page, ".site-header")
    panel = box(page, "#map-panel")
    shown = box(page, "#map")
    assert shown["x"] >= panel["x"] + panel["width"] - 1
    assert shown["x"] + shown["width"] == pytest.approx(DESKTOP["width"], abs=1)
    assert shown["y"] == pytest.approx(header["y"] + header["height"], abs=1)
    assert shown["y"] + shown["height"] == pytest.approx(DESKTOP["height"], abs=1)
    assert shown["width"] >= 0.6 * DESKTOP["width"]
    assert shown["height"] >= 0.9 * DESKTOP["height"]
    assert not page_scrolls(page)
    # The count and the tools stay in view at the panel's foot.
    expect(page.locator("#places-status")).to_be_in_viewport()
    expect(page.locator("#locate")).to_be_in_viewport()
    assert axe_violations(axe, page) == []

    # Setting a filter far down the panel changes the map beside it, which does not move.
    page.locator("input[name=max_kerb_cm]").fill("2")
    page.locator("input[name=category][value=accessible]").check()
    loaded(page, 1)
    assert box(page, "#map") == shown
    assert page.evaluate("() => window.scrollY") == 0
    expect(page.locator(".place-marker").first).to_be_in_viewport()
    assert page.errors == []


def test_on_a_desktop_the_keyboard_walks_the_panel_top_down_then_the_map(page, live_server):
    places()
    page.set_viewport_size(DESKTOP)
    page.goto(map_url(live_server))
    loaded(page, 3)
    stops = walk_panel(page)
    assert stops[-1]["inMap"], stops[-1]
    panel_stops = stops[:-1]
    names = [stop["name"] or stop["id"] or stop["text"] for stop in panel_stops]
    order = ["q", "profile", "max_kerb_cm", "hide_barriers", "services", "locate"]
    assert [names.index(name) for name in order] == sorted(names.index(name) for name in order)
    # Down the panel, every stop is scrolled into view, not under the panel's foot; the map
    # beside it stays where it was.
    shown = box(page, "#map")
    assert [stop for stop in panel_stops if not stop["shown"]] == []
    assert reads_down(panel_stops), names
    assert box(page, "#map") == shown
    assert no_tabindex_reorders(page)

    # The panel's first stop skips it: Enter puts the keyboard on the map.
    page.locator("#map-panel .skip-link").focus()
    expect(page.locator("#map-panel .skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "map"


def test_on_a_phone_the_filters_open_as_a_sheet_and_the_map_stays_in_view(page, live_server, axe):
    places(spread=0.0002)
    page.set_viewport_size(PHONE)
    page.goto(map_url(live_server))
    loaded(page, 3)
    shown = box(page, "#map")
    assert shown["width"] == PHONE["width"]
    assert shown["y"] + shown["height"] == pytest.approx(PHONE["height"], abs=1)
    assert shown["height"] >= 0.45 * PHONE["height"]
    assert not page_scrolls(page)
    assert axe_violations(axe, page) == []

    # Keyboard only: from the search button to the filters' button, Enter opens the sheet.
    page.focus("#search button[type=submit]")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('summary') !== null")
    page.keyboard.press("Enter")
    expect(page.locator("#map-options")).to_have_attribute("open", "")
    opened = box(page, "#map")
    sheet = box(page, "#map-panel")
    assert opened["y"] >= sheet["y"] + sheet["height"] - 1  # the sheet covers none of it
    assert opened["y"] + opened["height"] == pytest.approx(PHONE["height"], abs=1)
    assert opened["height"] >= 0.4 * PHONE["height"]
    assert sheet["height"] <= 0.5 * PHONE["height"]
    assert not page_scrolls(page)
    assert axe_violations(axe, page) == []

    # The walk through the filters: every stop is scrolled into the sheet's view, the map stays.
    stops = walk_panel(page)
    assert stops[-1]["inMap"], stops[-1]
    assert [stop for stop in stops if not stop["shown"]] == []
    for stop in stops[1:-1]:
        assert sheet["y"] - 1 <= stop["top"] and stop["bottom"] <= sheet["y"] + sheet["height"] + 1
    assert reads_down(stops[:-1])
    assert box(page, "#map") == opened

    # A filter chosen in the sheet changes the map in view below it.
    accessible = page.locator("input[name=category][value=accessible]")
    accessible.focus()
    page.keyboard.press("Space")
    loaded(page, 1)
    expect(page.locator(".place-marker")).to_have_count(1)
    expect(page.locator(".place-marker").first).to_be_in_viewport()
    assert axe_violations(axe, page) == []
    assert page.errors == []


@pytest.mark.parametrize("height", [640, 400])  # the map-first layout, and the plain one
def test_at_320_px_nothing_overflows_the_screen(page, live_server, height):
    places(spread=0.0002)
    page.set_viewport_size({"width": 320, "height": height})
    page.goto(map_url(live_server))
    loaded(page, 3)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    button = box(page, "#search button[type=submit]")
    assert button["x"] + button["width"] <= 320


def test_a_popup_that_pans_the_map_keeps_the_focus_and_escape_returns_to_the_marker(
    page, live_server
):
    """A place at the map's right edge: its popup does not fit, the map pans to show it, the
    layer reloads for the new view, and the focus stays in the popup."""
    make_assessed_place("Kavárna na náměstí")
    make_assessed_place("Hrad na kraji", lon=TABOR[0] + 0.0044)  # about 20 px from the right edge
    page.set_viewport_size(DESKTOP)
    page.goto(map_url(live_server))
    loaded(page, 2)
    start = page.evaluate("() => new URLSearchParams(location.search).get('lon')")
    marker = page.locator(".leaflet-marker-icon[title^='Hrad na kraji']")
    marker.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(start) => new URLSearchParams(location.search).get('lon') !== start", arg=start
    )
    loaded(page, 2)
    expect(page.locator(".leaflet-popup .popup-name")).to_have_text("Hrad na kraji")
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] == "A" and focused["inMap"], focused
    assert page.evaluate("() => document.activeElement.closest('.leaflet-popup') !== null")

    page.keyboard.press("Escape")
    expect(page.locator(".leaflet-popup")).to_have_count(0)
    assert page.evaluate(
        "() => document.activeElement.matches('.leaflet-marker-icon[title^=\"Hrad na kraji\"]')"
    )
    assert page.errors == []


def test_the_map_page_weighs_less_than_250_kb_compressed_before_tiles(page, live_server):
    places()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(map_url(live_server))
    loaded(page, 3)
    page.wait_for_load_state("networkidle")
    weights = {}
    for response in responses:
        if "tile.openstreetmap.org" in response.url or response.status >= 300:
            continue
        if "content-encoding" in response.headers:  # what came over the wire
            weights[response.url] = response.request.sizes()["responseBodySize"]
        else:  # what a compressing server would send
            weights[response.url] = len(gzip.compress(response.body()))
    assert any(url.endswith("leaflet.js") for url in weights)
    assert any(re.search(r"/places/\d+/\d+/\d+\.geojson", url) for url in weights)
    total = sum(weights.values())
    assert total < BUDGET_BYTES, f"{total} bytes: {sorted(weights.items(), key=lambda w: -w[1])}"
