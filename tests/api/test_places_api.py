"""The versioned REST API: published places as GeoJSON, with the map's filters."""

import pytest
from django.contrib.gis.geos import Point
from django.urls import reverse

from mapping.models import Entrance, Municipality, ReviewStatus
from tests.factories import make_assessment, make_place, make_service

pytestmark = pytest.mark.django_db

PLACES = "/api/v1/places/"


@pytest.fixture
def town():
    radnice = make_place("Radnice", kind="building", purposes=["office"])
    make_assessment(radnice, wheelchair="accessible", has_accessible_toilet=True)
    divadlo = make_place("Divadlo", lon=14.1456, lat=49.3105, purposes=["culture"])
    make_assessment(
        divadlo,
        wheelchair="inaccessible",
        seniors="partly",
        answers={"entrance1IsReservedParking": True},
    )
    koncept = make_place("Koncept")
    make_assessment(koncept, status=ReviewStatus.SUBMITTED)
    far = make_place("Daleko", lon=16.6, lat=49.2)
    make_assessment(far, wheelchair="partly")
    return {"radnice": radnice, "divadlo": divadlo, "koncept": koncept, "far": far}


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(f["properties"]["name"] for f in response.json()["features"])


def test_only_published_places_are_listed_as_a_geojson_feature_collection(client, town):
    response = client.get(PLACES)
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert names(response) == ["Daleko", "Divadlo", "Radnice"]
    feature = next(f for f in body["features"] if f["properties"]["name"] == "Radnice")
    assert feature["geometry"] == {"type": "Point", "coordinates": [14.1474, 49.3089]}
    assert feature["properties"]["wheelchair"] == "accessible"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"bbox": "14.0,49.2,14.3,49.4"}, ["Divadlo", "Radnice"]),
        ({"category": "accessible"}, ["Radnice"]),
        ({"profile": "seniors", "category": "partly"}, ["Divadlo"]),
        ({"category": ["partly", "inaccessible"]}, ["Daleko", "Divadlo"]),
        ({"purpose": "culture"}, ["Divadlo"]),
        ({"toilet": "true"}, ["Radnice"]),
        ({"parking": "1"}, ["Divadlo"]),
    ],
)
def test_the_places_are_filtered_like_the_map(client, town, query, expected):
    assert names(client.get(PLACES, query)) == expected


def test_places_are_filtered_by_municipality(client, town):
    from django.contrib.gis.geos import MultiPolygon, Polygon

    pisek = Municipality.objects.create(
        name="Písek",
        code="549240",
        geom=MultiPolygon(Polygon.from_bbox((14.0, 49.2, 14.3, 49.4)), srid=4326),
    )
    town["radnice"].municipality = pisek
    town["radnice"].save()
    assert names(client.get(PLACES, {"municipality": "549240"})) == ["Radnice"]


@pytest.mark.parametrize(
    "query",
    [
        {"bbox": "14,49,13,50"},
        {"bbox": "nonsense"},
        {"bbox": "0,0,10,10"},
        {"category": "maybe"},
        {"profile": "skateboard"},
        {"municipality": "Písek"},
    ],
)
def test_a_bad_filter_is_a_400_that_says_what_is_wrong(client, town, query):
    response = client.get(PLACES, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    message = str(response.json())
    assert any(word in message for word in ("bbox", "category", "profile", "municipality"))


def test_the_bbox_error_speaks_czech_to_a_czech_visitor(client, town):
    response = client.get(PLACES, {"bbox": "14,49,13,50"}, HTTP_ACCEPT_LANGUAGE="cs")
    assert "západ" in str(response.json())


def test_a_place_detail_holds_its_entrances_assessment_and_visible_photos(client, town):
    radnice = town["radnice"]
    Entrance.objects.create(
        place=radnice, number=2, label="Ze dvora", location=Point(14.1475, 49.3090, srid=4326)
    )
    response = client.get(reverse("api:place-detail", args=[radnice.pk]))
    assert response.status_code == 200
    properties = response.json()["properties"]
    assert properties["entrances"] == [
        {
            "number": 2,
            "label": "Ze dvora",
            "is_main": False,
            "description": "",
            "location": [14.1475, 49.309],
        }
    ]
    assert properties["assessment"]["wheelchair"] == "accessible"
    assert properties["assessment"]["photos"] == []


def test_an_unpublished_place_is_not_found(client, town):
    response = client.get(reverse("api:place-detail", args=[town["koncept"].pk]))
    assert response.status_code == 404
    assert "error" in response.json()


def test_the_place_list_takes_a_fixed_number_of_queries(client, town, django_assert_num_queries):
    for index in range(20):
        make_assessment(make_place(f"Další {index}"))
    # One count for the page, one for the rows with their municipality.
    with django_assert_num_queries(2):
        response = client.get(PLACES)
    assert len(response.json()["features"]) == 23


def test_a_bad_filter_names_the_parameter_as_the_api_spells_it(client, town):
    response = client.get(PLACES, {"municipality": "Písek", "kind": "castle"})
    assert response.status_code == 400
    assert set(response.json()["parameters"]) == {"municipality", "kind"}


def test_a_flag_set_to_false_filters_nothing(client, town):
    assert names(client.get(PLACES, {"toilet": "false", "parking": "0"})) == [
        "Daleko",
        "Divadlo",
        "Radnice",
    ]


def test_the_api_the_map_layer_and_the_list_give_the_same_places(client, town, settings):
    settings.MAP_LAYER_MAX_BBOX_DEGREES = 5  # one layer request for the whole test town
    make_service("Poradna", "s37", ["seniors"], town["divadlo"], town["far"])
    assessment = town["divadlo"].assessments.get()
    assessment.answers = {**assessment.answers, "entrance1Door1StepHeight": 5}
    assessment.save()
    for query, expected in (
        ({"target_group": "seniors"}, ["Daleko", "Divadlo"]),
        ({"service_type": "s37", "max_kerb_cm": "3", "hide_barriers": "true"}, ["Daleko"]),
        ({"profile": "seniors", "category": "partly", "parking": "1"}, ["Divadlo"]),
    ):
        api = names(client.get(PLACES, query))
        layer = client.get(reverse("public:places_layer"), {"bbox": "13,48,17,51", **query})
        on_map = sorted(f["properties"]["name"] for f in layer.json()["features"])
        listed = client.get(reverse("public:list"), query)
        in_list = sorted(row[0].name for row in listed.context["rows"])
        assert api == on_map == in_list == expected, query
    # The map searches in its own box, not in its layer; the API and the list search alike.
    listed = client.get(reverse("public:list"), {"q": "radnice"})
    assert names(client.get(PLACES, {"q": "radnice"})) == ["Radnice"]
    assert [row[0].name for row in listed.context["rows"]] == ["Radnice"]
