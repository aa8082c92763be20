"""The list of places: the map's places and filters, sorted by distance, name or relevance."""

import re

import pytest
from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import TABOR, make_assessed_place


def listed(client, **params) -> list[str]:
    response = client.get(reverse("public:list"), params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return re.findall(r'class="place-name">([^<]*)</a>', response.content.decode())


@pytest.mark.django_db
def test_it_sorts_by_distance_from_the_given_point(client):
    make_assessed_place("East", lon=TABOR[0] + 0.02)
    make_assessed_place("Centre")
    make_assessed_place("West", lon=TABOR[0] - 0.01)
    point = {"lat": TABOR[1], "lon": TABOR[0]}
    assert listed(client, **point) == ["Centre", "West", "East"]
    assert listed(client, lat=TABOR[1], lon=TABOR[0] + 0.03) == ["East", "Centre", "West"]


@pytest.mark.django_db
def test_it_sorts_by_name_when_asked(client):
    for name in ("Charlie", "Alpha", "Bravo"):
        make_assessed_place(name)
    assert listed(client, sort="name") == ["Alpha", "Bravo", "Charlie"]


@pytest.mark.django_db
def test_it_applies_the_same_filters_as_the_map(client):
    make_assessed_place("Ok", wheelchair="accessible", toilet=True)
    make_assessed_place("Partly", wheelchair="partly", toilet=True)
    make_assessed_place("No toilet", wheelchair="accessible")
    make_assessed_place("Unpublished", status=ReviewStatus.DRAFT)
    assert listed(client, profile="wheelchair", category="accessible", toilet="on") == ["Ok"]


@pytest.mark.django_db
def test_it_ranks_search_results_by_relevance(client):
    make_assessed_place("Náměstí Míru")
    make_assessed_place("Knihovna")
    assert listed(client, q="namesti") == ["Náměstí Míru"]


@pytest.mark.django_db
def test_it_paginates(client):
    for number in range(30):
        make_assessed_place(f"Place {number:02d}", lon=TABOR[0] + number * 0.0001)
    first = listed(client, sort="name")
    second = listed(client, sort="name", page=2)
    assert len(first) == 25 and len(second) == 5
    assert second[0] == "Place 25"


@pytest.mark.django_db
def test_it_escapes_a_name_with_markup(client):
    make_assessed_place("<img src=x onerror=alert(1)>")
    page = client.get(reverse("public:list")).content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


@pytest.mark.django_db
def test_it_costs_three_queries_whatever_the_number_of_places(client, django_assert_num_queries):
    for number in range(40):
        make_assessed_place(f"Place {number}", lon=TABOR[0] + number * 0.0001)
    # municipalities for the filter, count, one page
    with django_assert_num_queries(3):
        client.get(reverse("public:list"), {"profile": "pram", "q": "place"})


@pytest.mark.django_db
def test_it_says_how_far_each_place_is_in_metres_or_kilometres(client):
    make_assessed_place("Near")
    make_assessed_place("Far", lon=TABOR[0] + 0.1)
    page = client.get(
        reverse("public:list"), {"lat": TABOR[1], "lon": TABOR[0]}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "0 m away" in page
    assert re.search(r"7\.[23] km away", page)  # 0.1° of longitude at 49.4° N: about 7.25 km
