"""The product's own Mapy bez bariér export imports back into the same map: export -> import ->
export of the demo town is identical, and no place is created twice (exchange/own_places.py).
"""

import json

import pytest

from mapping.demo.loader import load_demo
from mapping.exchange import mbb_format
from mapping.exchange.export import export
from mapping.exchange.importer import import_objects
from mapping.models import Assessment, Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_town():
    load_demo(commit=True)


def reimport(content: bytes, fmt: str, **options):
    objects = mbb_format.read(content, "json" if fmt == "mbb-json" else "xml")
    return import_objects(objects, source="mapybezbarier", commit=True, **options)


def table_counts() -> tuple[int, int]:
    return Place.objects.count(), Assessment.objects.count()


@pytest.mark.parametrize("fmt", ["mbb-json", "mbb-xml"])
def test_the_demo_town_exported_imported_and_exported_again_is_identical(demo_town, fmt):
    first = export(fmt)
    objects = json.loads(first.content)["object"] if fmt == "mbb-json" else None
    if objects is not None:
        assert first.count == len(objects) > 10
        assert all(o["objectId"] is not None and o["sourceId"] == 0 for o in objects)
    before = table_counts()
    report = reimport(first.content, fmt)
    assert report.count("unchanged") == first.count, report.summary()
    assert report.count("created") == report.count("skipped") == 0
    assert table_counts() == before
    assert export(fmt).content == first.content


def test_an_edited_object_updates_its_own_place_and_creates_nothing(demo_town):
    first = json.loads(export("mbb-json").content)
    edited = first["object"][0]
    edited["title"] = edited["title"] + " (po opravě)"
    places_before = Place.objects.count()
    report = reimport(json.dumps(first, ensure_ascii=False).encode(), "mbb-json")
    assert report.count("updated") == 1 and report.count("created") == 0, report.summary()
    assert Place.objects.count() == places_before
    place = Place.objects.get(pk=edited["objectId"])
    assert place.name.endswith("(po opravě)")
    # Imported again, the same file changes nothing more, and the place keeps its ids.
    again = reimport(json.dumps(first, ensure_ascii=False).encode(), "mbb-json")
    assert again.count("unchanged") == len(first["object"]), again.summary()
    exported = {o["objectId"]: o for o in json.loads(export("mbb-json").content)["object"]}
    assert exported[place.pk]["title"] == edited["title"]
    assert exported[place.pk]["sourceId"] == 0


def test_another_maps_file_with_our_source_id_does_not_overwrite_a_place_far_away(demo_town):
    first = json.loads(export("mbb-json").content)
    stranger = first["object"][0]
    stranger["title"] = "Cizí místo"
    stranger["latitude"] += 0.05  # about 5.5 km away: not the place with this id
    places_before = Place.objects.count()
    report = reimport(json.dumps(first, ensure_ascii=False).encode(), "mbb-json")
    assert report.count("created") == 1, report.summary()
    assert Place.objects.count() == places_before + 1
    assert Place.objects.get(pk=stranger["objectId"]).name != "Cizí místo"


def test_a_file_under_another_source_id_is_imported_as_new_places(demo_town, settings):
    exported = export("mbb-json")
    settings.MAPYBEZBARIER_SOURCE_ID = 41  # this map's number is now another than the file's
    report = reimport(exported.content, "mbb-json")
    assert report.count("created") == exported.count, report.summary()
    assert report.count("unchanged") == report.count("updated") == 0
