"""Django validators of the models' fields."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from mapping.ico import is_valid_ico

ICO_MESSAGE = _(
    "“%(value)s” is not a valid IČO: it must have 8 digits and the last one must match "
    "the check digit (see the business register, ARES)."
)


def validate_ico(value: str) -> None:
    if value and not is_valid_ico(value):
        raise ValidationError(ICO_MESSAGE, code="invalid_ico", params={"value": value})
