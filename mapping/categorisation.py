"""Storing what the methodology engine computes on an Assessment (the one bridge from the pure
engine to the model), used by the survey, the review, the importers and recategorisation."""

from django.conf import settings
from django.utils import timezone

from mapping.methodology.engine import evaluate
from mapping.methodology.rules import METHODOLOGY_VERSION, get_ruleset
from mapping.models import Assessment

PROFILES = ("wheelchair", "seniors", "pram")


def current_methodology_version() -> str:
    """The deployment's methodology version: settings.METHODOLOGY_VERSION when a town has chosen
    a variant, else the engine's current one."""
    return get_ruleset(
        getattr(settings, "METHODOLOGY_VERSION", None) or METHODOLOGY_VERSION
    ).version


def recategorize(assessment: Assessment, version: str | None = None) -> list[tuple]:
    """Evaluate the assessment's answers and set its result and category columns (not saved).

    Returns what changed: (field, old, new) for each profile and the accessible toilet.
    """
    result = evaluate(assessment.answers or {}, version or current_methodology_version())
    changes = []
    for profile in PROFILES:
        old, new = getattr(assessment, profile), result.categories[profile]
        if old != new:
            changes.append((profile, old, new))
            setattr(assessment, profile, new)
    if assessment.has_accessible_toilet != result.has_accessible_toilet:
        changes.append(
            (
                "has_accessible_toilet",
                assessment.has_accessible_toilet,
                result.has_accessible_toilet,
            )
        )
        assessment.has_accessible_toilet = result.has_accessible_toilet
    assessment.result = result.to_dict()
    assessment.methodology_version = result.version
    assessment.updated_at = timezone.now()
    return changes
