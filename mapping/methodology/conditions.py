"""A small language for "this survey field applies when ...", written as JSON.

The same condition is evaluated here (the server: which fields are required, which missing
measurements matter) and on the phone (static/js/survey/rules.js: which fields are shown), so it
is plain data with a handful of forms, each read against one record (the top-level answers, or
one ramp, lift or toilet):

    {"field": "objectIsSteps", "is": true}
    {"field": "entrance1Accessibility", "in": ["OneStepEntranceAccessibility", ...]}
    {"field": "rampNumberOfLegs", "at_least": 2}
    {"field": "handle1Type", "answered": true}
    {"open": "entrance1Door2"}                  a section the volunteer opened (or filled in)
    {"all": [...]}, {"any": [...]}, {"not": {...}}
"""

from collections.abc import Callable
from typing import Any, TypeAlias

Condition: TypeAlias = dict[str, Any]
Record: TypeAlias = dict[str, Any]


def is_(field: str, value: object) -> Condition:
    return {"field": field, "is": value}


def one_of(field: str, *values: str) -> Condition:
    return {"field": field, "in": list(values)}


def at_least(field: str, value: float) -> Condition:
    return {"field": field, "at_least": value}


def answered(field: str) -> Condition:
    return {"field": field, "answered": True}


def opened(section: str) -> Condition:
    return {"open": section}


def all_of(*conditions: Condition) -> Condition:
    return {"all": list(conditions)}


def any_of(*conditions: Condition) -> Condition:
    return {"any": list(conditions)}


def not_(condition: Condition) -> Condition:
    return {"not": condition}


def has_value(value: object) -> bool:
    """An answer is there: not absent, not an empty text or list."""
    return value is not None and value != "" and value != []


def holds(condition: Condition | None, record: Record, is_open: Callable[[str], bool]) -> bool:
    """Whether `condition` holds for `record`; `is_open(section)` answers the "open" form."""
    if condition is None:
        return True
    if "all" in condition:
        return all(holds(c, record, is_open) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, record, is_open) for c in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], record, is_open)
    if "open" in condition:
        return is_open(condition["open"])
    value = record.get(condition["field"])
    if "is" in condition:
        return value is condition["is"] if isinstance(condition["is"], bool) else (
            value == condition["is"]
        )  # fmt: skip
    if "in" in condition:
        return value in condition["in"]
    if "at_least" in condition:
        return (
            isinstance(value, int | float)
            and not isinstance(value, bool)
            and value >= condition["at_least"]
        )
    if "answered" in condition:
        return has_value(value)
    raise ValueError(f"Unknown condition {condition!r}")


def fields_read(condition: Condition | None) -> set[str]:
    """The fields a condition reads (not counting sections)."""
    if condition is None:
        return set()
    for key in ("all", "any"):
        if key in condition:
            return set().union(*(fields_read(c) for c in condition[key]))
    if "not" in condition:
        return fields_read(condition["not"])
    return {condition["field"]} if "field" in condition else set()
