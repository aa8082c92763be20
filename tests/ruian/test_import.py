"""Importing RÚIAN address points from ČÚZK's CSV: transform, idempotence, dry run, bad files."""

import zipfile
from io import StringIO

import pytest
from django.contrib.gis.geos import Point
from django.core.management import CommandError, call_command

from mapping.models import AddressPoint
from mapping.models.geo import GeographyDistance
from mapping.ruian.csvfile import RuianFileError
from mapping.ruian.importer import import_addresses
from tests.ruian.conftest import REAL_CSV, SYNTHETIC_CSV

pytestmark = pytest.mark.django_db

# The WGS 84 positions of the three real rows, computed with pyproj 3 (EPSG:5514 -> EPSG:4326,
# always_xy; /work/shared/data/cz-ruian-addresses). ČÚZK's own answer for 22296361 is
# 50.1086967, 14.4384076.
EXPECTED = {
    8338752: (18.19339, 49.538185),
    8338761: (18.189843, 49.537608),
    22296361: (14.438407, 50.108697),
}
# 1 m: PostGIS (PROJ 9.1) and pyproj may pick different S-JTSK -> WGS 84 transformations
# (EPSG:1623, 4836, ...), which EPSG itself rates at about 1 m accuracy; we measured 0.70 m in
# Trojanovice and 0.02 m in Prague. A metre is far below what the data serves: finding an
# entrance, de-duplicating addresses within 20 m, suggesting an address within 30 m.
TOLERANCE_M = 1.0


def _command(*args: str) -> str:
    out = StringIO()
    call_command("import_ruian_addresses", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def _counts(output: str) -> dict[str, int]:
    return {
        name: int(value)
        for name, value in (line.split(": ") for line in output.splitlines() if ": " in line)
        if value.isdigit()
    }


def test_the_real_rows_land_within_a_metre_of_their_wgs84_positions():
    import_addresses([REAL_CSV], commit=True)
    for code, (lon, lat) in EXPECTED.items():
        distance = (
            AddressPoint.objects.filter(code=code)
            .annotate(d=GeographyDistance("geom", Point(lon, lat, srid=4326)))
            .values_list("d", flat=True)
            .get()
        )
        assert distance < TOLERANCE_M, (code, distance)


def test_the_rows_keep_their_address_parts_and_are_written_the_czech_way():
    import_addresses([REAL_CSV, SYNTHETIC_CSV], commit=True)
    prague = AddressPoint.objects.get(code=22296361)
    assert (prague.street, prague.house_number, prague.orientation_number) == (
        "U elektrárny",
        9,
        10,
    )
    assert prague.part_name == "Holešovice"
    assert prague.postcode == "17000"
    assert prague.valid_from.isoformat() == "2017-06-29"
    assert prague.label == "U elektrárny 9/10, Praha 7"
    assert AddressPoint.objects.get(code=8338752).label == "Trojanovice č.p. 2"
    assert AddressPoint.objects.get(code=99000101).label == "Nádražní 702/3, Lhotka nad Otavou"
    assert AddressPoint.objects.get(code=99000102).label == "Zahrádky č.p. 17, Lhotka nad Otavou"
    assert AddressPoint.objects.get(code=99000103).label == "Lhotka nad Otavou č.ev. 5"


def test_a_dry_run_counts_everything_and_writes_nothing():
    output = _command(str(REAL_CSV), str(SYNTHETIC_CSV))
    assert AddressPoint.objects.count() == 0
    counts = _counts(output)
    assert counts["rows"] == 8
    assert counts["without_position"] == 1
    assert counts["created"] == 7
    assert counts["files"] == 2


def test_a_second_import_updates_in_place_and_duplicates_nothing(tmp_path):
    first = _counts(_command(str(REAL_CSV), str(SYNTHETIC_CSV), "--commit"))
    assert first["created"] == 7
    assert AddressPoint.objects.count() == 7
    again = _counts(_command(str(REAL_CSV), str(SYNTHETIC_CSV), "--commit"))
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 7)
    # The next month's file: one address renumbered.
    changed = tmp_path / "changed.csv"
    changed.write_bytes(REAL_CSV.read_bytes().replace(b";9;10;", b";9;12;"))
    third = _counts(_command(str(changed), "--commit"))
    assert (third["created"], third["updated"], third["unchanged"]) == (0, 1, 2)
    assert AddressPoint.objects.count() == 7
    assert AddressPoint.objects.get(code=22296361).label == "U elektrárny 9/12, Praha 7"


def test_the_official_zip_of_csv_files_is_read_member_by_member(tmp_path):
    archive = tmp_path / "20260131_OB_ADR_csv.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip_file:
        zip_file.write(REAL_CSV, "CSV/20260131_OB_599999_ADR.csv")
        zip_file.write(SYNTHETIC_CSV, "CSV/20260131_OB_999001_ADR.csv")
    counts = _counts(_command(str(archive), "--commit"))
    assert counts["files"] == 2
    assert counts["created"] == 7
    assert AddressPoint.objects.count() == 7


def test_it_imports_only_the_municipalities_asked_for():
    counts = _counts(_command(str(REAL_CSV), "--municipality", "599999", "--commit"))
    assert counts["other_municipalities"] == 1
    assert set(AddressPoint.objects.values_list("code", flat=True)) == {8338752, 8338761}


def _bad_files(tmp_path):
    real = REAL_CSV.read_bytes()
    text = real.decode("cp1250")
    cases = {
        "utf8.csv": text.encode("utf-8"),
        "other_header.csv": real.replace("Kód ADM".encode("cp1250"), b"Kod"),
        "not_csv.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "geojson.csv": b'{"type": "FeatureCollection", "features": []}',
        "bad_number.csv": real.replace(b";2;;;74401;", b";dva;;;74401;"),
        "short_row.csv": real + b"123;599999;Trojanovice\r\n",
        "swapped_coordinates.csv": real.replace(b"479862.17;1133960.17", b"1133960.17;479862.17"),
        "bad_zip.zip": b"PK\x03\x04" + b"\x00" * 40,
    }
    # Valid header, then a byte windows-1250 does not define (0x98) further down.
    cases["undefined_byte.csv"] = real + "5;599999;Trojanovice;".encode("cp1250") + b"\x98\r\n"
    paths = {}
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths[name] = path
    empty_zip = tmp_path / "no_csv.zip"
    with zipfile.ZipFile(empty_zip, "w") as zip_file:
        zip_file.writestr("readme.txt", "nothing here")
    paths["no_csv.zip"] = empty_zip
    return paths


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("utf8.csv", "UTF-8"),
        ("other_header.csv", "first line must be the header"),
        ("not_csv.png", "first line must be the header"),
        ("geojson.csv", "first line must be the header"),
        ("bad_number.csv", "line 2: “dva” in the column “Číslo domovní” is not a whole number"),
        ("short_row.csv", "line 5: the row has 3 columns instead of 19"),
        ("swapped_coordinates.csv", "outside the Czech Republic"),
        ("bad_zip.zip", "damaged ZIP file"),
        ("undefined_byte.csv", "not windows-1250"),
        ("no_csv.zip", "contains no CSV files"),
    ],
)
def test_a_wrong_file_gets_a_clear_error_and_nothing_is_imported(tmp_path, english, name, message):
    path = _bad_files(tmp_path)[name]
    # The good file first: a bad second file must undo the first one's rows too.
    with pytest.raises(CommandError) as raised:
        _command(str(REAL_CSV), str(path), "--commit")
    assert message in str(raised.value)
    assert name in str(raised.value)
    assert "Nothing was imported" in str(raised.value)
    assert AddressPoint.objects.count() == 0


def test_a_missing_file_is_named_before_anything_is_read(english):
    with pytest.raises(RuianFileError, match="does not exist"):
        import_addresses([REAL_CSV, "no/such/file.csv"], commit=True)
    assert AddressPoint.objects.count() == 0


def test_the_errors_speak_czech_by_default(tmp_path):
    path = _bad_files(tmp_path)["other_header.csv"]
    with pytest.raises(CommandError, match="adresních míst RÚIAN"):
        _command(str(path))


def test_the_admin_lists_and_searches_address_points_but_edits_none(admin_client, ruian_points):
    page = admin_client.get("/admin/mapping/addresspoint/", {"q": "elektrarny"})
    assert page.status_code == 200
    assert "U elektrárny 9/10, Praha 7" in page.content.decode()
    page = admin_client.get("/admin/mapping/addresspoint/", {"q": "Trojanovice"})
    assert "Trojanovice č.p. 3" in page.content.decode()
    assert admin_client.get("/admin/mapping/addresspoint/add/").status_code == 403
    detail = admin_client.get("/admin/mapping/addresspoint/22296361/change/")
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
