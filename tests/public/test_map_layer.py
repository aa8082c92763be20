"""The map layer: lean GeoJSON built in SQL, bounded by bbox and zoom, filtered, cached by ETag."""

import json

import pytest
from django.urls import reverse

from mapping.models import Assessment, ReviewStatus
from tests.factories import TABOR, make_assessed_place, make_municipality, make_service

BBOX = "14.60,49.38,14.72,49.45"


def layer(client, **params):
    headers = {name: params.pop(name) for name in list(params) if name.startswith("HTTP_")}
    params.setdefault("bbox", BBOX)
    return client.get(reverse("public:places_layer"), params, **headers)


def names_of(body: dict) -> list[str]:
    return [f["properties"]["name"] for f in body["features"]]


def names(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {f["properties"]["name"] for f in json.loads(response.content)["features"]}


@pytest.mark.django_db
def test_it_returns_only_places_with_an_approved_assessment(client):
    make_assessed_place("Radnice")
    make_assessed_place("Knihovna", status=ReviewStatus.SUBMITTED)
    assert names(layer(client)) == {"Radnice"}


@pytest.mark.django_db
def test_it_returns_lean_features_with_the_category_per_profile(client):
    place = make_assessed_place(
        "Radnice", wheelchair="partly", seniors="accessible", pram="", toilet=True
    )
    body = json.loads(layer(client).content)
    assert body["type"] == "FeatureCollection"
    assert body["truncated"] is False
    (feature,) = body["features"]
    assert feature["id"] == place.id
    assert feature["geometry"] == {"type": "Point", "coordinates": list(TABOR)}
    assert feature["properties"] == {
        "name": "Radnice",
        "kind": "building",
        "wheelchair": "partly",
        "seniors": "accessible",
        "pram": None,
        "toilet": True,
        "features": [],
    }


@pytest.mark.django_db
def test_it_leaves_out_places_outside_the_bbox(client):
    make_assessed_place("In Tábor")
    make_assessed_place("In Praha", lon=14.42, lat=50.08)
    assert names(layer(client)) == {"In Tábor"}


@pytest.mark.django_db
def test_it_filters_by_the_category_of_the_chosen_profile(client):
    make_assessed_place("Wheelchair ok", wheelchair="accessible", pram="inaccessible")
    make_assessed_place("Pram ok", wheelchair="inaccessible", pram="accessible")
    make_assessed_place("Partly", wheelchair="partly", pram="partly")
    assert names(layer(client, profile="wheelchair", category="accessible")) == {"Wheelchair ok"}
    assert names(layer(client, profile="pram", category="accessible")) == {"Pram ok"}
    assert names(layer(client, profile="pram", category=["accessible", "partly"])) == {
        "Pram ok",
        "Partly",
    }


@pytest.mark.django_db
def test_it_filters_by_kind_purpose_and_municipality(client):
    tabor = make_municipality("Tábor")
    other = make_municipality("Sezimovo Ústí")
    make_assessed_place("Office", purposes=["office"], municipality=tabor)
    make_assessed_place("Toilet", kind="toilet", purposes=[], municipality=other)
    make_assessed_place("Clinic", purposes=["health", "social"], municipality=tabor)
    assert names(layer(client, kind="toilet")) == {"Toilet"}
    assert names(layer(client, purpose=["social", "office"])) == {"Office", "Clinic"}
    assert names(layer(client, municipality=tabor.id)) == {"Office", "Clinic"}


@pytest.mark.django_db
def test_it_filters_by_accessible_toilet_and_reserved_parking(client):
    make_assessed_place("With toilet", toilet=True)
    make_assessed_place("With parking", answers={"entrance2IsReservedParking": True})
    make_assessed_place("Neither", answers={"entrance1IsReservedParking": False})
    assert names(layer(client, toilet="on")) == {"With toilet"}
    assert names(layer(client, parking="on")) == {"With parking"}


@pytest.mark.django_db
def test_a_sensory_profile_lists_the_features_present_and_ignores_categories(client):
    make_assessed_place(
        "Library",
        wheelchair="inaccessible",
        answers={
            "entrance1Guidingline": "ArtificialEntranceGuidingline",
            "entrance1BellType": "IntercomBellType",
            "elevator": [{"elevatorIsControl1BrailleMarking": True}],
        },
    )
    make_assessed_place("Shop", answers={"entrance1Guidingline": "MissingEntranceGuidingline"})
    blind = json.loads(layer(client, profile="blind", category="accessible").content)
    features = {f["properties"]["name"]: f["properties"]["features"] for f in blind["features"]}
    assert features == {"Library": ["guiding_line", "braille"], "Shop": []}
    deaf = json.loads(layer(client, profile="deaf").content)
    assert {f["properties"]["name"]: f["properties"]["features"] for f in deaf["features"]} == {
        "Library": ["intercom"],
        "Shop": [],
    }


@pytest.mark.django_db
def test_it_keeps_a_name_with_markup_as_plain_data(client):
    make_assessed_place("<img src=x onerror=alert(1)>")
    assert names(layer(client)) == {"<img src=x onerror=alert(1)>"}


@pytest.mark.django_db
def test_it_caps_the_number_of_places_and_says_so(client, settings):
    settings.MAP_LAYER_MAX_FEATURES = 2
    for number in range(3):
        make_assessed_place(f"Place {number}", lon=TABOR[0] + number * 0.001)
    body = json.loads(layer(client).content)
    assert len(body["features"]) == 2
    assert body["truncated"] is True


@pytest.mark.django_db
def test_when_capped_it_keeps_the_places_nearest_the_centre_of_the_view(client, settings):
    settings.MAP_LAYER_MAX_FEATURES = 2
    west, south, east, north = (float(v) for v in BBOX.split(","))
    centre = ((west + east) / 2, (south + north) / 2)
    for name, offset in (("Far", 0.05), ("Near", 0.001), ("Middle", -0.01)):
        make_assessed_place(name, lon=centre[0] + offset, lat=centre[1])
    body = json.loads(layer(client).content)
    assert set(names_of(body)) == {"Near", "Middle"}
    assert body["truncated"] is True
    # The features come in the order of their ids, whatever their distance.
    assert [f["id"] for f in body["features"]] == sorted(f["id"] for f in body["features"])


@pytest.mark.django_db
def test_it_writes_names_as_json_text_whatever_they_hold(client):
    odd = 'Bistro "U Lva" \\ <b>tab\there</b> ünïcode 🦁'
    make_assessed_place(odd)
    body = json.loads(layer(client).content)
    assert body["features"][0]["properties"]["name"] == odd


@pytest.mark.django_db
def test_it_rounds_coordinates_more_at_low_zoom(client):
    make_assessed_place("Radnice", lon=14.6575123, lat=49.4144123)
    near = json.loads(layer(client, zoom=17).content)["features"][0]["geometry"]
    far = json.loads(layer(client, zoom=8).content)["features"][0]["geometry"]
    assert near["coordinates"] == [14.657512, 49.414412]
    assert far["coordinates"] == [14.6575, 49.4144]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bbox", "message"),
    [
        (None, "bbox parameter is missing"),
        ("14.6,49.3,14.7", "four numbers"),
        ("a,b,c,d", "four numbers"),
        ("14.7,49.3,14.6,49.4", "west is not less than east"),
        ("14.6,49.3,190,49.4", "outside the valid range"),
        ("nan,49.3,14.6,49.4", "outside the valid range"),
        ("12.0,48.0,16.0,51.0", "too large"),
    ],
)
def test_it_rejects_a_bad_bbox_with_a_clear_message(client, bbox, message):
    params = {} if bbox is None else {"bbox": bbox}
    response = client.get(reverse("public:places_layer"), params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"zoom": "far"}, "zoom must be a whole number"),
        ({"zoom": "30"}, "zoom must be a whole number"),
        ({"profile": "cyclist"}, "Profile"),
        ({"category": "excellent"}, "Category"),
        ({"municipality": "x"}, "Municipality"),
    ],
)
def test_it_rejects_bad_parameters_with_a_clear_message(client, params, message):
    response = layer(client, HTTP_ACCEPT_LANGUAGE="en", **params)
    assert response.status_code == 400
    assert message in response.json()["error"]


@pytest.mark.django_db
def test_it_explains_a_bad_bbox_in_czech(client, czech_catalogue):
    response = client.get(
        reverse("public:places_layer"), {"bbox": "12,48,16,51"}, HTTP_ACCEPT_LANGUAGE="cs"
    )
    assert response.status_code == 400
    assert "příliš velký" in response.json()["error"]


@pytest.mark.django_db
def test_it_answers_304_when_nothing_changed_since_the_etag(client):
    make_assessed_place("Radnice")
    first = layer(client)
    etag = first["ETag"]
    assert first["Last-Modified"]
    again = layer(client, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag


@pytest.mark.django_db
def test_its_etag_changes_when_an_assessment_changes(client):
    place = make_assessed_place("Radnice", wheelchair="partly")
    etag = layer(client)["ETag"]
    assessment = Assessment.objects.get(place=place)
    assessment.wheelchair = "accessible"
    assessment.save()
    response = layer(client, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert json.loads(response.content)["features"][0]["properties"]["wheelchair"] == "accessible"


@pytest.mark.django_db
def test_its_etag_differs_by_language_and_filters(client):
    make_assessed_place("Radnice")
    czech = layer(client, HTTP_ACCEPT_LANGUAGE="cs")["ETag"]
    english = layer(client, HTTP_ACCEPT_LANGUAGE="en")["ETag"]
    filtered = layer(client, HTTP_ACCEPT_LANGUAGE="en", toilet="on")["ETag"]
    assert len({czech, english, filtered}) == 3


@pytest.mark.django_db
def test_it_costs_two_queries_and_one_when_cached(
    client, django_assert_num_queries, cache_in_memory
):
    for number in range(20):
        make_assessed_place(f"Place {number}", lon=TABOR[0] + number * 0.0005)
    with django_assert_num_queries(2):
        layer(client, profile="blind", parking="on")
    with django_assert_num_queries(1):
        layer(client, profile="blind", parking="on")


@pytest.mark.django_db
def test_it_filters_by_a_social_service_of_one_type_for_one_target_group(client):
    make_service("Poradna", "s37", ["seniors"], make_assessed_place("Counselling"))
    make_service("Asistence", "s39", ["youth"], make_assessed_place("Assistance"))
    make_assessed_place("No service")
    assert names(layer(client, service_type="s37")) == {"Counselling"}
    assert names(layer(client, target_group="youth")) == {"Assistance"}
    assert names(layer(client, service_type="s37", target_group="youth")) == set()
