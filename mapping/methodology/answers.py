"""The type of an assessment's answers: one exchange object as parsed from JSON.

Its property names, types and code lists are in `structure.py` (`TOP_FIELDS`, `ITEM_FIELDS`); the
engine reads answers that passed `structure.validate`, so their values have the fields' types.
"""

from typing import Any, TypeAlias

Answers: TypeAlias = dict[str, Any]
