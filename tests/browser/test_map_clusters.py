"""The map from the whole country to a street: clusters with their count and the share of each
category stand for every place, announced to a screen reader and reachable by keyboard; Enter on
one zooms in until its places show; the status says how many places the view holds."""

import re

import pytest
from playwright.sync_api import expect

from mapping.public.grid import build_map_grid
from tests.browser.conftest import axe_violations
from tests.factories import TABOR, make_assessed_place

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = {"phone": {"width": 360, "height": 780}, "desktop": {"width": 1280, "height": 900}}
BRNO = (16.6068, 49.1951)
CATEGORIES = ["accessible", "accessible", "partly", "inaccessible"]


@pytest.fixture(params=list(SCREENS))
def screen(request, page):
    page.set_viewport_size(SCREENS[request.param])
    return request.param


def towns() -> int:
    """Twelve places round Tábor's square and four in Brno; the number of places."""
    for i in range(12):
        make_assessed_place(
            f"Tábor {i}",
            lon=TABOR[0] + (i % 4 - 1.5) * 0.0004,
            lat=TABOR[1] + (i // 4 - 1) * 0.0003,
            wheelchair=CATEGORIES[i % 4],
        )
    for i in range(4):
        make_assessed_place(f"Brno {i}", lon=BRNO[0] + i * 0.001, lat=BRNO[1])
    return 16


def in_view(page) -> int:
    value = page.locator("#map").get_attribute("data-loaded")
    return int(value) if value else -1


def wait_loaded(page) -> None:
    page.wait_for_function("() => document.querySelector('#map').dataset.loaded !== ''")


def zoom(page) -> int:
    return int(re.search(r"[?&]z=(\d+)", page.url).group(1))


def test_from_the_country_to_a_street_clusters_split_into_places_by_keyboard(
    page, live_server, axe, screen
):
    total = towns()
    build_map_grid()
    page.goto(f"{live_server.url}/?lat=49.6&lon=15.4&z=7")
    wait_loaded(page)
    # The whole country: every place is in a cluster, none is left out.
    clusters = page.locator(".leaflet-marker-icon.place-cluster")
    expect(clusters.first).to_be_visible()
    expect(page.locator("#map")).to_have_attribute("data-loaded", str(total))
    expect(page.locator("#places-status")).to_have_text(f"{total} míst v zobrazené oblasti.")
    expect(page.locator(".leaflet-marker-icon.place-marker")).to_have_count(0)
    tabor = clusters.filter(has_text="12")
    expect(tabor).to_have_count(1)
    expect(tabor).to_have_attribute("role", "button")
    expect(tabor).to_have_accessible_name(
        re.compile(r"^12 míst: Přístupný 6, Částečně přístupný 3, Nepřístupný 3\.")
    )
    assert axe_violations(axe, page) == []

    # Enter on a cluster zooms in on it, again and again, until its places show.
    tabor.focus()
    for _ in range(6):
        before = zoom(page)
        page.keyboard.press("Enter")
        page.wait_for_function(
            "(z) => new URL(location.href).searchParams.get('z') !== String(z)", arg=before
        )
        wait_loaded(page)
        assert zoom(page) > before
        if page.locator(".leaflet-marker-icon.place-marker").count():
            break
        expect(page.locator("#map")).to_be_focused()
        # From the map, Tab reaches the symbols: the biggest cluster is the one to follow.
        page.keyboard.press("Tab")
        expect(page.locator(".leaflet-marker-icon.place-cluster:focus")).to_have_count(1)
        biggest = max(clusters.all(), key=lambda c: int(c.locator(".cluster-count").inner_text()))
        biggest.focus()
    assert zoom(page) >= 15
    shown = page.locator(".leaflet-marker-icon.place-marker")
    expect(shown.first).to_be_visible()
    # The status and the map agree: what is in view is what is counted.
    count = in_view(page)
    assert count >= 1
    expect(page.locator("#places-status")).to_have_text(
        re.compile(rf"^{count} míst(o|a)? v zobrazené oblasti\.$")
    )
    assert page.locator(".leaflet-marker-icon.place-cluster").count() == 0
    assert axe_violations(axe, page) == []
    assert page.errors == []


def test_a_click_on_a_cluster_zooms_in_and_the_filters_change_its_count(page, live_server):
    towns()
    page.goto(f"{live_server.url}/?lat={TABOR[1]}&lon={TABOR[0]}&z=12")
    wait_loaded(page)
    cluster = page.locator(".leaflet-marker-icon.place-cluster")
    expect(cluster).to_have_count(1)
    expect(cluster.locator(".cluster-count")).to_have_text("12")
    page.locator("input[name=category][value=partly]").check()
    expect(cluster.locator(".cluster-count")).to_have_text("3")
    expect(page.locator("#places-status")).to_have_text("3 místa v zobrazené oblasti.")
    cluster.click()
    page.wait_for_function("() => new URL(location.href).searchParams.get('z') !== '12'")
    wait_loaded(page)
    expect(page.locator(".leaflet-marker-icon.place-marker")).to_have_count(3)
    expect(page.locator(".place-marker-partly")).to_have_count(3)
    assert "category=partly" in page.url
    assert page.errors == []


def test_a_link_to_a_place_at_a_low_zoom_comes_close_and_opens_it(page, live_server):
    towns()
    place = make_assessed_place("Radnice", lon=TABOR[0] + 0.0001, lat=TABOR[1] + 0.0001)
    page.goto(f"{live_server.url}/?place={place.id}&z=10&lat={TABOR[1]}&lon={TABOR[0]}")
    expect(page.locator(".leaflet-popup .popup-name")).to_have_text("Radnice")
    expect(page.locator(".leaflet-popup .popup a")).to_be_focused()
    assert zoom(page) >= 15
    assert page.errors == []
