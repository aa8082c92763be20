"""The legal-compliance view of the published places: the bridge from the pure decree rules
(`mapping/methodology/compliance.py`) to the models, for the coordinator's list and place page,
the barrier-removal plan and, where the town enables it, the public place page.

Computed from the published assessment's answers on each request, like the MKPO result is
rendered: nothing is stored, so a change of the rules applies at once. The decree applied is the
one in force on the survey date (`decrees.decree_for`) unless a version is asked for.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from mapping.methodology.compliance import Compliance, check
from mapping.methodology.decrees import DECREES, decree_for
from mapping.models import Assessment, Place, PlaceKind

# Parking places have rules of their own in the decree (the reserved space) that the survey
# does not measure; they are left out rather than shown as undecided buildings.
CHECKED_KINDS = (
    PlaceKind.BUILDING,
    PlaceKind.PUBLIC_SPACE,
    PlaceKind.TOILET,
    PlaceKind.TRANSPORT_STOP,
)


def decree_version(assessment: Assessment, version: str | None = None) -> str:
    """`version` when it names a decree rule set, else the one in force on the survey date."""
    if version in DECREES:
        return version  # type: ignore[return-value]
    return decree_for(assessment.survey_date).version


def assessment_compliance(assessment: Assessment, version: str | None = None) -> Compliance:
    answers = assessment.answers if isinstance(assessment.answers, dict) else {}
    return check(
        answers,
        decree_version(assessment, version),
        main_entrance=assessment.place.kind == PlaceKind.BUILDING,
    )


@dataclass
class PlaceCompliance:
    place: Place
    assessment: Assessment
    compliance: Compliance


def published_assessments(
    *,
    municipality: int | None = None,
    kind: str | None = None,
    purpose: str | None = None,
) -> QuerySet[Assessment]:
    """The published assessments of the places the decrees are checked on, narrowed."""
    qs = (
        Assessment.objects.published()
        .filter(place__kind__in=CHECKED_KINDS)
        .select_related("place", "place__municipality")
        .order_by("place__name", "place_id")
    )
    if municipality is not None:
        qs = qs.filter(place__municipality_id=municipality)
    if kind:
        qs = qs.filter(place__kind=kind)
    if purpose:
        qs = qs.filter(place__purposes__contains=[purpose])
    return qs


def compliance_rows(
    *,
    municipality: int | None = None,
    kind: str | None = None,
    purpose: str | None = None,
    status: str | None = None,
    version: str | None = None,
    limit: int = 2000,
) -> list[PlaceCompliance]:
    """Each published place with its compliance, by name; `status` keeps one verdict only."""
    rows = []
    for assessment in published_assessments(municipality=municipality, kind=kind, purpose=purpose)[
        :limit
    ]:
        result = assessment_compliance(assessment, version)
        if status and result.status != status:
            continue
        rows.append(PlaceCompliance(assessment.place, assessment, result))
    return rows


def place_compliance(place: Place, version: str | None = None) -> PlaceCompliance | None:
    """The compliance of the place's published assessment, or None when it has none."""
    assessment = Assessment.objects.published().filter(place=place).select_related("place").first()
    if assessment is None or place.kind not in CHECKED_KINDS:
        return None
    return PlaceCompliance(place, assessment, assessment_compliance(assessment, version))


def service_counts(place_ids: list[int]) -> dict[int, int]:
    """How many services of the catalogue each place hosts."""
    counts = (
        Place.objects.filter(pk__in=place_ids)
        .annotate(n=Count("services", distinct=True))
        .values_list("pk", "n")
    )
    return dict(counts)
