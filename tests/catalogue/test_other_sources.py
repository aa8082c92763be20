"""Import from the national registry's open data (RPSS) and from the Příbor directory."""

import pytest

from mapping.catalogue.importer import CREATED, REJECTED, import_records
from mapping.catalogue.readers import read_records
from mapping.models import Provider, Service
from tests.catalogue.conftest import PRIBOR_JSON, RPSS_JSON

pytestmark = pytest.mark.django_db


def _rpss(commit=True):
    return import_records(read_records(RPSS_JSON.read_bytes(), "rpss"), "rpss", commit=commit)


def test_rpss_services_get_type_forms_groups_and_capacity_from_the_code_lists(demo_town):
    report = _rpss()
    assert report.count(CREATED) == 3
    home = Service.objects.get(registry_id="9990011")
    assert home.service_type == "s49"
    assert home.forms == ["residential"]
    assert home.target_groups == ["seniors", "chronic"]
    assert home.capacity == "96 beds"
    care = Service.objects.get(registry_id="9990012")
    assert care.service_type == "s40"
    assert care.forms == ["field", "ambulant"]


def test_rpss_facilities_are_matched_by_address_point_code_or_by_street_and_municipality(
    demo_town,
):
    _rpss()
    assert list(Service.objects.get(registry_id="9990011").places.all()) == [demo_town["ds"]]
    # No code: "Husova 412" in the municipality with RÚIAN code 999001.
    assert list(Service.objects.get(registry_id="9990012").places.all()) == [demo_town["dps"]]


def test_rpss_hidden_addresses_are_not_listed_as_unmatched(demo_town):
    report = _rpss()
    row = next(r for r in report.rows if r.label.endswith("Dispečink"))
    assert row.status == CREATED
    assert row.unmatched == []


def test_rpss_an_unknown_type_code_is_rejected_and_never_guessed(demo_town):
    report = _rpss()
    row = report.rows[3]
    assert row.status == REJECTED
    assert "DruhSocialniSluzby/77" in row.reasons[0]


def test_rpss_finds_the_providers_a_spreadsheet_imported_by_their_ico(
    demo_catalogue,
):
    before = Service.objects.count()
    _rpss()
    # New registration numbers: three services more, but no second provider with that IČO.
    assert Service.objects.count() == before + 3
    assert Provider.objects.filter(ico="70801215").count() == 1


def test_rpss_reimport_changes_nothing(demo_town):
    _rpss()
    again = _rpss()
    assert again.counts == {"created": 0, "updated": 0, "unchanged": 3, "rejected": 1}


def test_pribor_directory_imports_every_service_of_its_providers(db):
    records = read_records(PRIBOR_JSON.read_bytes(), "pribor")
    report = import_records(records, "pribor", commit=True)
    assert report.count(REJECTED) == 0
    assert report.count(CREATED) == len(records) == Service.objects.count()
    assert Provider.objects.count() == 55
    assert Service.objects.get(name="Charitní pečovatelská služba").service_type == "s40"
    assert Service.objects.get(name="Euroklíč").service_type == "related"
    again = import_records(read_records(PRIBOR_JSON.read_bytes(), "pribor"), "pribor", True)
    assert again.counts["unchanged"] == len(records)


def test_pribor_addresses_match_existing_places_despite_abbreviations(db):
    from django.contrib.gis.geos import Point

    from mapping.models import Place

    square = Place.objects.create(
        name="Radnice",
        street="náměstí Sigmunda Freuda",
        house_number="33",
        city="Příbor",
        location=Point(18.145, 49.641, srid=4326),
    )
    report = import_records(read_records(PRIBOR_JSON.read_bytes(), "pribor"), "pribor", True)
    club = Service.objects.get(name="Aktivity pro seniory")  # "nám. Sigmunda Freuda 33"
    assert list(club.places.all()) == [square]
    assert any("Kateřinice 228" in text for row in report.unmatched for text in row.unmatched)
