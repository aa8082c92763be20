"""The catalogue's social services on the public map and list: filters, the layer, `?place=`."""

import json

import pytest
from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import TABOR, make_assessed_place, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    """A counselling service for seniors at the town hall, and a youth club at a place that has
    not been assessed yet (the catalogue knows it, the map does not publish it)."""
    hall = make_assessed_place("Radnice", wheelchair="partly", seniors="accessible")
    club = make_assessed_place("Klub", lon=TABOR[0] + 0.001, status=ReviewStatus.SUBMITTED)
    make_assessed_place("Pošta", lon=TABOR[0] - 0.001)
    counselling = make_service("Poradna pro seniory", "s37", ["seniors"], hall)
    youth = make_service("Nízkoprahový klub", "s62", ["youth"], club)
    return {"hall": hall, "club": club, "counselling": counselling, "youth": youth}


def map_config(response) -> dict:
    html = response.content.decode()
    start = html.index('<script id="map-config" type="application/json">')
    body = html[start:].split(">", 1)[1].split("</script>", 1)[0]
    return json.loads(body)


def test_the_map_page_offers_the_service_type_and_target_group_filters_and_the_layer(client):
    response = client.get(reverse("public:map"), {"target_group": "seniors"})
    html = response.content.decode()
    assert 'name="service_type"' in html
    assert '<option value="seniors" selected>' in html
    assert 'id="layer-services"' in html
    assert "sym-service" in html  # the layer's symbol, also in the legend
    config = map_config(response)
    assert config["services_url"] == reverse("catalogue:layer")
    assert config["service_url"] == reverse("catalogue:service", args=[0])


def test_the_layer_toggle_is_in_the_url(client):
    off = client.get(reverse("public:map")).content.decode()
    on = client.get(reverse("public:map"), {"services": "1"}).content.decode()
    assert 'id="layer-services" name="services" value="1" checked' not in off
    assert 'id="layer-services" name="services" value="1" checked' in on


def test_a_place_link_centres_the_map_on_the_place_and_asks_to_open_it(client, services):
    hall = services["hall"]
    config = map_config(client.get(reverse("public:map"), {"place": hall.pk}))
    assert config["center"] == [hall.location.y, hall.location.x]
    assert config["zoom"] == 18
    assert config["focus"] == {
        "id": hall.pk,
        "name": "Radnice",
        "lat": hall.location.y,
        "lon": hall.location.x,
        "published": True,
    }


def test_a_place_link_keeps_a_centre_and_zoom_the_link_gives(client, services):
    hall = services["hall"]
    config = map_config(
        client.get(reverse("public:map"), {"place": hall.pk, "lat": 49.0, "lon": 14.0, "z": 12})
    )
    assert config["center"] == [49.0, 14.0]
    assert config["zoom"] == 12
    assert config["focus"]["id"] == hall.pk


def test_a_place_not_assessed_yet_is_focused_but_said_to_be_unpublished(client, services):
    config = map_config(client.get(reverse("public:map"), {"place": services["club"].pk}))
    assert config["focus"]["published"] is False


@pytest.mark.parametrize("value", ["999999", "abc", "-3", ""])
def test_an_unknown_or_malformed_place_opens_the_town_map(client, settings, value):
    response = client.get(reverse("public:map"), {"place": value}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    config = map_config(response)
    assert config["focus"] is None
    assert config["center"] == list(settings.MAP_CENTER)
    if value == "999999":
        assert "The place from the link was not found." in response.content.decode()


def test_the_services_layer_takes_the_map_filter_names_and_says_what_is_published(client, services):
    collection = client.get(reverse("catalogue:layer"), {"target_group": "youth"}).json()
    (feature,) = collection["features"]
    assert feature["id"] == services["club"].pk
    assert feature["properties"]["published"] is False
    collection = client.get(reverse("catalogue:layer"), {"service_type": "s37"}).json()
    (feature,) = collection["features"]
    assert feature["properties"]["published"] is True
    assert feature["properties"]["wheelchair"] == "partly"
    assert feature["properties"]["seniors"] == "accessible"
    assert [s["id"] for s in feature["properties"]["services"]] == [services["counselling"].pk]


def test_the_services_layer_refuses_an_unknown_target_group_in_czech_and_english(client, db):
    czech = client.get(reverse("catalogue:layer"), {"target_group": "x"}, HTTP_ACCEPT_LANGUAGE="cs")
    english = client.get(
        reverse("catalogue:layer"), {"target_group": "x"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert czech.status_code == english.status_code == 400
    assert english.json()["error"] == "Unknown target group."
    assert czech.json()["error"] != english.json()["error"]


def test_the_list_filters_by_target_group_and_names_the_services_with_links(client, services):
    response = client.get(reverse("public:list"), {"target_group": "seniors"})
    html = response.content.decode()
    assert [row[0].name for row in response.context["rows"]] == ["Radnice"]
    link = reverse("catalogue:service", args=[services["counselling"].pk])
    assert f'<a href="{link}">Poradna pro seniory</a>' in html


def test_the_list_filters_by_service_type(client, services):
    response = client.get(reverse("public:list"), {"service_type": "s62"})
    # The youth club's place is not published: the list, like the map, does not show it.
    assert response.context["rows"] == []
    response = client.get(reverse("public:list"), {"service_type": "s37"})
    assert [row[0].name for row in response.context["rows"]] == ["Radnice"]
