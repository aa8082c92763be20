"""Field declarations that several models share."""

from django.db import models


def optional_link(to, verbose_name, on_delete, **options) -> models.ForeignKey:
    """A foreign key that may be empty: NULL in the database, optional in forms and the admin."""
    return models.ForeignKey(
        to, verbose_name=verbose_name, on_delete=on_delete, null=True, blank=True, **options
    )
