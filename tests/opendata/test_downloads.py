"""Whole-dataset downloads validate, carry licence and freshness, and answer conditional GETs."""

import csv
import io
import json
import subprocess

import geojson_validator
import pytest
from django.urls import reverse

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place

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
