"""The import_catalogue command: dry run by default, --commit writes, errors by row."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from mapping.models import Service
from tests.catalogue.conftest import DEMO_CSV, PRIBOR_JSON

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("import_catalogue", *args, stdout=out)
    return out.getvalue()


def test_it_dry_runs_by_default_and_prints_each_row_with_its_reason_all_in_czech(demo_town):
    with translation.override("cs"):  # the deployment's language (LANGUAGE_CODE)
        output = _run(str(DEMO_CSV))
    assert Service.objects.count() == 0
    assert "Zkušební běh: nic nebylo zapsáno. Pro import přidejte --commit." in output
    assert "   66  zamítnuto   Spolek Slunečnice" in output
    assert "- IČO „12345678“ není platné: nesouhlasí kontrolní číslice." in output
    assert "\nAdresy k umístění na mapu: " in output
    assert "Zahradní 999, Lhotka nad Otavou (žádné místo na mapě nemá tuto adresu)" in output
    assert "Vytvořeno 64, změněno 0, beze změny 0, zamítnuto 3." in output
    for english in ("rejected", "created", "Addresses", "nothing", "written"):
        assert english not in output


def test_in_english_every_heading_and_reason_is_english(demo_town):
    with translation.override("en"):
        output = _run(str(DEMO_CSV))
    assert "   66  rejected    Spolek Slunečnice" in output
    assert "- IČO “12345678” is not valid: its check digit does not match." in output
    assert "\nAddresses to pin on the map: " in output
    assert "Zahradní 999, Lhotka nad Otavou (no place on the map has this address)" in output
    assert "Created 64, updated 0, unchanged 0, rejected 3." in output
    assert "Dry run: nothing was written. Add --commit to import." in output
    for czech in ("zamítnuto", "vytvořeno", "Adresy", "Zkušební", "není platné"):
        assert czech not in output


def test_it_writes_with_commit_and_recognises_the_pribor_json(db):
    output = _run(str(PRIBOR_JSON), "--commit")
    assert "rejected 0." in output and "Written to the catalogue" in output
    assert Service.objects.filter(source="pribor").count() > 90


def test_a_missing_file_is_a_clear_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="File not found"):
        _run(str(tmp_path / "missing.csv"))


def test_an_unknown_file_type_is_a_clear_command_error(db, tmp_path):
    path = tmp_path / "katalog.txt"
    path.write_text("x")
    with pytest.raises(CommandError, match=".csv, .xlsx or .json"):
        _run(str(path))


def test_rpss_code_lists_can_come_from_a_folder_of_mpsv_files(demo_town, tmp_path):
    import json

    from tests.catalogue.conftest import RPSS_JSON

    document = json.loads(RPSS_JSON.read_text(encoding="utf-8"))
    lists = document.pop("ciselniky")
    lists["DruhSocialniSluzby"]["polozky"].append(
        {"id": "DruhSocialniSluzby/77", "nazev": {"cs": "raná péče"}}
    )
    folder = tmp_path / "ciselniky"
    folder.mkdir()
    for name, body in lists.items():
        (folder / f"{name}.json").write_text(json.dumps(body), encoding="utf-8")
    bare = tmp_path / "rpss.json"
    bare.write_text(json.dumps(document), encoding="utf-8")
    output = _run(str(bare), "--codelists", str(folder), "--commit")
    assert "rejected 0." in output
    assert Service.objects.get(registry_id="9990014").service_type == "s54"
