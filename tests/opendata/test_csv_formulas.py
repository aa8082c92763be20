"""No text in a download reaches a spreadsheet as a formula (OWASP: CSV Injection).

A volunteer names a new place like a formula, a coordinator approves the survey, and a
coordinator of another town opens /data/mista.csv in a spreadsheet: every such cell is text
with a single quote in front, read with "," (the file's separator) or ";" (Czech Excel's).
The CSV is the product's only spreadsheet file: the other downloads are GeoJSON, GeoPackage,
JSON and XML, and the export command writes none (grep csv.writer / openpyxl in mapping/).
"""

import csv
import io

import pytest
from django.urls import reverse

from mapping.models import Assessment
from mapping.spreadsheets import FORMULA_STARTS, spreadsheet_cell
from tests.factories import make_assessment, make_place
from tests.personas import client_for
from tests.survey.conftest import submission

pytestmark = pytest.mark.django_db

HOSTILE_PLACE = {
    "name": '=HYPERLINK("http://evil.example","x")',
    "street": "-1+1",
    "house_number": "+420",
    "postcode": "=1+1",
    "city": "@SUM(A1)",
}


def _download(client, delimiter: str = ",") -> list[list[str]]:
    response = client.get(reverse("opendata:csv"))
    assert response.status_code == 200
    text = io.StringIO(response.content.decode("utf-8"), newline="")
    return list(csv.reader(text, delimiter=delimiter))


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _formula_cells(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would run: text (not a number) that begins with a formula character."""
    return [c for row in rows for c in row if c[:1] in set(FORMULA_STARTS) and not _is_number(c)]


def test_a_place_named_like_a_formula_reaches_the_csv_as_text(alice, charlie):
    place = {**HOSTILE_PLACE, "kind": "building", "lat": 49.31, "lon": 14.15}
    sent = client_for(alice).post(reverse("survey:submit"), submission(place=place))
    assert sent.status_code == 201, sent.content
    assessment = Assessment.objects.get(pk=sent.json()["assessment"]["id"])
    approved = client_for(charlie).post(reverse("review:approve", args=[assessment.pk]))
    assert approved.status_code == 302

    header, *rows = _download(client_for(None))
    (row,) = [dict(zip(header, row, strict=True)) for row in rows]
    assert {field: row[field] for field in HOSTILE_PLACE} == {
        field: "'" + text for field, text in HOSTILE_PLACE.items()
    }
    assert _formula_cells(rows) == []
    assert _formula_cells(_download(client_for(None), delimiter=";")) == []


def test_tabs_returns_and_separators_inside_text_start_no_cell(client):
    names = ["\t=1+1", "\r@SUM(A1)", 'Kavárna;=HYPERLINK("http://evil.example")', "Sklad,-1+1"]
    for number, name in enumerate(names):
        make_assessment(make_place(name, lon=14.14 + number / 1000))
    # West of Greenwich: a negative longitude is a number, and stays one.
    make_assessment(make_place("Radnice", lon=-0.5, lat=51.5))

    header, *rows = _download(client)
    by_name = {row[header.index("name")]: row for row in rows}
    assert sorted(by_name) == sorted(
        ["'\t'=1+1", "'\r'@SUM(A1)", 'Kavárna;\'=HYPERLINK("http://evil.example")']
        + ["Sklad,'-1+1", "Radnice"]
    )
    assert by_name["Radnice"][header.index("longitude")] == "-0.5"
    assert _formula_cells(rows) == []
    for delimiter in (";", "\t"):
        assert _formula_cells(_download(client, delimiter)) == []


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("Radnice", "Radnice"),
        ("Náměstí Míru 1, Písek", "Náměstí Míru 1, Písek"),
        (-14.5, -14.5),
        (0, 0),
        (None, ""),
    ],
)
def test_numbers_stay_numbers_and_only_formula_text_changes(value, cell):
    assert spreadsheet_cell(value) == cell
