"""The import_catalogue command: dry run by default, --commit writes, errors by row."""

import io

import pytest
from django.core.management import CommandError, call_command

from mapping.models import Service
from tests.catalogue.conftest import DEMO_CSV, PRIBOR_JSON

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("import_catalogue", *args, stdout=out)
    return out.getvalue()


def test_it_dry_runs_by_default_and_prints_each_row_with_its_reason(demo_town):
    output = _run(str(DEMO_CSV))
    assert Service.objects.count() == 0
    assert "nothing written" in output
    assert "   66  rejected" in output
    assert "12345678" in output
    assert "Zahradní 999" in output


def test_it_writes_with_commit_and_recognises_the_pribor_json(db):
    output = _run(str(PRIBOR_JSON), "--commit")
    assert "rejected 0" in output
    assert Service.objects.filter(source="pribor").count() > 90


def test_a_missing_file_is_a_clear_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
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
    assert "rejected 0" in output
    assert Service.objects.get(registry_id="9990014").service_type == "s54"
