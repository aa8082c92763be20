"""Site pages in a browser, keyboard only and axe-clean: open data, the report forms."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.browser.test_public_map import loaded, map_url
from tests.factories import make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_open_data_page_is_reached_by_keyboard_and_has_no_wcag_violations(
    page, live_server, axe
):
    make_assessed_place("Radnice")
    page.goto(f"{live_server.url}/seznam/")
    link = page.locator(".site-footer a", has_text="Otevřená data")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Otevřená data")
    expect(page.locator(".downloads a")).to_have_count(7)
    assert axe_violations(axe, page) == []


def test_a_barrier_is_reported_with_the_keyboard_and_the_form_has_no_wcag_violations(
    page, live_server, axe
):
    place = make_assessed_place("Radnice")
    page.goto(f"{live_server.url}/nahlasit/?place={place.pk}")
    assert axe_violations(axe, page) == []
    page.locator("#id_text").focus()
    page.keyboard.type("Vysoký obrubník u přechodu")
    page.keyboard.press("Tab")  # to the contact
    page.keyboard.press("Tab")  # to the photo
    page.locator(".report-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Děkujeme za hlášení")
    assert axe_violations(axe, page) == []


def test_the_photo_report_form_has_no_wcag_violations(page, live_server, axe):
    from tests.jobs import checked_photo
    from tests.reports.test_report_photos import plain_jpeg

    place = make_assessed_place("Knihovna")
    photo = checked_photo(place.assessments.get(), plain_jpeg(), alt_text="Vchod do knihovny")
    page.goto(f"{live_server.url}/misto/{place.pk}/")
    page.locator(".report-photo").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Nahlásit problém s fotografií")
    assert f"photo={photo.pk}" in page.url
    assert axe_violations(axe, page) == []
    page.locator("input[value=privacy]").focus()
    page.keyboard.press("Space")
    page.locator(".report-form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Děkujeme za hlášení")


def test_with_reduced_motion_asked_for_the_map_does_not_fade(browser, live_server):
    make_assessed_place("Radnice")
    fades = {}
    for motion in ("reduce", "no-preference"):
        context = browser.new_context(locale="cs-CZ", reduced_motion=motion)
        page = context.new_page()
        page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
        page.goto(f"{live_server.url}/")
        page.wait_for_selector("#map.leaflet-container")
        fades[motion] = page.locator("#map").evaluate(
            "m => m.classList.contains('leaflet-fade-anim')"
        )
        context.close()
    assert fades == {"reduce": False, "no-preference": True}


def test_leaflets_own_controls_speak_the_pages_language(page, live_server):
    make_assessed_place("Radnice")
    page.goto(map_url(live_server))
    loaded(page, 1)
    expect(page.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "Přiblížit")
    expect(page.locator(".leaflet-control-zoom-out")).to_have_attribute("title", "Oddálit")
    page.locator(".leaflet-marker-icon").first.click()
    expect(page.locator(".leaflet-popup-close-button")).to_have_attribute(
        "aria-label", "Zavřít toto okno"
    )


def test_the_page_not_found_is_a_page_of_the_site_with_no_wcag_violations(page, live_server, axe):
    """The error pages share one layout (templates/_error.html): the 404 stands for them."""
    response = page.goto(f"{live_server.url}/zadna-takova-stranka/")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Stránka nenalezena")
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    expect(page.locator("nav.site-nav a", has_text="Mapa")).to_be_visible()
    page.locator("main a", has_text="Zpět na mapu").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")
    page.go_back()
    assert axe_violations(axe, page) == []
