"""A volunteer whose photo was taken on holiday: its GPS places the pin in Italy, outside every
municipality of the map, and the survey says so at once (issue 17, position sanity)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, phone_at, sign_in
from tests.factories import TABOR, make_municipality
from tests.survey.conftest import GPS_PHOTO

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_photo_from_elsewhere_warns_that_the_position_is_outside_the_map(
    browser, live_server, browser_settings, alice
):
    make_municipality("Tábor")
    phone, page, script_errors = phone_at(
        browser, live_server, {"latitude": TABOR[1], "longitude": TABOR[0]}
    )
    sign_in(page, "alice", "/pruzkum/")
    page.wait_for_selector("body[data-ready=true]")
    warning = page.locator("#position-warning")
    page.click("#locate")  # in Tábor: nothing to warn about
    expect(page.locator("#near-status")).not_to_have_text("")
    expect(warning).to_have_text("")
    page.set_input_files("#first-photo", str(GPS_PHOTO))  # taken in Italy
    expect(warning).to_contain_text("mimo všechny obce této mapy")
    expect(warning).to_have_attribute("role", "alert")
    assert_accessible(page)
    page.click("#locate")  # back in town: the warning goes
    expect(warning).to_have_text("")
    assert script_errors == []
    phone.close()
