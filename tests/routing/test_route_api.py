"""The route API answers in JSON, in Czech or English, and refuses bad input with a 400."""

import pytest
from django.urls import reverse

KREMS_A, KREMS_B = "15.595,48.408", "15.605,48.412"


def test_the_api_returns_a_route_with_geojson_and_instructions(load_town, client):
    load_town("krems")
    response = client.get(
        reverse("routing:route"),
        {"from": KREMS_A, "to": KREMS_B, "profile": "wheelchair", "max_kerb_cm": "2", "lang": "en"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["found"]
    assert body["limits"]["max_kerb_cm"] == 2.0
    assert body["geojson"]["geometry"]["type"] == "LineString"
    assert body["instructions"][0]["text"].startswith("Start")
    assert all(not edge["steps"] for edge in body["edges"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"to": KREMS_B},
        {"from": "east of here", "to": KREMS_B},
        {"from": KREMS_A, "to": KREMS_B, "profile": "rocket"},
        {"from": KREMS_A, "to": KREMS_B, "max_incline_up_pct": "steep"},
        {"from": KREMS_A, "place": "x"},
    ],
)
def test_the_api_refuses_bad_input_with_a_message(client, params):
    response = client.get(reverse("routing:route"), {**params, "lang": "en"})
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.django_db
def test_the_api_answers_404_for_a_place_that_is_not_published(client):
    response = client.get(reverse("routing:route"), {"from": KREMS_A, "place": "999999"})
    assert response.status_code == 404
