"""The minimal public page: the published places on a map, and the admin's map widget."""

import json

import pytest
from django.urls import reverse

from mapping.models import Place, ReviewStatus, Role
from tests.factories import make_assessment, make_place, make_user

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_map_and_its_configuration(client):
    response = client.get("/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="map"' in content
    assert 'id="map-config"' in content
    assert "leaflet" in content


def test_the_layer_holds_only_places_with_an_approved_assessment(client):
    published = make_place("Radnice")
    make_assessment(published, status=ReviewStatus.APPROVED, wheelchair="partly")
    draft_only = make_place("Koncept")
    make_assessment(draft_only, status=ReviewStatus.SUBMITTED)
    response = client.get(reverse("public:places_layer"), {"bbox": "14.0,49.2,14.3,49.4"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert [f["properties"]["name"] for f in collection["features"]] == ["Radnice"]
    assert collection["features"][0]["properties"]["wheelchair"] == "partly"


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "14.2,49.3,14.1,49.4", "14,49,200,50"])
def test_a_bad_bbox_is_a_400_with_a_message_in_czech_and_in_english(client, bbox):
    czech = client.get(reverse("public:places_layer"), {"bbox": bbox}, HTTP_ACCEPT_LANGUAGE="cs")
    english = client.get(reverse("public:places_layer"), {"bbox": bbox}, HTTP_ACCEPT_LANGUAGE="en")
    assert czech.status_code == english.status_code == 400
    assert "bbox" in czech.json()["error"]
    assert czech.json()["error"] != english.json()["error"]


def test_a_coordinator_edits_a_place_on_a_leaflet_map_in_the_admin(client):
    coordinator = make_user("alena", role=Role.COORDINATOR, is_staff=True, is_superuser=True)
    client.force_login(coordinator)
    place = make_place("Knihovna")
    response = client.get(reverse("admin:mapping_place_change", args=[place.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "leaflet" in content
    assert "id_location" in content


def test_a_coordinator_saves_a_place_with_its_purposes_from_the_admin(client):
    coordinator = make_user("bohdana", role=Role.COORDINATOR, is_staff=True, is_superuser=True)
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:mapping_place_add"),
        {
            "name": "Nová knihovna",
            "kind": "building",
            "purposes": ["culture", "education"],
            "location": '{"type": "Point", "coordinates": [14.15, 49.31]}',
            "entrances-TOTAL_FORMS": "0",
            "entrances-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    place = Place.objects.get(name="Nová knihovna")
    assert place.purposes == ["culture", "education"]
    assert (place.location.x, place.location.y) == (14.15, 49.31)
