import csv
import datetime
from pathlib import Path

import pytest
from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from mapping.catalogue.importer import import_records
from mapping.catalogue.readers import read_records
from mapping.models import Assessment, Municipality, Place

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DEMO_CSV = FIXTURES / "catalogue" / "demo_catalogue.csv"
DEMO_PLACES = FIXTURES / "catalogue" / "places.csv"
PRIBOR_JSON = FIXTURES / "pribor-social-services" / "services.json"
RPSS_JSON = FIXTURES / "catalogue" / "rpss_sample.json"


def _square(lon: float, lat: float, size: float = 0.02) -> MultiPolygon:
    ring = ((lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat))
    return MultiPolygon(Polygon(ring, srid=4326), srid=4326)


def create_demo_town() -> dict[str, Place]:
    """The demo town's municipalities and its ten places, each with an approved assessment."""
    town = Municipality.objects.create(
        name="Lhotka nad Otavou", code="999001", geom=_square(14.13, 49.29), is_demo=True
    )
    Municipality.objects.create(name="Dolní Ves", code="999002", geom=_square(14.20, 49.29))
    Municipality.objects.create(name="Horní Ves", code="999003", geom=_square(14.20, 49.32))
    places = {}
    with DEMO_PLACES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = Place.objects.create(
                name=row["name"],
                street=row["street"],
                house_number=row["house_number"],
                city=row["city"],
                ruian_address_code=int(row["ruian_address_code"]),
                municipality=town,
                location=Point(float(row["lon"]), float(row["lat"]), srid=4326),
                is_demo=True,
            )
            Assessment.objects.create(
                place=place,
                survey_date=datetime.date(2026, 5, 4),
                methodology_version="test",
                wheelchair=row["wheelchair"],
                seniors=row["seniors"],
                pram=row["pram"],
                status="approved",
            )
            places[row["key"]] = place
    return places


@pytest.fixture
def demo_town(db) -> dict[str, Place]:
    return create_demo_town()


@pytest.fixture
def demo_catalogue(demo_town):
    """The demo catalogue imported for real from the coordinator's CSV."""
    report = import_records(
        read_records(DEMO_CSV.read_bytes(), "csv"), source="spreadsheet", commit=True
    )
    return report


@pytest.fixture(autouse=True)
def _static_files_without_manifest(settings):
    """Pages render {% static %} without a collectstatic run (the manifest exists only after it)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def catalogue_translations(settings, tmp_path):
    """Czech as it will be once this part is merged: the project's PO plus this part's PO."""
    import subprocess

    locale = Path(settings.BASE_DIR) / "locale"
    target = tmp_path / "locale" / "cs" / "LC_MESSAGES"
    target.mkdir(parents=True)
    merged = tmp_path / "merged.po"
    sources = (locale / "cs/LC_MESSAGES/django.po", locale / "parts/catalogue.cs.po")
    subprocess.run(
        ["msgcat", "--use-first", "-o", str(merged), *[str(p) for p in sources if p.exists()]],
        check=True,
    )
    subprocess.run(["msgfmt", "-o", str(target / "django.mo"), str(merged)], check=True)
    settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]


@pytest.fixture(autouse=True)
def _messages_in_english(english):
    """These tests read messages in English, the source language (Czech has its own tests)."""
