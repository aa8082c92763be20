"""The catalogue import makes a place of an official address point that no place has yet."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from mapping.catalogue.importer import CREATED, UNCHANGED, import_records
from mapping.catalogue.readers import read_records
from mapping.models import Place, Service
from tests.catalogue.conftest import DEMO_CSV, create_demo_town

pytestmark = pytest.mark.django_db

HEADER = DEMO_CSV.read_text(encoding="utf-8").splitlines()[0]
PROVIDER = "Spolek Lhotka;;spolek;"
TAIL = ";;;;;{registry};"
ROWS = [
    # By the address point code (and its address).
    "Poradna Nádražní;Odborné sociální poradenství;ambulantní;senioři;;;Nádražní 702/3;"
    "Lhotka nad Otavou;99000101",
    # The same building, written with its orientation number only, no code.
    "Klub Nádražní;Sociálně aktivizační služby pro seniory;ambulantní;senioři;;;Nádražní 3;"
    "Lhotka nad Otavou;",
    # A part of the municipality without streets.
    "Terénní služba Zahrádky;Pečovatelská služba;terénní;senioři;;;Zahrádky 17;Lhotka nad Otavou;",
    # RÚIAN has this address without a position: nothing to put on the map.
    "Služba Polní;Pečovatelská služba;terénní;senioři;;;Polní 8;Lhotka nad Otavou;",
]


def _csv() -> bytes:
    lines = [HEADER]
    for number, row in enumerate(ROWS, start=1):
        lines.append(f"{PROVIDER}{row}{TAIL.format(registry=7700000 + number)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _import(commit: bool = True):
    return import_records(read_records(_csv(), "csv"), source="spreadsheet", commit=commit)


@pytest.fixture
def town(ruian_points):
    return create_demo_town()


def test_an_address_no_place_has_becomes_a_place_at_its_ruian_point(town):
    before = Place.objects.count()
    report = _import()
    assert report.count(CREATED) == 4, [(r.label, r.reasons) for r in report.rows]
    created = Place.objects.filter(source="ruian").order_by("source_id")
    assert [p.ruian_address_code for p in created] == [99000101, 99000102]
    assert Place.objects.count() == before + 2
    station = created[0]
    assert station.name == "Nádražní 702/3, Lhotka nad Otavou"
    assert (station.street, station.house_number, station.city) == (
        "Nádražní",
        "702/3",
        "Lhotka nad Otavou",
    )
    assert station.municipality.code == "999001"
    assert station.kind == "building"
    assert (round(station.location.x, 4), round(station.location.y, 4)) == (14.1432, 49.3021)
    assert created[1].street == "Zahrádky"
    # Both services in the Nádražní building share its one new place.
    assert list(Service.objects.get(registry_id="7700001").places.all()) == [station]
    assert list(Service.objects.get(registry_id="7700002").places.all()) == [station]
    # Listed for a coordinator to check; the address RÚIAN cannot place stays to be pinned.
    assert [len(row.created_from_ruian) for row in report.rows] == [1, 0, 1, 0]
    assert "Nádražní 702/3, Lhotka nad Otavou" in report.rows[0].created_from_ruian[0]
    assert [row.line for row in report.unmatched] == [5]


def test_a_second_import_finds_the_place_it_made_and_makes_no_other(town):
    _import()
    count = Place.objects.count()
    again = _import()
    assert Place.objects.count() == count
    assert again.counts[UNCHANGED] == 4
    assert again.created_from_ruian == []


def test_a_dry_run_reports_the_places_it_would_make_and_makes_none(town):
    before = Place.objects.count()
    report = _import(commit=False)
    assert len(report.created_from_ruian) == 2
    assert Place.objects.count() == before
    assert Service.objects.count() == 0


def test_the_command_lists_the_places_made_from_ruian(town, tmp_path):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(_csv())
    out = StringIO()
    call_command("import_catalogue", str(path), "--commit", stdout=out)
    text = out.getvalue()
    assert "Místa vytvořená podle RÚIAN" in text  # the deployment speaks Czech
    assert "Zahrádky č.p. 17, Lhotka nad Otavou" in text


def test_an_rpss_facility_is_placed_by_its_address_point_code(town):
    document = {
        "polozky": [
            {
                "id": "77",
                "identifikator": "7700077",
                "druhSocialniSluzby": {
                    "id": "DruhSocialniSluzby/x",
                    "nazev": "Pečovatelská služba",
                },
                "poskytovatel": {"nazev": "Spolek Lhotka"},
                "zarizeni": [
                    {
                        "nazev": "Středisko",
                        "adresa": {
                            "cisloDomovni": 17,
                            "kodAdresnihoMista": 99000102,
                            "obec": {"id": "Obec/999001"},
                        },
                    }
                ],
            }
        ]
    }
    report = import_records(read_records(json.dumps(document).encode(), "rpss"), "rpss", True)
    assert report.count(CREATED) == 1, report.rows[0].reasons
    place = Service.objects.get(registry_id="7700077").places.get()
    assert place.ruian_address_code == 99000102
    assert place.name == "Středisko"  # the facility's name, not its bare address
    assert place.source == "ruian"
