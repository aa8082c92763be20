"""The one bridge from the pure methodology engine to the models.

Every caller that categorises answers — the survey (its live evaluation, its submission, a returned
survey's correction), the Mapy bez bariér and VozejkMap imports, `evaluate_accessibility`,
`recategorize_assessments` and the demo town — goes through `categorise()`, so that the version a
town chose in settings.METHODOLOGY_VERSION is the one applied everywhere. Nothing else calls
mapping.methodology.engine.evaluate, its own tests and benchmark aside (tests/methodology/
test_one_bridge.py holds it).
"""

from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mapping.methodology.engine import Result, evaluate
from mapping.methodology.rules import METHODOLOGY_VERSION, get_ruleset
from mapping.models import Assessment

PROFILES = ("wheelchair", "seniors", "pram")
# The Assessment columns that `assessment_columns` fills (and `recategorize` sets).
COLUMNS = (*PROFILES, "has_accessible_toilet", "result", "methodology_version")


def current_methodology_version() -> str:
    """The deployment's methodology version: settings.METHODOLOGY_VERSION when a town has chosen
    a variant, else the engine's current one."""
    return get_ruleset(
        getattr(settings, "METHODOLOGY_VERSION", None) or METHODOLOGY_VERSION
    ).version


def categorise(answers: dict, version: str | None = None) -> Result:
    """The engine's verdict on one object's answers under `version`, by default the deployment's."""
    return evaluate(answers or {}, version or current_methodology_version())


def assessment_columns(result: Result) -> dict:
    """The Assessment columns a result fills: the categories, the toilet, the stored result and
    the version that computed them."""
    return {
        **{profile: result.categories[profile] for profile in PROFILES},
        "has_accessible_toilet": bool(result.has_accessible_toilet),
        "result": result.to_dict(),
        "methodology_version": result.version,
    }


def recategorize(assessment: Assessment, version: str | None = None) -> list[tuple]:
    """Evaluate the assessment's answers and set its result and category columns (not saved).

    Returns what changed: (field, old, new) for each profile and the accessible toilet.
    """
    columns = assessment_columns(categorise(assessment.answers, version))
    changes = []
    for name in (*PROFILES, "has_accessible_toilet"):
        old, new = getattr(assessment, name), columns[name]
        if old != new:
            changes.append((name, old, new))
    for name, value in columns.items():
        setattr(assessment, name, value)
    assessment.updated_at = timezone.now()
    return changes


BATCH = 500


def recategorize_stored(
    version: str | None = None,
    *,
    everything: bool = False,
    commit: bool = False,
    on_change: Callable[[Assessment, list[tuple]], None] | None = None,
) -> dict:
    """Re-evaluate stored assessments under `version` (the deployment's by default): those
    categorised by another version, or all of them with `everything`. Writes only with `commit`,
    in one transaction. `on_change(assessment, changes)` hears of each assessment whose
    categories change. Returns the counts: seen, changed, version.

    The one core of `manage.py recategorize_assessments` and of its background job.
    """
    version = version or current_methodology_version()
    assessments = Assessment.objects.select_related("place").order_by("pk")
    if not everything:
        assessments = assessments.exclude(methodology_version=version)
    seen = changed = 0
    batch: list[Assessment] = []
    fields = [*COLUMNS, "updated_at"]
    with transaction.atomic():
        for assessment in assessments.iterator(chunk_size=BATCH):
            seen += 1
            changes = recategorize(assessment, version)
            if changes:
                changed += 1
                if on_change:
                    on_change(assessment, changes)
            if not commit:
                continue
            batch.append(assessment)
            if len(batch) >= BATCH:
                Assessment.objects.bulk_update(batch, fields)
                batch = []
        if commit and batch:
            Assessment.objects.bulk_update(batch, fields)
    return {"seen": seen, "changed": changed, "version": version}
