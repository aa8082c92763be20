"""A reason: one broken rule of one level, with the field and the two values compared.

A plain tuple `(profile, level, rule, field, measured, required)`, read by unpacking or through
the index constants below:

- profile: "wheelchair", "seniors", "pram", or "wc" for a toilet's own category;
- level: the level missed, "accessible" or "partly";
- rule: a key of `texts.RULES`, whose kind says how the two values read;
- field: the field's path (`wc[0].doorWidth`), or "wc" for the toilets together;
- measured, required: a number, a yes/no, a code-list value, or a tuple of them.

Not a NamedTuple: an object that breaks many rules gets a dozen reasons, and instances of a tuple
subclass are neither allocated from the free list nor untracked by the garbage collector as plain
tuples are. Measured with bench/bench_engine.py's objects, a NamedTuple made `evaluate()` about
45 % slower, most of it in garbage collection, which left the 3x floor no margin.
"""

from typing import Any, Final, TypeAlias

Reason: TypeAlias = tuple[str, str, str, str, Any, Any]

PROFILE: Final = 0
LEVEL: Final = 1
RULE: Final = 2
FIELD: Final = 3
MEASURED: Final = 4
REQUIRED: Final = 5
