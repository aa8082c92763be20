"""Field-by-field comparison of two assessments' answers, for the coordinator's review.

Answers are an exchange object: flat properties plus lists of records (ramps, lifts, toilets),
compared as paths (`entrance1DoorWidth`, `wc[0].wcCabinWidth`) with the engine's labels.
A measurement "disagrees" when two surveys of the same place differ by more than the tolerance.
"""

from dataclasses import dataclass

from django.conf import settings

from mapping.methodology.structure import display_value, field_label, field_unit


@dataclass(frozen=True)
class DiffRow:
    path: str
    label: str
    old: str
    new: str
    changed: bool
    disagrees: bool
    # Carried over from the survey a re-survey started from, not measured again.
    not_remeasured: bool = False


def flatten(answers: dict | None) -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in (answers or {}).items():
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    for name, inner in item.items():
                        flat[f"{key}[{i}].{name}"] = inner
        elif value not in (None, ""):
            flat[key] = value
    return flat


def disagrees(path: str, a, b) -> bool:
    """Do two numeric answers of the same field differ beyond the configured tolerance?"""
    numbers = (int, float)
    if not isinstance(a, numbers) or not isinstance(b, numbers):
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return False
    difference = abs(a - b)
    if field_unit(path) == "cm":
        return difference > settings.REVIEW_TOLERANCE_CM
    larger = max(abs(a), abs(b))
    return larger > 0 and difference / larger * 100 > settings.REVIEW_TOLERANCE_PERCENT


def diff_answers(
    old: dict | None, new: dict | None, language: str, not_remeasured: object = ()
) -> list[DiffRow]:
    """Every field either survey answered, in the new survey's order, changes marked; an answer
    the new survey carried over without measuring it again is marked so, not as a change."""
    before, after = flatten(old), flatten(new)
    carried = set(not_remeasured) if isinstance(not_remeasured, list | tuple) else set()
    paths = list(after) + [p for p in before if p not in after]
    rows = []
    for path in paths:
        a, b = before.get(path), after.get(path)
        label_cs, label_en = field_label(path)
        old_value = path in carried and b is not None
        rows.append(
            DiffRow(
                path=path,
                label=label_cs if language.startswith("cs") else label_en,
                old=display_value(path, a, language),
                new=display_value(path, b, language),
                changed=a != b and not old_value,
                disagrees=a is not None and b is not None and disagrees(path, a, b),
                not_remeasured=old_value,
            )
        )
    return rows


def disagreements(answers: dict, others: list, language: str) -> list[dict]:
    """Measurements on which `answers` and other surveys of the same place disagree."""
    mine = flatten(answers)
    found = []
    for other in others:
        theirs = flatten(other.answers)
        for path, value in mine.items():
            if path in theirs and disagrees(path, value, theirs[path]):
                label_cs, label_en = field_label(path)
                found.append(
                    {
                        "other": other,
                        "path": path,
                        "label": label_cs if language.startswith("cs") else label_en,
                        "mine": display_value(path, value, language),
                        "theirs": display_value(path, theirs[path], language),
                    }
                )
    return found
