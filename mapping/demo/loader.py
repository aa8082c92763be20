"""Loads the demo town (mapping/demo/pisek.json) into the database, idempotently.

Every record is keyed by source="demo" and its id in the file, so a second load updates what is
there and creates nothing new. A dry run does the same work inside a transaction and rolls it back.
The pedestrian network for routes replaces the previous demo network, never an imported one
(mapping/demo/network.py).
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from django.contrib.gis.geos import MultiPolygon, Point, Polygon
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone

from mapping.categorisation import assessment_columns, categorise
from mapping.demo import drawings
from mapping.demo.network import load_demo_network
from mapping.models import (
    Assessment,
    Entrance,
    Municipality,
    Photo,
    Place,
    PrivacyStatus,
    Provider,
    Report,
    ReportStatus,
    ReviewStatus,
    Service,
)

DEMO_FILE = Path(__file__).with_name("pisek.json")
SOURCE = "demo"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def count(self, model_name: str, created: bool) -> None:
        bucket = self.created if created else self.updated
        bucket[model_name] = bucket.get(model_name, 0) + 1

    def lines(self) -> list[str]:
        names = sorted(set(self.created) | set(self.updated))
        return [
            f"{name}: {self.created.get(name, 0)} created, {self.updated.get(name, 0)} updated"
            for name in names
        ] + self.notes


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that nothing is kept."""


def _point(pair: list[float]) -> Point:
    return Point(pair[0], pair[1], srid=4326)


def load_demo(commit: bool, path: Path = DEMO_FILE) -> LoadReport:
    data = json.loads(path.read_text(encoding="utf-8"))
    report = LoadReport()
    try:
        with transaction.atomic():
            _load(data, report)
            if not commit:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _load(data: dict, report: LoadReport) -> None:
    municipality = _load_municipality(data["municipality"], report)

    places = {item["id"]: _load_place(item, report) for item in data["places"]}
    _place_in(municipality)

    for item in data["providers"]:
        _load_provider(item, places, municipality, report)

    places.update(_load_more_municipalities(data.get("more_municipalities", []), report))
    _load_photos(data.get("photos", []), places, report)
    _load_reports(data.get("reports", []), places, report)

    _edges, note = load_demo_network(data["network"])
    report.notes.append(note)


def _load_place(item: dict, report: LoadReport) -> Place:
    place, created = Place.objects.update_or_create(
        source=SOURCE,
        source_id=item["id"],
        defaults={
            "name": item["name"],
            "kind": item["kind"],
            "purposes": item["purposes"],
            "street": item["street"],
            "house_number": item["house_number"],
            "city": item["city"],
            "postcode": item["postcode"],
            "location": _point(item["location"]),
            "is_demo": True,
        },
    )
    report.count("places", created)
    for entrance in item["entrances"]:
        _, created = Entrance.objects.update_or_create(
            place=place,
            number=entrance["number"],
            defaults={
                "label": entrance["label"],
                "location": _point(entrance["location"]),
                "is_main": entrance["is_main"],
            },
        )
        report.count("entrances", created)
    _load_assessment(place, item, report)
    return place


def _place_in(municipality: Municipality) -> None:
    """Which municipality each demo place lies in is a spatial fact: let PostGIS answer it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE mapping_place p SET municipality_id = m.id FROM mapping_municipality m "
            "WHERE m.id = %s AND p.source = %s AND ST_Covers(m.geom, p.location)",
            [municipality.id, SOURCE],
        )


def _load_municipality(town: dict, report: LoadReport) -> Municipality:
    municipality, created = Municipality.objects.update_or_create(
        code=town["code"],
        defaults={
            "name": town["name"],
            "geom": MultiPolygon(Polygon(town["boundary"], srid=4326), srid=4326),
            "is_demo": True,
        },
    )
    report.count("municipalities", created)
    return municipality


def _load_assessment(place: Place, item: dict, report: LoadReport) -> None:
    """The demo survey, categorised by the engine like any other; the file's own categories are
    kept as declared, and a disagreement is flagged as for an imported certified object."""
    survey = item["assessment"]
    declared = survey["declared"]
    answers = survey["answers"]
    computed = assessment_columns(categorise(answers))
    _, created = Assessment.objects.update_or_create(
        source=SOURCE,
        source_id=item["id"],
        defaults={
            "place": place,
            "survey_date": date.fromisoformat(survey["survey_date"]),
            "surveyor_name": survey["surveyor_name"],
            "survey_kind": "public_space" if item["kind"] == "public_space" else "building",
            "answers": answers,
            "declared": declared,
            **computed,
            "disagrees_with_declared": any(
                declared[profile] != computed[profile] for profile in declared
            ),
            "status": ReviewStatus.APPROVED,
            "is_demo": True,
        },
    )
    report.count("assessments", created)


def _load_provider(
    item: dict, places: dict[str, Place], municipality: Municipality, report: LoadReport
) -> None:
    provider, created = Provider.objects.update_or_create(
        source=SOURCE,
        source_id=item["id"],
        defaults={
            "name": item["name"],
            "ico": item.get("ico", ""),
            "legal_form": item.get("legal_form", ""),
            "email": item.get("email", ""),
            "phone": item.get("phone", ""),
            "website": item.get("website", ""),
            "address": item.get("address", ""),
            "is_demo": True,
        },
    )
    report.count("providers", created)
    for entry in item["services"]:
        service, created = Service.objects.update_or_create(
            source=SOURCE,
            source_id=entry["id"],
            defaults={
                "provider": provider,
                "registry_id": entry.get("registry_id", ""),
                "name": entry["name"],
                "service_type": entry["type"],
                "forms": entry["forms"],
                "target_groups": entry["target_groups"],
                "capacity": entry.get("capacity", ""),
                "opening_hours": entry.get("opening_hours", ""),
                "is_demo": True,
            },
        )
        service.places.set([places[key] for key in entry["places"]])
        service.area_served.set([municipality])
        report.count("services", created)


def _load_more_municipalities(towns: list[dict], report: LoadReport) -> dict[str, Place]:
    """Other demo municipalities and their places (a choice for the municipality filter)."""
    places: dict[str, Place] = {}
    for town in towns:
        municipality = _load_municipality(town, report)
        for item in town["places"]:
            places[item["id"]] = _load_place(item, report)
        _place_in(municipality)
    return places


def _load_photos(items: list[dict], places: dict[str, Place], report: LoadReport) -> None:
    """Photos of the demo places: drawings made by the project (mapping/demo/drawings.py), with
    their credit. Nobody is in them, so they skip the photo pipeline; their files are written
    once the load is committed (a dry run writes none)."""
    for item in items:
        assessment = Assessment.objects.get(source=SOURCE, source_id=item["place"])
        name = f"demo-{item['place']}-{item['position']}.jpg"
        display, thumbnail, (width, height) = drawings.render(item["drawing"])
        _, created = Photo.objects.update_or_create(
            assessment=assessment,
            position=item["position"],
            defaults={
                "image": f"photos/display/{name}",
                "thumbnail": f"photos/thumb/{name}",
                "width": width,
                "height": height,
                "alt_text": item["alt_text"],
                "credit": item["credit"],
                "subject": item["subject"],
                "is_hidden": False,
                # Drawings with nobody in them, made here: nothing for the privacy check to find,
                # so they are public as loaded (mapping/photo_privacy.py checks real photos).
                "privacy_status": PrivacyStatus.DONE,
                "privacy_detector": "demo-drawing",
                "privacy_checked_at": timezone.now(),
            },
        )
        report.count("photos", created)
        transaction.on_commit(partial(_write_photo_files, name, display, thumbnail))


def _write_photo_files(name: str, display: bytes, thumbnail: bytes) -> None:
    for folder, data in (("photos/display", display), ("photos/thumb", thumbnail)):
        path = f"{folder}/{name}"
        if default_storage.exists(path):
            default_storage.delete(path)
        default_storage.save(path, ContentFile(data))


def _load_reports(items: list[dict], places: dict[str, Place], report: LoadReport) -> None:
    """Published reports from the public, known by their fixed references. A temporary
    barrier's dates count from the day of the load, so that it is current whenever it is."""
    today = timezone.localdate()
    for item in items:
        days_from, days_until = item.get("valid_from_days"), item.get("valid_until_days")
        _, created = Report.objects.update_or_create(
            reference=item["reference"],
            defaults={
                "kind": item["kind"],
                "place": places.get(item.get("place", "")),
                "location": _point(item["location"]),
                "text": item["text"],
                "valid_from": None if days_from is None else today + timedelta(days=days_from),
                "valid_until": None if days_until is None else today + timedelta(days=days_until),
                "status": ReportStatus.PUBLISHED,
                "moderated_at": timezone.now(),
            },
        )
        report.count("reports", created)
