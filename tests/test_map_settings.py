"""The base map is set up in one place (mapping/map_settings.py): every page with a map gets the
same settings through json_script and the same Leaflet; django-leaflet is not asked to draw in
another projection (which made it load a proj4 file that does not exist)."""

import json
import re

import pytest
from django.core.checks import run_checks

from mapping.models import ServiceType
from tests.factories import make_assessed_place, make_service
from tests.personas import client_for

pytestmark = pytest.mark.django_db

SETTINGS_SCRIPT = re.compile(r'<script id="map-settings" type="application/json">(.*?)</script>')


def base_map_of(html: str) -> dict:
    found = SETTINGS_SCRIPT.findall(html)
    assert len(found) == 1
    return json.loads(found[0])


def test_every_page_with_a_map_starts_from_the_towns_base_map(settings, alice):
    settings.MAP_TILES_URL = "https://mapy.tabor.example/{z}/{x}/{y}.png"
    settings.MAP_TILES_ATTRIBUTION = "© Město Tábor"
    settings.MAP_CENTER = (49.41, 14.66)
    settings.MAP_ZOOM = 14
    place = make_assessed_place("Radnice")
    service = make_service("Pečovatelská služba", ServiceType.HOME_CARE, [], place)
    expected = {
        "tiles_url": "https://mapy.tabor.example/{z}/{x}/{y}.png",
        "attribution": "© Město Tábor",
        "center": [49.41, 14.66],
        "zoom": 14,
        "min_zoom": settings.MAP_MIN_ZOOM,
        "max_zoom": settings.MAP_MAX_ZOOM,
    }
    pages = ["/", "/?embed=1", f"/misto/{place.pk}/", "/trasa/", f"/katalog/sluzba/{service.pk}/"]
    visitor = client_for(None)
    for url in pages:
        html = visitor.get(url).content.decode()
        assert base_map_of(html) == expected, url
        assert html.count("leaflet-1.9.4/leaflet.js") == 1, url
    survey = client_for(alice).get("/pruzkum/").content.decode()
    assert base_map_of(survey) == expected


def test_page_configurations_no_longer_carry_their_own_tiles(client):
    html = client.get("/trasa/").content.decode()
    planner = json.loads(
        re.search(r'<script id="planner-config" type="application/json">(.*?)</script>', html)[1]
    )
    assert not {"tiles_url", "attribution", "center", "zoom"} & set(planner)


def test_a_projection_for_django_leaflet_is_refused_with_what_to_fix(settings):
    settings.LEAFLET_CONFIG = {**settings.LEAFLET_CONFIG, "SRID": 4326}
    errors = [error for error in run_checks() if error.id == "mapping.E003"]
    assert len(errors) == 1
    assert "Remove SRID from LEAFLET_CONFIG" in errors[0].hint
