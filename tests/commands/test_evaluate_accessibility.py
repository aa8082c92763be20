"""`manage.py evaluate_accessibility FILE`: one JSON line per object of an exchange file."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from tests.methodology.objects import NARROW_RAMP, UNDER_EACH_VERSION

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/mapybezbarier"
SCHEMA = ROOT / "mapping/exchange/schemas/mapybezbarier/schema.jsonschema"
KEYS = ["index", "title", "wheelchair", "seniors", "pram", "wc", "missing", "reasons"]


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English, whatever the deployment's language."""
    with translation.override("en"):
        yield


def run(path: Path, *args) -> list[dict]:
    out = StringIO()
    call_command("evaluate_accessibility", str(path), *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_the_test_objects_are_valid_against_the_exchange_schema():
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft3Validator.check_schema(schema)

    jsonschema.Draft3Validator(schema).validate(json.loads((FIXTURES / "objects.json").read_text()))


def test_the_schema_rejects_the_malformed_objects_as_the_command_does():
    schema = json.loads(SCHEMA.read_text())
    document = json.loads((FIXTURES / "malformed.json").read_text())

    errors = jsonschema.Draft3Validator(schema).iter_errors(document)

    assert sorted(tuple(e.absolute_path) for e in errors) == [
        ("object", 1, "entrance1Door1MainpanelWidth"),
        ("object", 2, "entrance1Accessibility"),
    ]


def test_the_every_field_object_fills_in_every_property_of_the_standard():
    schema = json.loads(SCHEMA.read_text())["properties"]["object"]["items"]["properties"]
    every = json.loads((FIXTURES / "objects.json").read_text())["object"][0]

    assert set(every) == set(schema)
    for part in ("rampskids", "platform", "elevator", "wc"):
        assert set(every[part][0]) == set(schema[part]["items"]["properties"]), part


def test_it_prints_one_line_per_object_with_the_categories_of_each_profile():
    lines = run(FIXTURES / "objects.json")

    assert [list(line) for line in lines] == [KEYS] * 4
    assert [(line["index"], line["wheelchair"], line["seniors"], line["pram"], line["wc"])
            for line in lines] == [
        (0, "accessible", "accessible", "accessible", ["accessible"]),
        # one step: partly for everyone
        (1, "partly", "partly", "partly", []),
        # three steps and an ordinary toilet
        (2, "inaccessible", "inaccessible", "inaccessible", ["inaccessible"]),
        # a platform lift serves wheelchairs and prams, not the seniors' rule; a WC II cabin
        (3, "partly", "inaccessible", "partly", ["partly"]),
    ]  # fmt: skip
    assert lines[1]["title"] == "Městská knihovna"


def test_its_lines_carry_the_reasons_and_the_missing_measurements():
    cafe = run(FIXTURES / "objects.json")[2]

    assert "objectIsStairs" in cafe["missing"]
    entrance = [r for r in cafe["reasons"] if r["rule"] == "entrance"]
    assert [(r["profile"], r["level"]) for r in entrance] == [
        ("wheelchair", "accessible"),
        ("wheelchair", "partly"),
        ("seniors", "accessible"),
        ("seniors", "partly"),
        ("pram", "accessible"),
        ("pram", "partly"),
    ]
    assert all(r["cs"] and r["en"] for r in cafe["reasons"])


def test_it_applies_another_methodology_version_when_asked():
    lines = run(FIXTURES / "objects.json", "--methodology", "mkpo-12m-2026.1")

    assert [line["wheelchair"] for line in lines] == [
        "accessible",
        "partly",
        "inaccessible",
        "partly",
    ]


@pytest.mark.parametrize(("setting", "recorded", "category"), UNDER_EACH_VERSION)
def test_without_an_option_it_applies_the_towns_version(
    tmp_path, settings, setting, recorded, category
):
    settings.METHODOLOGY_VERSION = setting
    path = tmp_path / "objekty.json"
    path.write_text(json.dumps({"object": [NARROW_RAMP]}), encoding="utf-8")

    [line] = run(path)

    assert [line["wheelchair"], line["seniors"], line["pram"]] == [category] * 3
    ramp_reasons = [r for r in line["reasons"] if r["rule"] == "ramp_width"]
    assert bool(ramp_reasons) == (recorded == "mkpo-mbb-2026.1")


def test_a_malformed_file_fails_naming_the_object_index_and_the_field():
    with pytest.raises(CommandError) as error:
        run(FIXTURES / "malformed.json")

    message = str(error.value)
    assert "object[1].entrance1Door1MainpanelWidth" in message
    assert "object[2].entrance1Accessibility" in message
    assert "object[0]" not in message


def test_a_file_that_is_not_json_fails_with_its_line_and_column():
    with pytest.raises(CommandError, match=r"line 1, column 32"):
        run(FIXTURES / "broken.json")


def test_a_missing_file_fails_with_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="nowhere.json"):
        run(tmp_path / "nowhere.json")


def test_a_document_without_the_object_list_fails(tmp_path):
    path = tmp_path / "objects.json"
    path.write_text(json.dumps([{"title": "Pošta"}]))

    with pytest.raises(CommandError, match="'object'|„object“"):
        run(path)


def _manage(*args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "evaluate_accessibility", *args],
        cwd=ROOT,
        env={**os.environ, "SECRET_KEY": os.environ.get("SECRET_KEY", "tests-only")},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_it_runs_from_the_command_line_and_prints_json_lines():
    done = _manage(str(FIXTURES / "objects.json"))

    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["index"] for line in lines] == [0, 1, 2, 3]
    assert lines[3]["seniors"] == "inaccessible"


def test_from_the_command_line_a_malformed_file_exits_non_zero_naming_index_and_field():
    done = _manage(str(FIXTURES / "malformed.json"))

    assert done.returncode != 0
    assert done.stdout == ""
    assert "object[1].entrance1Door1MainpanelWidth" in done.stderr
