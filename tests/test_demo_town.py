"""The demo town loads by a command that dry-runs by default and never duplicates; its street
network never replaces one a coordinator imported."""

import json

import pytest
from django.apps import apps
from django.core.management import call_command

from mapping.demo.loader import DEMO_FILE
from mapping.models import Assessment, Municipality, NetworkEdge, Place
from mapping.routing.osm_import import import_network
from tests.routing.conftest import OSM

pytestmark = pytest.mark.django_db

DEMO = json.loads(DEMO_FILE.read_text(encoding="utf-8"))


# What the demo writes, by model name.
DEMO_MODELS = (
    "Municipality",
    "Place",
    "Entrance",
    "Assessment",
    "Provider",
    "Service",
    "NetworkNode",
    "NetworkEdge",
)
SHOWCASE_MODELS = ("Photo", "Report")


def counts() -> dict[str, int]:
    return {
        name: apps.get_model("mapping", name).objects.count()
        for name in DEMO_MODELS + SHOWCASE_MODELS
    }


def test_the_dry_run_writes_nothing(capsys):
    call_command("load_demo")
    assert set(counts().values()) == {0}
    # Commands speak the site's default language, Czech.
    assert "Zkušební běh: nic nebylo zapsáno" in capsys.readouterr().out


def test_commit_writes_the_places_once_even_when_run_twice():
    call_command("load_demo", "--commit")
    first = counts()
    call_command("load_demo", "--commit")
    assert counts() == first
    places = len(DEMO["places"]) + sum(len(t["places"]) for t in DEMO["more_municipalities"])
    assert first["Place"] == first["Assessment"] == places
    assert first["Provider"] == len(DEMO["providers"])
    assert Place.objects.filter(is_demo=True).count() == first["Place"]
    # The demo network: every way of the file, split where ways meet, with the ids negated.
    assert first["NetworkEdge"] >= len(DEMO["network"]["ways"])
    assert not NetworkEdge.objects.filter(osm_way_id__gte=0).exists()


def test_the_demo_network_never_replaces_an_imported_one(capsys):
    import_network(OSM / "krems.osm.gz", commit=True)
    imported = sorted(NetworkEdge.objects.values_list("id", "osm_way_id"))
    call_command("load_demo", "--commit")
    assert sorted(NetworkEdge.objects.values_list("id", "osm_way_id")) == imported
    assert "síť ulic importovaná z OpenStreetMap zůstává" in capsys.readouterr().out
    assert Place.objects.filter(source_id="radnice").exists()


def test_the_demo_network_reaches_every_demo_entrance():
    """Each entrance (and each place without one) is a vertex of the network or lies beside
    one, so that a route ends at the door, not at the nearest corner of a long street."""
    from django.db import connection

    call_command("load_demo", "--commit")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.source_id, min(ST_Distance(n.geom::geography, coalesce(e.location, "
            "p.location)::geography)) FROM mapping_place p "
            "LEFT JOIN mapping_entrance e ON e.place_id = p.id "
            "CROSS JOIN mapping_networknode n WHERE p.source_id = ANY(%s) "
            "GROUP BY p.source_id, e.id",
            [[item["id"] for item in DEMO["places"]]],  # the network covers Písek, not Putim
        )
        far = {name: round(metres) for name, metres in cursor.fetchall() if metres > 15}
    assert far == {}


def test_every_demo_place_lies_in_its_demo_municipality_and_is_published():
    call_command("load_demo", "--commit")
    towns = [DEMO["municipality"], *DEMO["more_municipalities"]]
    for town in towns:
        places = town.get("places", DEMO["places"])
        assert set(
            Place.objects.filter(source_id__in=[item["id"] for item in places]).values_list(
                "municipality__code", flat=True
            )
        ) == {town["code"]}
    assert Municipality.objects.filter(is_demo=True).count() == len(towns) == 2
    assert Assessment.objects.filter(status="approved").count() == Place.objects.count()


def test_the_demo_categories_are_computed_by_the_engine_from_the_measurements():
    from mapping.categorisation import categorise

    call_command("load_demo", "--commit")
    for assessment in Assessment.objects.all():
        result = categorise(assessment.answers)
        assert [assessment.wheelchair, assessment.seniors, assessment.pram] == [
            result.categories[profile] for profile in ("wheelchair", "seniors", "pram")
        ]
        assert assessment.result == result.to_dict()
        assert assessment.methodology_version == result.version
    flagged = Assessment.objects.filter(disagrees_with_declared=True)
    assert [a.place.source_id for a in flagged] == ["most"]
