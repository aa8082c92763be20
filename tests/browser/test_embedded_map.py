"""The map a town embeds: in its default 800×600 frame the map and its attribution are whole, it
speaks the snippet's language whatever the visitor's browser prefers, and what it opens goes to a
new tab, in that language."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.factories import TABOR, make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_embedded_map_fits_its_frame_keeps_its_language_and_opens_in_a_new_tab(
    page, axe, live_server
):
    make_assessed_place("Lékárna U Zlatého lva")
    src = f"{live_server.url}/?embed=1&lang=en&lat={TABOR[1]}&lon={TABOR[0]}&z=16"
    # The snippet's default frame is 800×600: the embedded page laid out in that viewport.
    page.set_viewport_size({"width": 800, "height": 600})
    page.goto(src)

    map_box = page.locator("#map")
    expect(map_box).to_be_visible()
    attribution = page.locator(".leaflet-control-attribution")
    expect(attribution).to_be_visible()
    box = map_box.bounding_box()
    credit = attribution.bounding_box()
    assert box["width"] >= 300 and box["height"] >= 300, box
    for rect in (box, credit):  # whole inside the 800×600 frame, nothing to scroll to
        assert rect["x"] >= 0 and rect["y"] >= 0, rect
        assert rect["x"] + rect["width"] <= 800 + 1, rect
        assert rect["y"] + rect["height"] <= 600 + 1, rect
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("#search-q").fill("lekarna")
    page.locator("#search-q").press("Enter")
    result = page.locator("#search-results a").first
    expect(result).to_have_text("Lékárna U Zlatého lva")
    expect(result).to_have_attribute("target", "_blank")
    assert "lang=en" in result.get_attribute("href")
    expect(page.locator("#search-results .status")).to_have_text("1 place matches.")
    assert axe_violations(axe, page) == []
