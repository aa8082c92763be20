"""Files that cannot be read at all get one clear message, never a traceback."""

import pytest

from mapping.catalogue.readers import read_records
from mapping.catalogue.records import CatalogueFileError


def test_it_names_the_missing_required_columns():
    with pytest.raises(CatalogueFileError) as error:
        read_records(b"Poskytovatel;Telefon\nSpolek;123\n", "csv")
    assert "Služba" in str(error.value)
    assert "Druh služby" in str(error.value)


def test_it_refuses_a_damaged_xlsx_file():
    with pytest.raises(CatalogueFileError):
        read_records(b"not a workbook", "xlsx")


def test_it_refuses_json_that_is_not_json():
    with pytest.raises(CatalogueFileError):
        read_records(b"{oops", "rpss")


def test_it_reads_a_windows_1250_csv_with_comma_separators():
    data = "Poskytovatel,Služba,Druh služby\nSpolek Úsměv,Poradna,§ 37\n".encode("cp1250")
    records = read_records(data, "csv")
    assert records[0].service.name == "Poradna"
    assert records[0].provider.name == "Spolek Úsměv"
