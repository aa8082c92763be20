"""The admin's index lists the imports the coordinator may run (mapping/imports/)."""

from django import template
from django.urls import reverse

from mapping.imports.kinds import kinds_for

register = template.Library()


@register.simple_tag(takes_context=True)
def import_links(context) -> list[tuple[str, str]]:
    """(title, address of the upload page) of each import the signed-in person may run."""
    user = context["request"].user
    return [
        (kind.title, reverse("admin:mapping_importrun_new", args=[kind.key]))
        for kind in kinds_for(user)
    ]
