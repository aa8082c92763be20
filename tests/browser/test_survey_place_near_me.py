"""On a phone, in Debian's Chromium: a volunteer takes the position from the device (Geolocation
API), moves the pin on the map, picks an existing place from the list of places near them, and
starts the survey; the draft is saved as they go, so it survives a reload of the app; the survey
is submitted for that place, and no second place is created. axe-core checks the pages, and
nothing is wider than the 360 px phone."""

import re

import pytest

from mapping.models import Assessment, Place, ReviewStatus
from tests.browser.conftest import PHONE, assert_accessible, next_step, phone_at, sign_in
from tests.factories import make_place, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HERE = {"latitude": 49.30885, "longitude": 14.14755}  # beside Písek's town hall


def assert_fits_the_phone(page) -> None:
    """Nothing wider than the 360 px screen: no sideways scrolling with one thumb."""
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_volunteer_picks_a_place_near_them_and_a_draft_survives_a_reload(
    live_server,
    browser,
    plain_http_cookies,
):
    make_user("alice", email="alice@example.org", is_approved=True)
    town_hall = make_place("Radnice", lon=14.1475, lat=49.3088)
    make_place("Hrad Zvíkov", lon=14.1920, lat=49.4390)  # 15 km away: not near

    phone, page, script_errors = phone_at(browser, live_server, HERE)
    sign_in(page, "alice", "/pruzkum/")
    page.wait_for_selector("body[data-ready=true]")

    # The position from the device; the places within 300 m are listed, the castle is not.
    page.click("#locate")
    page.wait_for_function("() => document.getElementById('place-lat').value !== ''")
    assert float(page.input_value("#place-lat")) == pytest.approx(HERE["latitude"], abs=1e-5)
    assert float(page.input_value("#place-lon")) == pytest.approx(HERE["longitude"], abs=1e-5)
    choice = page.locator("#near-list button.place-choice")
    choice.first.wait_for()
    assert choice.count() == 1
    assert choice.first.inner_text().startswith("Radnice")
    assert_accessible(page)
    assert_fits_the_phone(page)

    # The pin dragged on the map moves the position (east: a larger longitude).
    pin = page.locator("#survey-map .leaflet-marker-icon")
    pin.scroll_into_view_if_needed()
    box = pin.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 4)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 60, box["y"] + box["height"] - 4, steps=8)
    page.mouse.up()
    page.wait_for_function(
        f"() => parseFloat(document.getElementById('place-lon').value) > {HERE['longitude'] + 1e-5}"
    )
    assert float(page.input_value("#place-lat")) == pytest.approx(HERE["latitude"], abs=1e-4)

    # The town hall, picked from the list: the survey starts for it.
    page.locator("#near-list button.place-choice").first.click()
    page.wait_for_selector("#step-general:not([hidden])")
    assert "Radnice" in page.inner_text("#survey-title")
    next_step(page, 2)
    page.select_option("#f-entrance1-entrance1Accessibility", "OneStepEntranceAccessibility")
    # The evaluation of this answer (not the first one's, of the empty survey): by then the
    # draft, saved sooner, holds the answer.
    page.wait_for_selector("#live-category[data-state=done] li[data-profile=wheelchair]")
    assert_fits_the_phone(page)

    # The battery dies (a reload): the draft is still on the phone, with its answer.
    page.wait_for_selector("#queue-list li[data-status=draft]")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    resume = page.locator(
        "#queue-list li[data-status=draft] button", has_text=re.compile("Radnice")
    )
    resume.first.click()
    # The draft resumes at the step where the volunteer left it, with the answer.
    page.wait_for_selector("#step-entrance1:not([hidden])")
    assert page.input_value("#f-entrance1-entrance1Accessibility") == "OneStepEntranceAccessibility"
    next_step(page, 3)
    page.select_option(
        "#f-interior-objectInteriorAccessibility", "EntireObjectInteriorAccessibility"
    )
    next_step(page, 5)
    page.wait_for_selector("#finish-step:not([hidden])")
    assert_fits_the_phone(page)
    page.click("#submit-survey")
    page.wait_for_selector("#queue-list li[data-status=sent]", timeout=30_000)

    assessment = Assessment.objects.get()
    assert assessment.place == town_hall
    assert assessment.status == ReviewStatus.SUBMITTED
    assert assessment.answers["entrance1Accessibility"] == "OneStepEntranceAccessibility"
    assert Place.objects.count() == 2
    assert script_errors == []
    phone.close()
