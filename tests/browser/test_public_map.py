"""User journeys on the public map, list and detail, in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations
from tests.factories import TABOR, make_assessed_place, make_entrance

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XSS = "<img src=x onerror=alert(1)>"


def map_url(live_server, **params) -> str:
    query = "&".join(
        f"{k}={v}" for k, v in {"lat": TABOR[1], "lon": TABOR[0], "z": 17, **params}.items()
    )
    return f"{live_server.url}/?{query}"


def places(spread: float = 0.0008):
    return [
        make_assessed_place(
            "Kavárna na náměstí", lon=TABOR[0], wheelchair="accessible", pram="inaccessible"
        ),
        make_assessed_place(
            "Knihovna", lon=TABOR[0] + spread, wheelchair="partly", pram="accessible"
        ),
        make_assessed_place(
            "Pošta", lon=TABOR[0] - spread, wheelchair="inaccessible", pram="accessible"
        ),
    ]


def loaded(page, count: int):
    expect(page.locator("#map")).to_have_attribute("data-loaded", str(count))


def test_it_filters_by_profile_and_category_and_keeps_the_filters_in_the_url(page, live_server):
    places()
    page.goto(map_url(live_server))
    loaded(page, 3)
    expect(page.locator(".leaflet-marker-icon.place-marker")).to_have_count(3)
    page.locator("input[name=category][value=accessible]").check()
    loaded(page, 1)
    expect(page.locator(".place-marker-accessible")).to_have_count(1)
    assert "category=accessible" in page.url
    page.locator("input[name=profile][value=pram]").check()
    loaded(page, 2)
    expect(page.locator(".place-marker-accessible")).to_have_count(2)
    assert "profile=pram" in page.url
    # The URL is shareable: opening it again gives the same view.
    page.goto(page.url)
    loaded(page, 2)
    expect(page.locator("input[name=profile][value=pram]")).to_be_checked()
    assert page.errors == []


def test_it_searches_with_and_without_diacritics(page, live_server):
    places()
    page.goto(map_url(live_server))
    for query in ("namesti", "NÁMĚSTÍ"):
        page.fill("#search-q", query)
        page.press("#search-q", "Enter")
        expect(page.locator(".search-list a")).to_have_text(["Kavárna na náměstí"])


def test_keyboard_only_from_the_search_box_to_a_place_detail(page, live_server):
    place = places()[0]
    page.goto(map_url(live_server))
    page.focus("#search-q")
    page.keyboard.type("kavarna")
    page.keyboard.press("Enter")
    expect(page.locator(".search-list a")).to_have_count(1)
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.search-list a')"):
            break
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/misto/{place.id}/$"))
    expect(page.locator("h1")).to_have_text("Kavárna na náměstí")


def test_it_opens_a_detail_from_the_map(page, live_server):
    place = places()[1]
    page.goto(map_url(live_server))
    loaded(page, 3)
    page.locator(".leaflet-marker-icon[title^='Knihovna']").click()
    page.locator(".leaflet-popup .popup a").click()
    page.wait_for_url(re.compile(rf"/misto/{place.id}/$"))
    expect(page.locator("h1")).to_have_text("Knihovna")


def test_it_opens_a_detail_from_the_list(page, live_server):
    place = places()[2]
    page.goto(f"{live_server.url}/seznam/")
    page.get_by_role("link", name="Pošta").click()
    page.wait_for_url(re.compile(rf"/misto/{place.id}/$"))
    expect(page.locator("h1")).to_have_text("Pošta")


def test_the_language_switch_is_remembered(page, live_server):
    places()
    page.goto(f"{live_server.url}/seznam/")
    expect(page.locator("html")).to_have_attribute("lang", "cs")
    page.locator(".language-switch button[value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(map_url(live_server))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".language-switch button[value=cs]").click()
    expect(page.locator("html")).to_have_attribute("lang", "cs")


def test_a_name_with_markup_shows_literally_and_runs_nothing(page, live_server):
    place = make_assessed_place(XSS)
    page.goto(map_url(live_server))
    loaded(page, 1)
    page.locator(".leaflet-marker-icon.place-marker").click()
    expect(page.locator(".leaflet-popup .popup-name")).to_have_text(XSS)
    page.fill("#search-q", "img src")
    page.press("#search-q", "Enter")
    expect(page.locator(".search-list a")).to_have_text([XSS])
    page.goto(f"{live_server.url}/seznam/")
    expect(page.locator(".place-name")).to_have_text(XSS)
    page.goto(f"{live_server.url}/misto/{place.id}/")
    expect(page.locator("h1")).to_have_text(XSS)
    assert page.locator("img[src=x]").count() == 0
    assert page.dialogs == []
    assert page.errors == []


def test_the_embed_view_shows_the_map_without_the_site_chrome(page, live_server):
    places()
    page.goto(map_url(live_server, embed=1))
    loaded(page, 3)
    expect(page.locator(".site-header")).to_have_count(0)
    assert "embed=1" in page.url


@pytest.mark.parametrize("where", ["map", "list", "detail", "embed", "snippet"])
def test_axe_finds_no_wcag_violations(page, live_server, axe, where):
    place = places()[0]
    make_entrance(place, 1, label="Hlavní vchod", is_main=True)
    urls = {
        "map": map_url(live_server),
        "list": f"{live_server.url}/seznam/",
        "detail": f"{live_server.url}/misto/{place.id}/",
        "embed": map_url(live_server, embed=1),
        "snippet": f"{live_server.url}/vlozit/?lat=49.41&lon=14.66&z=16&lang=cs&width=800"
        "&height=600",
    }
    page.goto(urls[where])
    if where in ("map", "embed"):
        loaded(page, 3)
    assert axe_violations(axe, page) == []
