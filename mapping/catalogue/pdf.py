"""Print: the PDF catalogue grouped by type or by target group, and A4 sheets, with WeasyPrint."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from mapping import printing
from mapping.models import Service, ServiceType, TargetGroup

GROUPINGS = ("type", "target")
StrOrPromise = str | Promise


@dataclass
class Group:
    # A lazy label: the view groups in the request's language, the PDF is rendered in Czech.
    title: StrOrPromise
    services: list[Service]


def group_services(services: list[Service], grouping: str) -> list[Group]:
    """Sections of the printed catalogue, in the order of the Act or of the target groups."""
    if grouping == "target":
        groups = [
            Group(label, [s for s in services if value in s.target_groups])
            for value, label in TargetGroup.choices
        ]
        rest = [s for s in services if not s.target_groups]
        if rest:
            groups.append(Group(gettext_lazy("Other services"), rest))
    else:
        groups = [
            Group(label, [s for s in services if s.service_type == value])
            for value, label in ServiceType.choices
        ]
    return [group for group in groups if group.services]


def render_pdf(request: HttpRequest, template: str, context: dict) -> bytes:
    """The catalogue's documents as a tagged PDF, always in Czech: towns print the Czech
    catalogue."""
    return printing.render_pdf(request, template, context, language="cs")


def absolute(request: HttpRequest, name: str, pk: int) -> str:
    return request.build_absolute_uri(reverse(name, args=[pk]))
