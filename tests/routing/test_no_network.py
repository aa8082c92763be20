"""A deployment without a street network says so, in Czech and in English, instead of finding
"no way between these points at all", which would blame the map."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENDS = {"from": "49.3082, 14.1445", "to": "49.3089, 14.1474"}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "No street network is loaded"),
        ("cs", "Není nahraná žádná síť ulic"),
    ],
)
def test_a_route_without_a_network_says_that_none_is_loaded(client, language, expected):
    answer = client.get(reverse("routing:route"), {**ENDS, "lang": language})
    assert answer.status_code == 200
    body = answer.json()
    assert body["found"] is False
    assert body["reason"]["code"] == "no_network"
    assert body["reason"]["message"].startswith(expected)
    assert "import_osm_network" in body["reason"]["message"]


def test_bad_input_is_still_refused_before_the_missing_network_is_named(client):
    answer = client.get(reverse("routing:route"), {**ENDS, "profile": "rocket", "lang": "en"})
    assert answer.status_code == 400


def test_the_planner_page_names_the_missing_network_until_one_is_loaded(client, load_town):
    page = client.get(reverse("routing:planner"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="no-network"' in page
    assert "import_osm_network" in page
    load_town("krems")
    page = client.get(reverse("routing:planner"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'id="no-network"' not in page
