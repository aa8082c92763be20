"""Every page with a map, in Chromium: one Leaflet (the vendored one), made by the one map set-up
(static/js/map.js from mapping/map_settings.py), and no request of any page answered 404 (the
proj4 file django-leaflet asked for, a favicon)."""

import re

import pytest
from django.conf import settings

from mapping.models import ReviewStatus, ServiceType
from tests.factories import make_assessed_place, make_assessment, make_entrance, make_service
from tests.personas import client_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEAFLET_SCRIPT = re.compile(r"/leaflet(-src)?\.js(\?|$)")
VENDORED_LEAFLET = "/static/vendor/leaflet-1.9.4/leaflet.js"


def sign_in(page, live_server, user) -> None:
    """The page's browser gets the session of `user` (signed in as the personas are)."""
    session = client_for(user).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def watch_requests(page) -> tuple[list[str], list[str]]:
    """(URLs answered 404, Leaflet scripts requested) on `page`, filled as it loads."""
    missing: list[str] = []
    leaflets: list[str] = []
    page.on("response", lambda r: missing.append(r.url) if r.status == 404 else None)
    page.on(
        "request",
        lambda r: leaflets.append(r.url) if LEAFLET_SCRIPT.search(r.url.split("?")[0]) else None,
    )
    return missing, leaflets


@pytest.fixture
def town(alice):
    place = make_assessed_place("Radnice", wheelchair="accessible")
    make_entrance(place, 1, label="Hlavní vchod", is_main=True)
    service = make_service("Pečovatelská služba", ServiceType.HOME_CARE, [], place)
    submitted = make_assessment(place, status=ReviewStatus.SUBMITTED, surveyor=alice)
    return {"place": place, "service": service, "submitted": submitted}


# (what, the page's path, whose session, the map's element or None for a page without a map)
PAGES = [
    ("public map", "/", None, "#map"),
    ("embedded map", "/?embed=1", None, "#map"),
    ("list", "/seznam/", None, None),
    ("place page", "/misto/{place}/", None, "#detail-map"),
    ("embed snippet", "/vlozit/", None, None),
    ("route planner", "/trasa/", None, "#map"),
    ("catalogue", "/katalog/", None, None),
    ("catalogue provider", "/katalog/poskytovatel/{provider}/", None, "#catalogue-map"),
    ("catalogue service", "/katalog/sluzba/{service}/", None, "#catalogue-map"),
    ("survey", "/pruzkum/", "alice", "#survey-map"),
    ("my submissions", "/pruzkum/moje/", "alice", None),
    ("review queue", "/kontrola/", "charlie", None),
    ("review", "/kontrola/{submitted}/", "charlie", None),
    ("admin place", "/admin/mapping/place/{place}/change/", "erin", "#id_location-map"),
    ("admin new municipality", "/admin/mapping/municipality/add/", "erin", "#id_geom-map"),
    ("admin new barrier", "/admin/mapping/barrier/add/", "erin", "#id_location-map"),
]


@pytest.mark.parametrize(("what", "path", "who", "map_element"), PAGES, ids=[p[0] for p in PAGES])
def test_a_page_loads_one_leaflet_and_nothing_it_asks_for_is_missing(
    page, live_server, town, request, what, path, who, map_element
):
    if who:
        sign_in(page, live_server, request.getfixturevalue(who))
    missing, leaflets = watch_requests(page)
    url = path.format(
        place=town["place"].pk,
        provider=town["service"].provider.pk,
        service=town["service"].pk,
        submitted=town["submitted"].pk,
    )
    answer = page.goto(live_server.url + url)
    assert answer.status == 200, what
    page.wait_for_load_state("networkidle")
    if map_element:
        page.wait_for_selector(f"{map_element}.leaflet-container")
        assert leaflets == [live_server.url + VENDORED_LEAFLET]
        assert page.evaluate("() => L.version") == "1.9.4"
    else:
        assert leaflets == []
    assert missing == []
    assert page.errors == []


def test_the_site_maps_start_from_the_deployments_base_map(page, live_server, town, settings):
    settings.MAP_TILES_URL = f"{live_server.url}/tiles/{{z}}/{{x}}/{{y}}.png"
    settings.MAP_TILES_ATTRIBUTION = "© Město Tábor"
    settings.MAP_CENTER = (49.41, 14.66)
    settings.MAP_ZOOM = 14
    tiles: list[str] = []
    page.on("request", lambda r: tiles.append(r.url) if "/tiles/" in r.url else None)
    for url, element in (("/trasa/", "#map"), (f"/misto/{town['place'].pk}/", "#detail-map")):
        page.goto(live_server.url + url)
        page.wait_for_selector(f"{element}.leaflet-container")
        assert (
            "© Město Tábor" in page.locator(f"{element} .leaflet-control-attribution").inner_text()
        )
    assert tiles and all(t.startswith(f"{live_server.url}/tiles/") for t in tiles)
    page.goto(live_server.url + "/trasa/")
    page.wait_for_selector("#map.leaflet-container")
    view = page.evaluate(
        """() => {
          let announced = null;
          window.addEventListener("map:init", (e) => { announced = e.detail.map; });
          const element = document.body.appendChild(document.createElement("div"));
          const made = BfMap.makeMap(element);
          const centre = made.getCenter();
          return [announced === made, centre.lat, centre.lng, made.getZoom(), made.getMaxZoom()];
        }"""
    )
    assert view == [True, 49.41, 14.66, 14, settings.MAP_MAX_ZOOM]


def test_the_favicon_is_the_sites_icon(page, live_server):
    answer = page.request.get(f"{live_server.url}/favicon.ico")
    assert answer.ok
    assert answer.headers["content-type"].startswith("image/svg+xml")
    page.goto(f"{live_server.url}/seznam/")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(live_server.url + icon).ok
