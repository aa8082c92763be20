"""A record's number as a visitor's URL or form gives it.

`str.isdigit()` is not enough to guard `int()`: it says yes to Unicode digits such as "²" (which
`int()` refuses) and to thousands of digits (which `int()` refuses past Python's limit on
integer strings, and PostgreSQL past its bigint). Pure module: no Django.
"""

MAX_ID = 2**63 - 1  # PostgreSQL's bigint, the type of every primary key here


def parse_id(raw: object) -> int | None:
    """The positive whole number `raw` spells in ASCII digits, within bigint; else None."""
    text = str(raw if raw is not None else "").strip()
    if not text or not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


def is_ascii_digits(text: str) -> bool:
    """True for a non-empty string of the digits 0-9 only (no Unicode digits, no sign)."""
    return bool(text) and text.isascii() and text.isdigit()
