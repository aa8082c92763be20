"""The export core: published places (approved assessments only) in the open formats.

Every function takes the assessments to export (default: all approved ones) and returns the
document as bytes plus the places it had to leave out, each with the reason. A Mapy bez bariér
object that would not validate against both schemas is left out rather than written invalid.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from mapping.exchange import a11yjson, mbb_format, osm_tags
from mapping.exchange.places import exchange_object
from mapping.models import Assessment

FORMATS = ("mbb-json", "mbb-xml", "a11yjson", "osm-tags", "geojson")


@dataclass
class Export:
    content: bytes
    count: int
    left_out: list[tuple[int, str, str]] = field(default_factory=list)  # (place id, name, why)


def published() -> QuerySet[Assessment]:
    return (
        Assessment.objects.published().select_related("place").order_by("place__name", "place_id")
    )


def mapybezbarier_objects(
    assessments: Iterable[Assessment], categories: str = "computed"
) -> tuple[list[dict[str, Any]], list[tuple[int, str, str]]]:
    objects: list[dict[str, Any]] = []
    left_out: list[tuple[int, str, str]] = []
    for a in assessments:
        obj = exchange_object(a.place, a, categories)
        errors = mbb_format.check_object(obj, len(objects))
        if errors:
            why = "; ".join(f"{e.field or '-'}: {e.message}" for e in errors[:3])
            left_out.append((a.place_id, a.place.name, why))
        else:
            objects.append(obj)
    return objects, left_out


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def export(
    fmt: str, assessments: Iterable[Assessment] | None = None, categories: str = "computed"
) -> Export:
    """`fmt` is one of FORMATS; `categories` ("computed" | "declared") only for Mapy bez bariér."""
    if fmt not in FORMATS:
        raise ValueError(_("Unknown export format %(fmt)s") % {"fmt": fmt})
    rows = list(published() if assessments is None else assessments)
    if fmt in ("mbb-json", "mbb-xml"):
        objects, left_out = mapybezbarier_objects(rows, categories)
        if fmt == "mbb-json":
            content = mbb_format.write_json(objects).encode()
        else:
            content = mbb_format.write_xml(objects)
        return Export(content, len(objects), left_out)
    if fmt == "a11yjson":
        features = [a11yjson.place_info(a.place, a) for a in rows]
        return Export(_dumps({"type": "FeatureCollection", "features": features}), len(features))
    if fmt == "osm-tags":
        places = [
            {
                "id": a.place_id,
                "name": a.place.name,
                "osm_id": a.place.osm_id,
                "lon": a.place.location.x,
                "lat": a.place.location.y,
                **osm_tags.place_tags(a),
            }
            for a in rows
        ]
        return Export(_dumps(places), len(places))
    features = [geojson_feature(a) for a in rows]
    return Export(_dumps({"type": "FeatureCollection", "features": features}), len(features))


def geojson_feature(a: Assessment) -> dict[str, Any]:
    """RFC 7946 Feature: the place, its categories and the OSM tags it would carry."""
    place = a.place
    return {
        "type": "Feature",
        "id": place.pk,
        "geometry": {"type": "Point", "coordinates": [place.location.x, place.location.y]},
        "properties": {
            "name": place.name,
            "kind": place.kind,
            "purposes": list(place.purposes),
            "address": place.address,
            "wheelchair": a.wheelchair,
            "seniors": a.seniors,
            "pram": a.pram,
            "has_accessible_toilet": a.has_accessible_toilet,
            "survey_date": a.survey_date.isoformat(),
            "methodology_version": a.methodology_version,
            "osm_tags": osm_tags.place_tags(a)["tags"],
        },
    }
