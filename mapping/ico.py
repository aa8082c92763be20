"""IČO, the Czech identification number of a legal person: 8 digits, the last a check digit.

Pure module (no Django). The check digit: weights 8..2 on the first seven digits, sum modulo 11;
remainder 0 gives 1, remainder 1 gives 0, otherwise 11 - remainder.
"""

from mapping.ids import is_ascii_digits

WEIGHTS = (8, 7, 6, 5, 4, 3, 2)


def normalise_ico(raw: str) -> str:
    """Strip spaces and pad shorter numbers with leading zeros, as registers print them."""
    digits = "".join(str(raw).split())
    if is_ascii_digits(digits) and len(digits) < 8:
        digits = digits.zfill(8)
    return digits


def ico_check_digit(first_seven: str) -> int:
    """The check digit for the first seven digits of an IČO."""
    if len(first_seven) != 7 or not is_ascii_digits(first_seven):
        raise ValueError("seven digits expected")
    remainder = sum(int(d) * w for d, w in zip(first_seven, WEIGHTS, strict=True)) % 11
    if remainder == 0:
        return 1
    if remainder == 1:
        return 0
    return 11 - remainder


def is_valid_ico(value: str) -> bool:
    """True for an 8-digit IČO whose last digit matches its check digit."""
    if len(value) != 8 or not is_ascii_digits(value):
        return False
    return ico_check_digit(value[:7]) == int(value[7])
