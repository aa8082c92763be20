"""Template helpers of the catalogue: labels of coded lists, accessibility symbols, QR codes."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from mapping.catalogue.filters import PROFILES
from mapping.models import Category, ServiceForm, TargetGroup
from mapping.symbols import LEGEND_LABELS, known

register = template.Library()

NOT_ASSESSED = _("Not assessed yet")


@register.filter
def target_group_labels(values: list[str]) -> str:
    labels = dict(TargetGroup.choices)
    return ", ".join(str(labels.get(v, v)) for v in values or [])


@register.filter
def form_labels(values: list[str]) -> str:
    labels = dict(ServiceForm.choices)
    return ", ".join(str(labels.get(v, v)).lower() for v in values or [])


@register.inclusion_tag("catalogue/_accessibility.html")
def accessibility(place, printed: bool = False) -> dict:
    """The three profiles of a place's approved assessment: shape, colour and words. Printed,
    each symbol is drawn in place with the legend's words as its text alternative."""
    labels = dict(Category.choices)
    rows = []
    for profile, profile_label in PROFILES:
        category = getattr(place, f"{profile}_category", "") or ""
        rows.append(
            {
                "profile": profile_label,
                "category": category,
                "symbol": known(category or "unknown"),
                "label": labels.get(category, NOT_ASSESSED),
                "symbol_text": LEGEND_LABELS[known(category or "unknown")],
            }
        )
    return {"rows": rows, "printed": printed}


@register.simple_tag
def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (segno: pure Python, no image files)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=2, xmldecl=False, svgns=True, nl=False, title=None
    )
    # segno builds the SVG from the URL only; no user markup can reach it.
    return mark_safe(buffer.getvalue().decode())
