"""Importing Mapy bez bariér objects: dry run, idempotence, savepoints, skips and flags."""

import json
from io import StringIO

import pytest
from django.contrib.gis.geos import MultiPolygon, Polygon
from django.core.management import CommandError, call_command

from mapping.exchange import mbb_format
from mapping.exchange.importer import import_objects
from mapping.models import Assessment, AssessmentEvent, Municipality, Place, ReviewStatus
from tests.exchange.conftest import FIXTURES
from tests.exchange.doubles import always, declared_evaluate
from tests.factories import make_assessment
from tests.methodology.objects import NARROW_RAMP, UNDER_EACH_VERSION

pytestmark = pytest.mark.django_db


def _import(data: bytes, fmt: str = "json", evaluate=declared_evaluate, **kwargs):
    kwargs.setdefault("commit", True)
    return import_objects(
        mbb_format.read(data, fmt), source="mapybezbarier", evaluate=evaluate, **kwargs
    )


def test_a_dry_run_reports_what_it_would_do_and_writes_nothing(mbb_bytes):
    report = _import(mbb_bytes, commit=False)
    assert [o.action for o in report.outcomes] == ["created"] * 3
    assert Place.objects.count() == 0 and Assessment.objects.count() == 0


def test_it_creates_places_and_approved_assessments_keyed_by_source_and_object_id(mbb_bytes):
    report = _import(mbb_bytes)
    assert report.count("created") == 3
    a = Assessment.objects.get(source="mapybezbarier", source_id="40211")
    assert a.status == ReviewStatus.APPROVED
    assert a.place.source_id == "40211" and a.place.name == "Městský úřad Písek – radnice"
    assert a.place.location.coords == (14.1476212, 49.3088401)
    assert (a.place.street, a.place.house_number, a.place.postcode) == (
        "Velké náměstí",
        "114/3a",
        "39701",
    )
    assert a.place.ruian_address_code == 22311262 and a.place.purposes == ["office"]
    assert a.survey_date.isoformat() == "2021-04-12"
    assert (a.wheelchair, a.seniors, a.pram, a.has_accessible_toilet) == (
        "accessible",
        "accessible",
        "accessible",
        True,
    )
    assert a.declared["wheelchair"] == "accessible" and a.declared["wc"] == ["accessible"]
    assert a.answers["entrance2Door2OpeningDirection"] == "SidesDoorOpeningDirection"
    assert AssessmentEvent.objects.filter(assessment=a, to_status="approved").count() == 1
    assert any("certified source" in n for n in report.notes)


def test_importing_the_same_file_again_changes_nothing(mbb_bytes):
    _import(mbb_bytes)
    before = list(Assessment.objects.values_list("id", "updated_at"))
    report = _import(mbb_bytes)
    assert [o.action for o in report.outcomes] == ["unchanged"] * 3
    assert list(Assessment.objects.values_list("id", "updated_at")) == before
    assert Place.objects.count() == 3


def test_a_changed_object_updates_its_place_and_assessment_in_place(mbb_document, mbb_bytes):
    _import(mbb_bytes)
    mbb_document["object"][1]["title"] = "Městská knihovna"
    mbb_document["object"][1]["entrance1Door1MainpanelWidth"] = 95
    report = _import(json.dumps(mbb_document).encode())
    assert [o.action for o in report.outcomes] == ["unchanged", "updated", "unchanged"]
    a = Assessment.objects.get(source_id="40212")
    assert a.place.name == "Městská knihovna"
    assert a.answers["entrance1Door1MainpanelWidth"] == 95
    assert Assessment.objects.count() == 3


def test_one_bad_object_is_skipped_with_its_reason_and_the_others_import(mbb_document):
    mbb_document["object"][1]["entrance1Door1MainpanelWidth"] = 4000
    report = _import(json.dumps(mbb_document).encode())
    assert [o.action for o in report.outcomes] == ["created", "skipped", "created"]
    assert "entrance1Door1MainpanelWidth" in report.outcomes[1].reason
    assert not Place.objects.filter(source_id="40212").exists()


def test_objects_without_id_or_position_or_twice_in_the_file_are_skipped(mbb_document):
    objects = mbb_document["object"]
    del objects[0]["objectId"]
    del objects[1]["latitude"]
    objects[2]["objectId"] = 40212
    objects.append(dict(objects[2]))
    report = _import(json.dumps(mbb_document).encode())
    actions = [(o.action, o.reason.split(" ")[0:3]) for o in report.outcomes]
    assert [a for a, _ in actions] == ["skipped", "skipped", "created", "skipped"]
    assert "objectId" in report.outcomes[0].reason
    assert "position" in report.outcomes[1].reason
    assert "object 2" in report.outcomes[3].reason


def test_objects_outside_the_area_of_the_map_are_skipped(mbb_bytes):
    around_the_town_hall = Polygon.from_bbox((14.147, 49.308, 14.148, 49.309))
    report = _import(mbb_bytes, extent=around_the_town_hall)
    assert [o.action for o in report.outcomes] == ["created", "skipped", "skipped"]
    assert "outside" in report.outcomes[1].reason


def test_a_declared_category_that_the_measurements_contradict_is_kept_and_flagged(mbb_bytes):
    report = _import(mbb_bytes, evaluate=always("partly"))
    flagged = {o.index: o.disagrees for o in report.flagged}
    assert flagged == {
        0: ["wheelchair", "seniors", "pram", "wc[0]"],
        2: ["wheelchair", "seniors", "pram", "wc[0]"],
    }
    a = Assessment.objects.get(source_id="40211")
    assert a.disagrees_with_declared and a.wheelchair == "partly"
    assert a.declared["wheelchair"] == "accessible"
    b = Assessment.objects.get(source_id="40212")
    assert not b.disagrees_with_declared


def test_an_import_supersedes_a_local_approved_assessment_of_the_same_place(mbb_bytes):
    _import(mbb_bytes)
    place = Place.objects.get(source_id="40211")
    imported = place.assessments.get()
    imported.delete()
    local = make_assessment(place)
    _import(mbb_bytes)
    local.refresh_from_db()
    assert local.status == ReviewStatus.SUPERSEDED
    assert place.assessments.get(status=ReviewStatus.APPROVED).source_id == "40211"


def test_the_place_gets_the_municipality_it_lies_in(mbb_bytes):
    town = Municipality.objects.create(
        name="Písek",
        code="549240",
        geom=MultiPolygon(Polygon.from_bbox((14.1, 49.28, 14.2, 49.33)), srid=4326),
    )
    _import(mbb_bytes)
    assert Place.objects.filter(municipality=town).count() == 3


def test_it_imports_xml(tmp_path):
    report = _import((FIXTURES / "objects.xml").read_bytes(), fmt="xml")
    assert report.count("created") == 2
    a = Assessment.objects.get(source_id="50001")
    assert (a.wheelchair, a.pram) == ("partly", "accessible")
    assert a.place.house_number == "7" and a.place.kind == "building"


def test_the_command_is_a_dry_run_unless_told_to_commit(tmp_path, mbb_bytes):
    path = tmp_path / "objekty.json"
    path.write_bytes(mbb_bytes)
    out = StringIO()
    call_command("import_mapybezbarier", str(path), evaluate=declared_evaluate, stdout=out)
    assert "3 created" in out.getvalue() and "--commit" in out.getvalue()
    assert Place.objects.count() == 0
    call_command(
        "import_mapybezbarier", str(path), "--commit", evaluate=declared_evaluate, stdout=out
    )
    assert Place.objects.count() == 3


def test_the_command_reads_xml_and_honours_a_bbox(tmp_path):
    out = StringIO()
    call_command(
        "import_mapybezbarier",
        str(FIXTURES / "objects.xml"),
        "--commit",
        "--bbox",
        "14.15,49.30,14.16,49.31",
        evaluate=declared_evaluate,
        stdout=out,
    )
    assert list(Place.objects.values_list("source_id", flat=True)) == ["50001"]
    assert "1 created" in out.getvalue() and "1 skipped" in out.getvalue()


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"{oops", [], "not valid JSON"),
        (b"{}", ["--bbox", "1,2,3"], "--bbox"),
        (b"{}", ["--within-municipalities"], "no municipalities"),
    ],
)
def test_the_command_explains_a_bad_file_or_option(tmp_path, content, args, message):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_mapybezbarier", str(path), *args, evaluate=declared_evaluate)


@pytest.mark.parametrize(("setting", "recorded", "category"), UNDER_EACH_VERSION)
def test_without_a_test_double_the_command_categorises_under_the_towns_version(
    tmp_path, settings, setting, recorded, category
):
    settings.METHODOLOGY_VERSION = setting
    path = tmp_path / "objekty.json"
    narrow = dict(NARROW_RAMP, objectId=40299, latitude=49.3088, longitude=14.1475)
    path.write_text(json.dumps({"object": [narrow]}), encoding="utf-8")
    out = StringIO()
    call_command("import_mapybezbarier", str(path), "--commit", stdout=out)
    assert "1 created" in out.getvalue()
    a = Assessment.objects.get(source_id="40299")
    assert (a.methodology_version, a.wheelchair, a.result["methodology_version"]) == (
        recorded,
        category,
        recorded,
    )


def test_within_municipalities_keeps_what_lies_in_the_towns_of_the_map(tmp_path):
    Municipality.objects.create(
        name="Písek",
        code="549240",
        geom=MultiPolygon(Polygon.from_bbox((14.14, 49.30, 14.15, 49.31)), srid=4326),
    )
    out = StringIO()
    call_command(
        "import_mapybezbarier",
        str(FIXTURES / "objects.xml"),
        "--within-municipalities",
        evaluate=declared_evaluate,
        stdout=out,
    )
    assert "1 created" in out.getvalue() and "1 skipped" in out.getvalue()
