"""Reports the public can see, walked as a resident would on a phone and on a desktop: marking
the spot of a barrier by keyboard, by a click and by their position, giving the dates of road
works, following the report by its reference; a published barrier on the map and on the page of
the place beside it. axe-core on every state."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mapping.models import Report, ReportStatus
from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import map_url
from tests.factories import TABOR, make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}


@pytest.fixture(params=list(SCREENS))
def screen(request, page):
    page.set_viewport_size(SCREENS[request.param])
    return request.param


def coordinates(page) -> tuple[float, float]:
    return float(page.input_value("#id_latitude")), float(page.input_value("#id_longitude"))


def tab_to(page, selector: str, presses: int = 40) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user does."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_reporter_marks_the_spot_by_keyboard_gives_the_dates_and_follows_the_report(
    page, live_server, axe, screen, settings
):
    page.goto(f"{live_server.url}/nahlasit/")
    expect(page.locator("#spot-map")).to_be_visible()
    assert axe_violations(axe, page) == []

    # The marker waits in the middle of the map; Tab reaches it, the arrow keys move it.
    tab_to(page, ".spot-marker")
    assert page.input_value("#id_latitude") == ""
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowUp")
    lat, lon = coordinates(page)
    centre_lat, centre_lon = settings.LEAFLET_CONFIG["DEFAULT_CENTER"]
    assert lat > centre_lat and lon > centre_lon
    expect(page.locator("#spot-status")).to_contain_text(f"zeměpisná šířka {lat:.5f}")
    expect(page.locator(".spot-marker")).to_be_focused()
    assert axe_violations(axe, page) == []

    today = timezone.localdate()
    page.locator("#id_text").fill("Rozkopaný chodník, obchůzka po vozovce")
    page.locator("#id_valid_from").fill(today.isoformat())
    page.locator("#id_valid_until").fill((today + timedelta(days=14)).isoformat())
    page.locator(".report-form button[type=submit]").focus()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Děkujeme za hlášení")
    report = Report.objects.get()
    assert (round(report.location.y, 6), round(report.location.x, 6)) == (lat, lon)
    assert report.valid_until == today + timedelta(days=14)
    expect(page.locator(".reference-code")).to_have_text(report.reference)
    assert axe_violations(axe, page) == []

    page.get_by_role("link", name="Sledovat hlášení").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/nahlasit/stav/{report.reference}/$"))
    expect(page.locator(".report-state")).to_contain_text("Čeká na schválení")
    expect(page.locator(".report-status")).to_contain_text("Platnost")
    expect(page.locator("main")).not_to_contain_text("Rozkopaný chodník")
    assert axe_violations(axe, page) == []
    assert page.errors == []


def test_a_click_marks_the_spot_and_typed_coordinates_move_it(page, live_server, axe, screen):
    page.goto(f"{live_server.url}/nahlasit/")
    page.locator("#spot-map").scroll_into_view_if_needed()
    box = page.locator("#spot-map").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.75)
    lat, lon = coordinates(page)
    expect(page.locator(".spot-marker-unset")).to_have_count(0)
    expect(page.locator("#spot-status")).to_contain_text(f"{lon:.5f}")

    page.locator("#id_latitude").fill("49.30912")
    page.locator("#id_longitude").fill("14.14733")
    page.locator("#id_longitude").press("Tab")
    expect(page.locator("#spot-status")).to_contain_text("zeměpisná šířka 49.30912")
    marker = page.locator(".spot-marker").bounding_box()
    area = page.locator("#spot-map").bounding_box()
    # The map follows the typed spot: the marker stands in it, not where the click was.
    assert area["x"] < marker["x"] < area["x"] + area["width"]
    assert (round(marker["x"]), round(marker["y"])) != (
        round(box["x"] + box["width"] * 0.25),
        round(box["y"] + box["height"] * 0.75),
    )
    assert axe_violations(axe, page) == []


def test_the_reporters_position_marks_the_spot_and_a_refusal_is_explained(
    page, live_server, axe, screen
):
    page.goto(f"{live_server.url}/nahlasit/")
    page.locator("#spot-locate").click()
    expect(page.locator("#spot-status")).to_have_text(
        "Tento web nesmí použít vaši polohu: povolte ji v nastavení prohlížeče."
    )
    assert page.input_value("#id_latitude") == ""

    page.context.grant_permissions(["geolocation"], origin=live_server.url)
    page.context.set_geolocation({"latitude": 49.3075, "longitude": 14.1442, "accuracy": 8})
    page.locator("#spot-locate").click()
    expect(page.locator("#spot-status")).to_have_text(
        "Vaše poloha je označena (s přesností asi 8 m)."
    )
    assert coordinates(page) == (49.3075, 14.1442)
    assert axe_violations(axe, page) == []


def test_a_published_barrier_is_on_the_map_with_its_dates_and_on_the_page_of_the_place(
    page, live_server, axe, screen
):
    place = make_assessed_place("Knihovna", lon=TABOR[0], lat=TABOR[1])
    today = timezone.localdate()
    Report.objects.create(
        kind="barrier",
        location=f"SRID=4326;POINT({TABOR[0] + 0.0002} {TABOR[1]})",
        text="Uzavřený chodník kvůli lešení",
        valid_from=today - timedelta(days=1),
        valid_until=today + timedelta(days=10),
        status=ReportStatus.PUBLISHED,
    )
    Report.objects.create(kind="barrier", location=place.location, text="Ještě neověřeno")
    page.goto(map_url(live_server))
    mapped = page.locator("#map")
    expect(mapped).to_have_attribute("data-reports", "1")
    expect(page.locator("#reports-status")).to_have_text("Zobrazené nahlášené bariéry: 1.")
    marker = page.locator(".leaflet-marker-icon.report-marker")
    expect(marker).to_have_count(1)
    expect(marker).to_have_attribute("title", re.compile(r"^Dočasná bariéra – Uzavřený chodník"))
    assert axe_violations(axe, page) == []

    # Keyboard: Enter on the symbol opens what was reported, Escape returns to the symbol.
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".report-popup")
    expect(popup).to_contain_text("Uzavřený chodník kvůli lešení")
    expect(popup.locator(".report-validity")).to_contain_text("Platí od")
    expect(popup).to_be_focused()
    assert axe_violations(axe, page) == []
    page.keyboard.press("Escape")
    expect(popup).to_have_count(0)
    expect(marker).to_be_focused()

    # The layer can be turned off (on a phone, under the folded options).
    if screen == "phone":
        page.locator("#map-options > summary").click()
    page.locator("#layer-reports").uncheck()
    expect(marker).to_have_count(0)
    expect(page.locator("#reports-status")).to_have_text("")
    page.locator("#layer-reports").check()
    expect(marker).to_have_count(1)

    page.goto(f"{live_server.url}/misto/{place.pk}/")
    reports = page.locator(".place-reports")
    expect(reports).to_contain_text("Dočasná bariéra (poblíž): Uzavřený chodník kvůli lešení")
    expect(reports).to_contain_text("Platí od")
    expect(reports).not_to_contain_text("Ještě neověřeno")
    assert axe_violations(axe, page) == []
    assert page.errors == []
