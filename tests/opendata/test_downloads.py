"""Whole-dataset downloads validate, carry licence and freshness, and answer conditional GETs."""

import csv
import io
import json
import subprocess
from pathlib import Path

import geojson_validator
import jsonschema
import pytest
from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "mapybezbarier"

pytestmark = pytest.mark.django_db


@pytest.fixture
def town():
    tricky = make_place('Kavárna "U <b>Lva</b>", Písek', purposes=["food", "culture"])
    make_assessment(tricky, wheelchair="partly", has_accessible_toilet=True)
    make_assessment(make_place("Radnice", lon=14.15, lat=49.31), wheelchair="accessible")
    make_assessment(make_place("Koncept"), status=ReviewStatus.SUBMITTED)


def test_the_geojson_download_is_valid_rfc_7946_with_licence_and_date(client, town):
    response = client.get(reverse("opendata:geojson"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert geojson_validator.validate_structure(collection) == {}
    assert geojson_validator.validate_geometries(collection)["invalid"] == {}
    assert collection["license"] == "ODbL-1.0"
    assert collection["last_modified"]
    names = sorted(f["properties"]["name"] for f in collection["features"])
    assert names == ['Kavárna "U <b>Lva</b>", Písek', "Radnice"]


def test_the_csv_download_has_one_row_per_published_place(client, town):
    response = client.get(reverse("opendata:csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["name"] for row in rows] == ['Kavárna "U <b>Lva</b>", Písek', "Radnice"]
    assert rows[0]["purposes"] == "food;culture"
    assert rows[0]["accessible_toilet"] == "True"
    assert (rows[1]["longitude"], rows[1]["latitude"]) == ("14.15", "49.31")


def test_the_geopackage_opens_with_ogrinfo(client, town, tmp_path):
    response = client.get(reverse("opendata:gpkg"))
    assert response.status_code == 200
    target = tmp_path / "places.gpkg"
    target.write_bytes(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    info = subprocess.run(
        ["ogrinfo", "-so", "-al", str(target)], capture_output=True, text=True, check=True
    )
    assert "Layer name: places" in info.stdout
    assert "Feature Count: 2" in info.stdout
    assert "EPSG" in info.stdout and "4326" in info.stdout


@pytest.mark.parametrize("name", ["opendata:geojson", "opendata:csv"])
def test_a_repeated_download_is_answered_with_304_until_the_data_changes(client, town, name):
    first = client.get(reverse(name))
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    make_assessment(make_place("Nové místo"))
    changed = client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


@pytest.fixture
def surveyed_town():
    """Our Mapy bez bariér objects, imported and categorised by the engine, hence published."""
    from mapping.exchange import mbb_format
    from mapping.exchange.importer import import_objects

    document = (FIXTURES / "exchange_objects.json").read_bytes()
    import_objects(mbb_format.read_json(document), source="mapybezbarier", commit=True)
    return json.loads(document)["object"]


def test_the_a11yjson_download_validates_with_the_official_schema(
    client, surveyed_town, tmp_path, a11yjson_validator
):
    response = client.get(reverse("opendata:a11yjson"))
    assert response.status_code == 200
    assert "license" in response["Link"]
    path = tmp_path / "download.a11y.json"
    path.write_bytes(response.content)
    code, output = a11yjson_validator(path)
    assert code == 0, output
    assert f"{len(surveyed_town)} passed, 0 failed" in output


@pytest.mark.parametrize("name", ["opendata:mbb-json", "opendata:mbb-xml"])
def test_the_mapy_bez_barier_downloads_validate_and_hold_every_published_object(
    client, surveyed_town, name
):
    from mapping.exchange import mbb_format
    from mapping.exchange.mbb_schema import json_schema, xml_schema

    response = client.get(reverse(name))
    assert response.status_code == 200
    if name.endswith("json"):
        jsonschema.Draft3Validator(json_schema()).validate(json.loads(response.content))
        parsed = mbb_format.read_json(response.content)
    else:
        xml_schema().validate(response.content.decode())
        parsed = mbb_format.read_xml(response.content)
    assert sorted(o.data["objectId"] for o in parsed) == sorted(
        o["objectId"] for o in surveyed_town
    )


@pytest.mark.parametrize("name", ["opendata:a11yjson", "opendata:mbb-json"])
def test_the_exchange_downloads_answer_304_until_the_data_changes(client, surveyed_town, name):
    first = client.get(reverse(name))
    assert first["ETag"] and first["Last-Modified"]
    assert client.get(reverse(name), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_open_data_page_lists_every_download_with_licence_and_date(client, town, language):
    response = client.get(reverse("opendata:index"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    page = response.content.decode()
    for name in ("geojson", "csv", "gpkg", "a11yjson", "mbb-json", "mbb-xml"):
        assert f'href="{reverse("opendata:" + name)}"' in page
    assert "opendatacommons.org/licenses/odbl" in page
    assert "<time datetime=" in page
    assert reverse("api:schema") in page
    if language == "cs":
        assert "Otevřená data" in page
    else:
        assert "Open data" in page


def test_every_page_links_to_the_open_data(client):
    assert reverse("opendata:index") in client.get(reverse("public:map")).content.decode()


MEASURED_ANSWERS = {
    "entrance1Accessibility": "OneStepEntranceAccessibility",
    "entrance1Steps1NumberOf": 1,
    "entrance1Steps1Height": 12,
    "entrance1Door1MainpanelWidth": 80,
    "entrance1Door2MainpanelWidth": 90,
    "entrance1Door1StepHeight": 2,
    "entrance2Accessibility": "RampEntranceAccessibility",
    "entrance2Door1MainpanelWidth": 95,
    "rampskids": [
        {"rampNumberOfLegs": 2, "rampleg1Inclination": 6, "rampleg2Inclination": 9.5},
        {"skidsInclination": 7},
    ],
}


@pytest.fixture
def measured_town():
    measured = make_place("Knihovna", lon=14.15, lat=49.31, purposes=["culture", "education"])
    make_assessment(measured, answers=MEASURED_ANSWERS, wheelchair="partly")
    make_assessment(make_place("Nezměřeno"), answers={})


def test_the_csv_carries_the_measurements_per_entrance_and_the_steepest_ramp(client, measured_town):
    response = client.get(reverse("opendata:csv"))
    rows = {row["name"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    measured = rows["Knihovna"]
    assert measured["entrance1_way_in"] == "OneStepEntranceAccessibility"
    assert measured["entrance1_steps"] == "1"
    assert measured["entrance1_step_cm"] == "12"  # the step, higher than the 2 cm threshold
    assert measured["entrance1_door_cm"] == "80"  # the narrower main leaf of its two doors
    assert measured["entrance2_step_cm"] == "0"  # by a ramp
    assert measured["entrance2_door_cm"] == "95"
    assert measured["ramp_max_slope_pct"] == "9.5"
    unmeasured = rows["Nezměřeno"]
    assert all(unmeasured[name] == "" for name in ("entrance1_steps", "ramp_max_slope_pct"))


def test_the_geojson_and_the_geopackage_carry_the_same_measurements(
    client, measured_town, tmp_path
):
    collection = json.loads(client.get(reverse("opendata:geojson")).content)
    (feature,) = [f for f in collection["features"] if f["properties"]["name"] == "Knihovna"]
    properties = feature["properties"]
    assert properties["entrance1_step_cm"] == 12
    assert properties["entrance1_door_cm"] == 80
    assert properties["ramp_max_slope_pct"] == 9.5
    assert properties["purposes"] == ["culture", "education"]  # a list here, "a;b" in the CSV
    response = client.get(reverse("opendata:gpkg"))
    target = tmp_path / "places.gpkg"
    target.write_bytes(response.content)
    info = subprocess.run(
        ["ogrinfo", "-al", "-where", "name = 'Knihovna'", str(target)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ramp_max_slope_pct (Real) = 9.5" in info
    assert "entrance1_door_cm (Integer) = 80" in info or "entrance1_door_cm (Real) = 80" in info


def test_the_open_data_page_documents_every_column(client):
    from mapping.opendata.columns import COLUMNS

    page = client.get(reverse("opendata:index"), HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    for column in COLUMNS:
        assert f"<code>{column.name}</code>" in page
    assert "Vstup 1: nejužší hlavní křídlo dveří, v centimetrech." in page


def test_the_osm_tags_download_gives_each_place_its_tags_and_its_entrances(client, measured_town):
    response = client.get(reverse("opendata:osm-tags"))
    assert response.status_code == 200
    assert 'rel="license"' in response["Link"]
    places = {place["name"]: place for place in json.loads(response.content)}
    library = places["Knihovna"]
    assert library["tags"]["wheelchair"] == "limited"
    (entrance1, *_rest) = library["entrances"]
    assert entrance1["number"] == 1
    assert entrance1["tags"]["door:width"] == "0.8"  # metres, as OpenStreetMap has it


def test_the_api_gives_the_osm_tags_of_a_place(client, measured_town):
    from mapping.models import Place

    place = Place.objects.get(name="Knihovna")
    body = client.get(reverse("api:place-detail", args=[place.pk])).json()
    assert body["properties"]["assessment"]["osm_tags"]["tags"]["wheelchair"] == "limited"
