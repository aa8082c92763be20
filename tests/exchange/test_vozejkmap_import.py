"""Importing VozejkMap GeoJSON points (our own records in its shape)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from mapping.exchange.importer import import_objects
from mapping.exchange.vozejkmap import read_geojson
from mapping.models import Assessment, Place, ReviewStatus
from tests.exchange.doubles import always
from tests.methodology.objects import UNDER_EACH_VERSION

pytestmark = pytest.mark.django_db
POINTS = Path(__file__).resolve().parents[1] / "fixtures" / "vozejkmap"


def _parsed():
    return read_geojson((POINTS / "points.geojson").read_bytes())


def test_each_point_becomes_a_valid_exchange_object_as_mapy_bez_barier_reads_it():
    parsed = _parsed()
    assert [p.is_valid for p in parsed] == [True] * 6 + [False]
    restaurant = parsed[0].data
    assert restaurant["objectId"] == 101 and restaurant["title"] == "Restaurace U Zlaté lodi"
    assert restaurant["objectType"] == "RestaurantObjectCategory"
    assert restaurant["accessibility"] == "AccessibleObjectMKPO"
    assert restaurant["entrance1Accessibility"] == "NoelevationEntranceAccessibility"
    assert restaurant["entrance1IsReservedParking"] is False
    assert (restaurant["longitude"], restaurant["latitude"]) == (14.1482, 49.3091)
    external = json.loads(restaurant["externalData"])
    assert external["author_name"] == "Jana" and external["attr1"]["title"] == "Bez schodů"


@pytest.mark.parametrize(
    ("index", "entrance", "items"),
    [
        (2, "RampEntranceAccessibility", {"rampskids": 1, "platform": 1}),
        (3, "RampEntranceAccessibility", {"rampskids": 1}),
        (4, "PlatformEntranceAccessibility", {"platform": 1, "elevator": 1}),
    ],
)
def test_attr1_gives_the_entrance_and_the_ramp_lift_or_platform_it_names(index, entrance, items):
    data = _parsed()[index].data
    assert data["entrance1Accessibility"] == entrance
    assert {k: len(data[k]) for k in ("rampskids", "platform", "elevator") if k in data} == items


def test_location_type_gives_our_kind_and_purposes():
    kinds = {p.data["objectId"]: p.place_overrides for p in _parsed() if p.is_valid}
    assert kinds[102] == {"kind": "parking", "purposes": ["transport"]}
    assert kinds[104] == {"kind": "toilet", "purposes": []}
    assert kinds[105]["kind"] == "transport_stop"


def test_the_import_leaves_the_assessments_for_review_and_declares_nothing():
    report = import_objects(
        _parsed(),
        source="vozejkmap",
        evaluate=always("accessible"),
        commit=True,
        status=ReviewStatus.SUBMITTED,
        declares_categories=False,
    )
    assert [o.action for o in report.outcomes] == ["created"] * 6 + ["skipped"]
    assert "Point" in report.outcomes[6].reason
    assert set(Assessment.objects.values_list("status", flat=True)) == {"submitted"}
    assert not Assessment.objects.filter(disagrees_with_declared=True).exists()
    assert all(d == {} for d in Assessment.objects.values_list("declared", flat=True))
    assert Place.objects.get(source_id="102").kind == "parking"


def test_the_command_is_idempotent_and_skips_points_outside_the_map():
    path = str(POINTS / "points.geojson")
    options = {"evaluate": always("partly"), "stdout": StringIO(), "stderr": StringIO()}
    args = ("import_vozejkmap", path, "--commit", "--bbox", "14.0,49.2,14.3,49.4")
    call_command(*args, **options)
    out = StringIO()
    call_command(*args, **{**options, "stdout": out})
    assert "0 created, 0 updated, 5 unchanged, 2 skipped" in out.getvalue()
    assert Place.objects.count() == 5


def test_the_command_can_publish_at_once():
    call_command(
        "import_vozejkmap",
        str(POINTS / "points.geojson"),
        "--commit",
        "--approve",
        evaluate=always("accessible"),
        stdout=StringIO(),
    )
    assert Assessment.objects.filter(status="approved").count() == 6


@pytest.mark.parametrize(("setting", "recorded", "_category"), UNDER_EACH_VERSION)
def test_without_a_test_double_the_command_categorises_under_the_towns_version(
    settings, setting, recorded, _category
):
    settings.METHODOLOGY_VERSION = setting
    call_command("import_vozejkmap", str(POINTS / "points.geojson"), "--commit", stdout=StringIO())
    versions = set(Assessment.objects.values_list("methodology_version", flat=True))
    assert versions == {recorded}
    assert {a.result["methodology_version"] for a in Assessment.objects.all()} == {recorded}
