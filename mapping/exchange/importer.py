"""The import core: exchange objects into places and assessments.

One core for the command line and any admin upload. It
- writes nothing unless `commit=True`: a dry run does the same work in a transaction that is
  rolled back, so its report is exactly what a real run would do;
- is idempotent: places and assessments are keyed by (source, object id), and an object that
  has not changed since the last run is reported "unchanged" and not touched; this map's own
  places, exported with its source id (mapping/exchange/own_places.py), are recognised as
  themselves, so that export -> import -> export changes and duplicates nothing;
- puts each object in its own savepoint, so one bad object does not abort the rest;
- skips, with the reason, what is invalid, has no id or position, or lies outside `extent`.

Categorisation is ONE call, `evaluate(answers)`: mapping.categorisation.categorise (the engine under
the deployment's methodology version) unless a test injects a double of the engine's Result
(`categories`, `has_accessible_toilet`, `version`, `to_dict()` with the toilets' `wc`).

Imported assessments are approved (published): the source is a certified one. Where a declared
category differs from the computed one, both are kept and the assessment is flagged
(disagrees_with_declared) for a coordinator (the admin's list filter shows them).
"""

from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass, field
from typing import Any

from django.contrib.gis.db.models import Union
from django.contrib.gis.geos import Point, Polygon
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mapping.categorisation import assessment_columns, categorise
from mapping.exchange.mbb_format import ParsedObject
from mapping.exchange.own_places import exports_as, own_place
from mapping.exchange.places import (
    declared_categories,
    disagreements,
    place_fields,
    survey_date,
)
from mapping.models import Assessment, AssessmentEvent, Municipality, Place, ReviewStatus
from mapping.progress import IMPORT, Progress

Evaluate = Callable[[dict[str, Any]], Any]
ACTIONS = ("created", "updated", "unchanged", "skipped")


@dataclass
class Outcome:
    index: int
    title: str
    action: str
    reason: str = ""
    disagrees: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    source: str
    committed: bool
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def flagged(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.disagrees and o.action != "skipped"]

    def summary(self) -> str:
        return _(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(skipped)s skipped, %(flagged)s disagree with their declared category"
        ) % {
            "created": self.count("created"),
            "updated": self.count("updated"),
            "unchanged": self.count("unchanged"),
            "skipped": self.count("skipped"),
            "flagged": len(self.flagged),
        }


def municipalities_area() -> Polygon | None:
    """The union of this deployment's municipalities (an import's `extent`), None without any."""
    area: Polygon | None = Municipality.objects.aggregate(area=Union("geom"))["area"]
    return area


def _skip_reason(obj: ParsedObject, extent: Polygon | None, seen: dict[str, int]) -> str:
    if obj.errors:
        shown = "; ".join(f"{e.field or '-'}: {e.message}" for e in obj.errors[:5])
        more = len(obj.errors) - 5
        if more > 0:
            shown += " " + _("(and %(n)s more)") % {"n": more}
        return _("invalid object: %(errors)s") % {"errors": shown}
    data = obj.data
    if data.get("objectId") is None:
        return _("it has no objectId, so a later import could not find it again")
    key = str(data["objectId"])
    if key in seen:
        return _("the same objectId as object %(index)s") % {"index": seen[key]}
    if not isinstance(data.get("longitude"), int | float) or not isinstance(
        data.get("latitude"), int | float
    ):
        return _("it has no position (latitude and longitude)")
    if not (-180 <= data["longitude"] <= 180 and -90 <= data["latitude"] <= 90):
        return _("its position is outside the valid range of latitude and longitude")
    if extent is not None and not extent.intersects(place_fields(data)["location"]):
        return _("it lies outside the area of this map")
    return ""


def _event(assessment: Assessment, from_status: str, comment: str) -> None:
    AssessmentEvent.objects.create(
        assessment=assessment,
        from_status=from_status,
        to_status=assessment.status,
        comment=comment,
        answers=assessment.answers,
    )


def _upsert(
    obj: ParsedObject, source: str, evaluate: Evaluate, status: str, declares: bool
) -> tuple[str, list[str]]:
    data = obj.data
    key = str(data["objectId"])
    own = own_place(data)
    if own is not None and exports_as(own, data):
        return "unchanged", []
    p_fields = {**place_fields(data), **obj.place_overrides}
    declared = declared_categories(data) if declares else {}
    a_fields = {
        "answers": data,
        "survey_date": survey_date(data),
        "declared": declared,
        **assessment_columns(evaluate(data)),
    }
    computed_wc = list(a_fields["result"].get("wc", []))
    disagree = disagreements(declared, a_fields, computed_wc)
    a_fields["disagrees_with_declared"] = bool(disagree)

    assessment = None
    if own is None:
        assessment = Assessment.objects.filter(source=source, source_id=key).first()
    place = assessment.place if assessment else own
    if place is None:
        place = Place.objects.filter(source=source, source_id=key).first()
    changed: list[str] = []
    if place is None:
        place = Place(source=source, source_id=key, **p_fields)
        place.municipality = Municipality.at(place.location)
        place.save()
    else:
        changed = [k for k, v in p_fields.items() if not _equal(getattr(place, k), v)]
        if changed:
            for k in changed:
                setattr(place, k, p_fields[k])
            place.save()

    if assessment is None:
        now = timezone.now()
        approved = status == ReviewStatus.APPROVED
        if approved:
            for old in Assessment.objects.published().filter(place=place):
                old.status = ReviewStatus.SUPERSEDED
                old.save(update_fields=["status", "updated_at"])
                _event(old, ReviewStatus.APPROVED, _("Superseded by an imported assessment."))
        assessment = Assessment.objects.create(
            place=place,
            status=status,
            source=source,
            source_id=key,
            submitted_at=now,
            reviewed_at=now if approved else None,
            review_comment=_("Imported from %(source)s.") % {"source": source},
            **a_fields,
        )
        _event(assessment, "", assessment.review_comment)
        # A new assessment of one of this map's own places updates that place.
        return ("updated" if own is not None else "created"), disagree
    a_changed = [k for k, v in a_fields.items() if not _equal(getattr(assessment, k), v)]
    if not a_changed:
        return ("updated" if changed else "unchanged"), disagree
    for k in a_changed:
        setattr(assessment, k, a_fields[k])
    assessment.save()
    _event(
        assessment,
        assessment.status,
        _("Updated by an import from %(source)s.") % {"source": source},
    )
    return "updated", disagree


def _equal(a: object, b: object) -> bool:
    if isinstance(a, Point) and isinstance(b, Point):
        return bool(a.coords == b.coords)
    return a == b


def import_objects(
    objects: Iterable[ParsedObject],
    *,
    source: str,
    evaluate: Evaluate = categorise,
    commit: bool = False,
    extent: Polygon | None = None,
    progress: Progress | None = None,
    status: str = ReviewStatus.APPROVED,
    declares_categories: bool = True,
) -> ImportReport:
    """Import parsed exchange objects; see the module docstring.

    `progress` (mapping.progress) hears of every object.
    `status`: APPROVED for a certified source (the default), SUBMITTED to leave each new
    assessment to a coordinator. `declares_categories=False` for a source whose records carry
    no MKPO category of their own (VozejkMap): nothing is stored as declared, nothing flagged.
    """
    report = ImportReport(source=source, committed=commit)
    if status == ReviewStatus.APPROVED:
        report.notes.append(
            _("New assessments are approved (published) because %(source)s is a certified source.")
            % {"source": source}
        )
    else:
        report.notes.append(
            _("New assessments wait as submitted for a coordinator to review them.")
        )
    if declares_categories:
        report.notes.append(
            _(
                "Where the declared category differs from the one computed from the "
                "measurements, both are kept and the assessment is flagged for a coordinator."
            )
        )
    seen: dict[str, int] = {}
    total = len(objects) if isinstance(objects, Sized) else None
    with transaction.atomic():
        for n, obj in enumerate(objects, start=1):
            title = str(obj.data.get("title", "")) if obj.data else ""
            reason = _skip_reason(obj, extent, seen)
            if reason:
                report.outcomes.append(Outcome(obj.index, title, "skipped", reason))
            else:
                seen[str(obj.data["objectId"])] = obj.index
                try:
                    with transaction.atomic():
                        action, disagree = _upsert(
                            obj, source, evaluate, status, declares_categories
                        )
                    report.outcomes.append(Outcome(obj.index, title, action, "", disagree))
                except (DatabaseError, ValidationError, ValueError) as e:
                    report.outcomes.append(
                        Outcome(
                            obj.index,
                            title,
                            "skipped",
                            _("it could not be saved: %(error)s") % {"error": e},
                        )
                    )
            if progress is not None:
                progress(IMPORT, n, total)
        if not commit:
            transaction.set_rollback(True)
    return report
