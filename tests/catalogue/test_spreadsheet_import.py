"""Import of the demo town's catalogue, kept by its coordinator in a spreadsheet (CSV, XLSX)."""

import io

import pytest
from openpyxl import Workbook

from mapping.catalogue.importer import CREATED, REJECTED, UNCHANGED, import_records
from mapping.catalogue.readers import read_records
from mapping.models import Provider, Service
from tests.catalogue.conftest import DEMO_CSV

pytestmark = pytest.mark.django_db


def _xlsx_from_csv() -> bytes:
    """The same sheet saved by Excel: numbers as numbers, header in the first row."""
    import csv

    workbook = Workbook()
    sheet = workbook.active
    with DEMO_CSV.open(encoding="utf-8") as handle:
        for n, row in enumerate(csv.reader(handle, delimiter=";")):
            if n and row[16]:
                row[16] = int(row[16])  # registration numbers typed as numbers
            if n and row[11]:
                row[11] = int(row[11])
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _by_line(report):
    return {row.line: row for row in report.rows}


def test_it_imports_at_least_sixty_services_from_thirty_providers(demo_catalogue):
    assert demo_catalogue.count(CREATED) >= 60
    assert Service.objects.count() == demo_catalogue.count(CREATED)
    assert Provider.objects.count() >= 30


def test_it_reports_a_bad_ico_by_row_and_imports_the_rest(demo_catalogue):
    row = _by_line(demo_catalogue)[66]
    assert row.status == REJECTED
    assert "12345678" in row.reasons[0]
    assert not Provider.objects.filter(name__startswith="Spolek Slunečnice").exists()


def test_it_reports_an_unknown_service_type_by_row(demo_catalogue):
    row = _by_line(demo_catalogue)[67]
    assert row.status == REJECTED
    assert "Canisterapie" in row.reasons[0]


def test_it_reports_a_duplicate_row_with_the_row_it_repeats(demo_catalogue):
    row = _by_line(demo_catalogue)[68]
    assert row.status == REJECTED
    assert "25" in row.reasons[0]
    assert Service.objects.filter(name="Raná péče Kompas").count() == 1


def test_it_lists_unmatched_addresses_for_the_coordinator(demo_catalogue):
    unmatched = {row.label.split(": ")[1]: row.unmatched for row in demo_catalogue.unmatched}
    assert "Zahradní 999" in unmatched["Azylový dům pro muže"][0]
    service = Service.objects.get(name="Azylový dům pro muže")
    assert service.places.count() == 0
    assert service.address == "Zahradní 999, Lhotka nad Otavou"


def test_only_the_three_faulty_rows_are_rejected(demo_catalogue):
    assert [row.line for row in demo_catalogue.rows if row.status == REJECTED] == [66, 67, 68]


def test_it_matches_addresses_by_ruian_code_and_by_street_and_number(demo_catalogue, demo_town):
    by_code = Service.objects.get(registry_id="4812301")  # odd number: the row gives the code
    by_address = Service.objects.get(registry_id="4812302")  # even: the address only
    assert list(by_code.places.all()) == [demo_town["charita"]]
    assert list(by_address.places.all()) == [demo_town["charita"]]


def test_it_matches_an_address_written_differently_from_the_place(demo_catalogue, demo_town):
    # "Palackého 215" in the sheet, "Palackého" + "215" on the place, no RÚIAN code given.
    service = Service.objects.get(name="Sociální rehabilitace Fokus")
    assert list(service.places.all()) == [demo_town["poradna"]]


def test_it_reads_types_forms_groups_and_area_served(demo_catalogue):
    service = Service.objects.get(registry_id="4812301")
    assert service.service_type == "s40"
    assert service.forms == ["field", "ambulant"]
    assert service.target_groups == ["seniors", "physical"]
    assert sorted(m.name for m in service.area_served.all()) == ["Dolní Ves", "Lhotka nad Otavou"]
    assert Service.objects.get(name="Šatník Charity").service_type == "related"


def test_reimporting_the_same_sheet_changes_nothing(demo_catalogue):
    before = list(Service.objects.order_by("id").values_list("id", "updated_at"))
    again = import_records(
        read_records(DEMO_CSV.read_bytes(), "csv"), source="spreadsheet", commit=True
    )
    assert again.count(CREATED) == 0
    assert again.counts["updated"] == 0
    assert again.count(UNCHANGED) == demo_catalogue.count(CREATED)
    assert list(Service.objects.order_by("id").values_list("id", "updated_at")) == before


def test_a_dry_run_writes_nothing_but_reports_the_same(demo_town):
    report = import_records(read_records(DEMO_CSV.read_bytes(), "csv"), source="spreadsheet")
    assert report.count(CREATED) >= 60
    assert Service.objects.count() == 0
    assert Provider.objects.count() == 0


def test_the_xlsx_variant_imports_the_same_catalogue(demo_town):
    records = read_records(_xlsx_from_csv(), "xlsx")
    report = import_records(records, source="spreadsheet", commit=True)
    assert report.count(CREATED) >= 60
    assert [row.line for row in report.rows if row.status == REJECTED] == [66, 67, 68]
    csv_again = import_records(
        read_records(DEMO_CSV.read_bytes(), "csv"), source="spreadsheet", commit=True
    )
    assert csv_again.count(CREATED) == 0
    assert csv_again.counts["updated"] == 0


def test_a_changed_row_is_reported_as_updated(demo_catalogue):
    text = DEMO_CSV.read_text(encoding="utf-8").replace("45 klientů", "50 klientů")
    report = import_records(read_records(text.encode(), "csv"), source="spreadsheet", commit=True)
    assert report.counts["updated"] == 1
    assert Service.objects.get(registry_id="4812301").capacity == "50 klientů"
