"""The place page after the walk-through (issue 16), and the demo town that shows every feature,
walked on a phone and on a desktop with axe-core on every state."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from mapping.categorisation import categorise
from mapping.models import Municipality, Place
from tests.browser.conftest import axe_violations
from tests.browser.test_public_reports import SCREENS, tab_to
from tests.factories import make_assessed_place, make_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STEPS = {
    "entrance1Accessibility": "MoreStepsEntranceAccessibility",
    "entrance1Steps1NumberOf": 5,
    "entrance1Door1MainpanelWidth": 120,
    "objectInteriorAccessibility": "PartObjectInteriorAccessibility",
}


@pytest.fixture(params=list(SCREENS))
def screen(request, page):
    page.set_viewport_size(SCREENS[request.param])
    return request.param


def test_the_place_page_says_each_reason_once_lists_its_entrance_and_links_its_services(
    page, live_server, axe, screen
):
    result = categorise(STEPS).to_dict()
    place = make_assessed_place("Dům s pečovatelskou službou", answers=STEPS, result=result)
    make_service("Pečovatelská služba", "s40", ["seniors"], place)
    page.goto(f"{live_server.url}/misto/{place.pk}/")
    first_profile = page.locator(".profile").first
    expect(first_profile.locator(".reasons li")).to_have_count(2)
    expect(first_profile.locator(".reasons li", has_text="Vstup do objektu")).to_have_count(1)
    entrances = page.locator("section[aria-labelledby=entrances-title]")
    expect(entrances).to_contain_text("Vstup 1: více schodů")
    expect(entrances).not_to_contain_text("Žádný vstup nebyl zaznamenán")
    services = page.locator("section[aria-labelledby=services-title] li")
    expect(services).to_have_text("Pečovatelská služba – Charita Tábor")
    assert axe_violations(axe, page) == []

    tab_to(page, "section[aria-labelledby=services-title] a", presses=80)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Pečovatelská služba")
    assert axe_violations(axe, page) == []
    assert page.errors == []


@pytest.fixture
def demo():
    call_command("load_demo", "--commit")


def test_the_demo_shows_sensory_features_photos_reports_and_two_municipalities(
    page, live_server, axe, screen, demo
):
    page.goto(f"{live_server.url}/?profile=blind&lat=49.3089&lon=14.1474&z=16")
    expect(page.locator("#map")).not_to_have_attribute("data-loaded", "")
    expect(page.locator(".place-marker-features").first).to_be_visible()
    expect(page.locator("#map")).to_have_attribute("data-reports", "2")
    assert axe_violations(axe, page) == []

    radnice = Place.objects.get(source_id="radnice")
    page.goto(f"{live_server.url}/misto/{radnice.pk}/")
    accessibility = page.locator("section[aria-labelledby=categories-title]")
    expect(accessibility).to_contain_text("Akustický orientační majáček")
    expect(accessibility).to_contain_text("Domácí telefon u vstupu")
    expect(accessibility).not_to_contain_text("Pro tento profil nic nezaznamenáno")
    photos = page.locator(".photos img")
    expect(photos).to_have_count(2)
    photos.first.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.photos img')].every(i => i.naturalWidth > 0)"
    )
    expect(page.locator(".photo-credit").first).to_have_text(
        "Kresba: projekt Bezbariérová mapa (EUPL-1.2)"
    )
    assert axe_violations(axe, page) == []

    stop = Place.objects.get(source_id="zastavka-nabrezi")
    page.goto(f"{live_server.url}/misto/{stop.pk}/")
    expect(page.locator(".place-reports")).to_contain_text("Dočasná bariéra (poblíž)")
    assert axe_violations(axe, page) == []

    putim = Municipality.objects.get(code="549801")
    page.goto(f"{live_server.url}/seznam/?municipality={putim.pk}")
    expect(page.locator("main")).to_contain_text("Obecní úřad Putim")
    expect(page.locator("main")).not_to_contain_text("Sladovna")
    assert axe_violations(axe, page) == []
    assert page.errors == []
