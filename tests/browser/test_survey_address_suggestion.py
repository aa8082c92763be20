"""On a phone, in Debian's Chromium: a volunteer creating a new place a few metres from an official
(RÚIAN) address point is offered its address in a polite status line; nothing they typed is
overwritten until they press "Použít tuto adresu" (with the keyboard here), which fills the
street, number, postcode and town; far from any point, and offline, nothing is offered. The
place is then surveyed and stored with the address and the point's code. axe-core checks the
step with the suggestion shown, and nothing is wider than the 360 px phone."""

import re

import pytest
from django.contrib.gis.geos import Point

from mapping.models import AddressPoint, Assessment
from tests.browser.conftest import PHONE, assert_accessible, next_step, phone_at, sign_in
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ZAHRADKY = (14.1500, 49.3100)  # the address point (lon, lat)
HERE = {"latitude": 49.3101, "longitude": 14.1500}  # about 11 m north of it
FAR = (49.3150, 14.1500)  # about 550 m north: no address point within 30 m


def make_address_point() -> AddressPoint:
    return AddressPoint.objects.create(
        code=99000917,
        municipality_code="999001",
        municipality_name="Lhotka nad Otavou",
        part_name="Lhotka nad Otavou",
        street="Zahrádky",
        building_number_type="č.p.",
        house_number=17,
        postcode="39701",
        label="Zahrádky 17, Lhotka nad Otavou",
        geom=Point(*ZAHRADKY, srid=4326),
    )


def type_position(page, lat: float, lon: float) -> None:
    """The position typed into the fields (their change event moves the pin)."""
    page.fill("#place-lon", str(lon))
    page.fill("#place-lat", str(lat))
    page.press("#place-lat", "Tab")


def suggestion_says(page, text: str) -> None:
    page.wait_for_function(
        "text => document.getElementById('address-suggestion').textContent.includes(text)",
        arg=text,
    )


def test_the_nearest_official_address_is_offered_and_filled_in_only_on_request(
    live_server,
    browser,
    plain_http_cookies,
):
    make_user("alice", email="alice@example.org", is_approved=True)
    make_address_point()

    phone, page, script_errors = phone_at(browser, live_server, HERE)
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "/api/adresa/" in r.url else None)
    sign_in(page, "alice", "/pruzkum/")
    page.wait_for_selector("body[data-ready=true]")
    status = page.locator("#address-suggestion")
    assert status.get_attribute("role") == "status"
    assert status.get_attribute("aria-live") == "polite"
    use = page.locator("#use-address")
    assert use.is_hidden()

    # What the volunteer typed first stays while an address is merely offered.
    page.fill("#place-street", "Moje ulice")
    page.click("#locate")
    suggestion_says(page, "Nejbližší adresa: Zahrádky 17, Lhotka nad Otavou")
    assert re.search(r"\((1[01]|12) m\)", status.inner_text()), status.inner_text()
    use.wait_for(state="visible")
    assert use.inner_text() == "Použít tuto adresu"
    assert page.input_value("#place-street") == "Moje ulice"
    assert page.input_value("#place-house-number") == ""

    # Far from any address point: nothing offered, and the stale offer is gone.
    type_position(page, *FAR)
    suggestion_says(page, "Do 30 m není žádná úřední adresa")
    assert use.is_hidden()

    # Offline: a quiet word, no offer, and the app goes on as before.
    phone.set_offline(True)
    type_position(page, HERE["latitude"], HERE["longitude"])
    suggestion_says(page, "Offline: adresa se nenabízí")
    assert use.is_hidden()
    phone.set_offline(False)

    # Back online at the place: offered again; this step passes axe and fits the phone.
    type_position(page, HERE["latitude"], HERE["longitude"])
    suggestion_says(page, "Nejbližší adresa: Zahrádky 17")
    use.wait_for(state="visible")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = use.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]

    # The button is reached with Tab from the position fields and pressed with Enter.
    page.focus("#place-lon")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "use-address"
    page.keyboard.press("Enter")
    assert page.input_value("#place-street") == "Zahrádky"
    assert page.input_value("#place-house-number") == "17"
    assert page.input_value("#place-postcode") == "39701"
    assert page.input_value("#place-city") == "Lhotka nad Otavou"
    assert page.input_value("#place-ruian-code") == "99000917"
    assert page.evaluate("document.activeElement.id") == "place-street"
    assert "Adresa vyplněna: Zahrádky 17, Lhotka nad Otavou" in status.inner_text()
    assert use.is_hidden()
    # Each position was asked about once it rested, never for every intermediate value.
    assert 1 <= len(asked) <= 6

    # The new place is surveyed and sent: it keeps the official address and its code.
    page.fill("#place-name", "Knihovna Zahrádky")
    page.click("#start-new")
    page.wait_for_selector("#step-general:not([hidden])")
    next_step(page, 2)
    page.select_option("#f-entrance1-entrance1Accessibility", "OneStepEntranceAccessibility")
    next_step(page, 3)
    page.select_option(
        "#f-interior-objectInteriorAccessibility", "EntireObjectInteriorAccessibility"
    )
    next_step(page, 5)
    page.wait_for_selector("#finish-step:not([hidden])")
    page.click("#submit-survey")
    page.wait_for_selector("#queue-list li[data-status=sent]", timeout=30_000)

    place = Assessment.objects.get().place
    assert (place.name, place.street, place.house_number, place.postcode, place.city) == (
        "Knihovna Zahrádky",
        "Zahrádky",
        "17",
        "39701",
        "Lhotka nad Otavou",
    )
    assert place.ruian_address_code == 99000917
    assert script_errors == []
    phone.close()
