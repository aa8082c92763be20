"""Print: the PDF catalogue grouped by type or by target group, and A4 sheets, with WeasyPrint."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation

from mapping.models import Service, ServiceType, TargetGroup
from mapping.pdf import PDF_OPTIONS, render_pdf

__all__ = ["GROUPINGS", "PDF_OPTIONS", "absolute", "group_services", "render_pdf"]

GROUPINGS = ("type", "target")


@dataclass
class Group:
    title: str
    services: list[Service]


def group_services(services: list[Service], grouping: str) -> list[Group]:
    """Sections of the printed catalogue, in the order of the Act or of the target groups."""
    if grouping == "target":
        groups = [
            Group(str(label), [s for s in services if value in s.target_groups])
            for value, label in TargetGroup.choices
        ]
        rest = [s for s in services if not s.target_groups]
        if rest:
            groups.append(Group(str(translation.gettext("Other services")), rest))
    else:
        groups = [
            Group(str(label), [s for s in services if s.service_type == value])
            for value, label in ServiceType.choices
        ]
    return [group for group in groups if group.services]


def absolute(request: HttpRequest, name: str, pk: int) -> str:
    return request.build_absolute_uri(reverse(name, args=[pk]))
