"""The visitor's own limits in Chromium: taken from the route planner's remembered profile,
shown as barriers on the map, remembered by the map, and honoured by the list."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import loaded, map_url
from tests.factories import TABOR, make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STEP_5_CM = {
    "entrance1Accessibility": "OneStepEntranceAccessibility",
    "entrance1Door1StepHeight": 5,
}


def test_the_planners_limits_mark_a_5_cm_step_as_a_barrier_and_are_remembered(
    page, live_server, axe
):
    make_assessed_place("Kavárna", answers=STEP_5_CM)
    make_assessed_place("Knihovna", lon=TABOR[0] + 0.0008, answers={"entrance1Door1StepHeight": 1})
    # The route planner remembers a manual wheelchair with its default limits (3 cm, 90 cm).
    page.goto(f"{live_server.url}/seznam/?max_kerb_cm=")
    planner = {"profile": "wheelchair", "max_kerb_cm": "", "min_width_cm": ""}
    page.evaluate("v => localStorage.setItem('bf-route-limits', v)", json.dumps(planner))

    page.goto(map_url(live_server))
    loaded(page, 2)
    expect(page.locator("#id_max_kerb_cm")).to_have_value("3")
    expect(page.locator("#id_min_width_cm")).to_have_value("90")
    expect(page.locator("#limits-status")).to_have_text(
        "Vyplnili jsme vaše limity z plánovače tras."
    )
    barrier = page.locator(".leaflet-marker-icon.place-marker-barrier")
    expect(barrier).to_have_count(1)
    expect(barrier).to_have_attribute(
        "title",
        "Kavárna – Bariéra pro vaše limity. Nejnižší schod u vstupu: 5 cm. Vozíčkáři: Přístupný",
    )
    expect(page.locator("#legend-limits")).to_be_visible()
    assert "max_kerb_cm=3" in page.url
    assert axe_violations(axe, page) == []

    # The place's detail, opened from its popup, says why with the same limits.
    barrier.click()
    page.locator("#map .leaflet-popup").get_by_role("link", name="Podrobnosti o místě").click()
    page.wait_for_url("**/misto/**max_kerb_cm=3**")
    expect(page.locator(".for-limits")).to_contain_text("Bariéra pro vaše limity.")
    expect(page.locator(".for-limits")).to_contain_text("Nejnižší schod u vstupu: 5 cm.")
    assert axe_violations(axe, page) == []
    page.go_back()
    loaded(page, 2)

    # A visitor who manages 6 cm: no barrier any more, and the map remembers it.
    page.get_by_label("Nejvyšší schod nebo obrubník, který zvládnu (cm)").fill("6")
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-marker-icon.place-marker-barrier")).to_have_count(0)
    loaded(page, 2)
    page.goto(map_url(live_server))
    loaded(page, 2)
    expect(page.locator("#id_max_kerb_cm")).to_have_value("6")
    expect(page.locator("#limits-status")).to_have_text("Vyplnili jsme vaše zapamatované limity.")

    # The list, opened without limits, takes the remembered ones; hiding barriers hides none.
    page.get_by_label("Nejvyšší schod nebo obrubník, který zvládnu (cm)").fill("3")
    page.get_by_label("Skrýt místa, která jsou pro mě bariérou").check()
    loaded(page, 1)
    page.goto(f"{live_server.url}/seznam/")
    page.wait_for_url("**/seznam/?*max_kerb_cm=3*")
    expect(page.locator(".place-name")).to_have_text(["Knihovna"])
    assert axe_violations(axe, page) == []
    assert page.errors == []
