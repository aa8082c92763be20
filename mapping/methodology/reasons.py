"""A reason: one broken rule of one level, with the field and the two values compared.

A plain tuple `(profile, level, rule, field, measured, required)`, read by unpacking or through
the index constants below:

- profile: "wheelchair", "seniors", "pram", or "wc" for a toilet's own category;
- level: the level missed, "accessible" or "partly";
- rule: a key of `texts.RULES`, whose kind says how the two values read;
- field: the field's path (`wc[0].doorWidth`), or "wc" for the toilets together;
- measured, required: a number, a yes/no, a code-list value, or a tuple of them.

Not a NamedTuple, which made `evaluate()` about 45 % slower:
docs/decisions/0007-engine-reasons-as-plain-tuples.md.
"""

from typing import Any, Final, TypeAlias

Reason: TypeAlias = tuple[str, str, str, str, Any, Any]

PROFILE: Final = 0
LEVEL: Final = 1
RULE: Final = 2
FIELD: Final = 3
MEASURED: Final = 4
REQUIRED: Final = 5
