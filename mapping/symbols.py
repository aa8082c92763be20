"""The map symbols, drawn once here for every page and every print.

The web defines them once per page (`symbol_defs`, used with `<use href="#sym-...">` by the
templates and the map's scripts); a PDF cannot reach such a definition from another SVG, so the
print draws each symbol inline with the very same shapes (`inline_symbol`) and its text
alternative as the SVG's title, which WeasyPrint writes as the figure's /Alt in the tagged PDF.
They differ in shape and pattern, not only in colour (Okabe-Ito colours, black outline)."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

VIEWBOX = "0 0 24 24"

SHAPES: dict[str, str] = {
    "accessible": (
        '<circle cx="12" cy="12" r="9.5" fill="#009E73" stroke="#000" stroke-width="1.5"/>'
    ),
    "partly": (
        '<rect x="3" y="3" width="18" height="18" fill="#E69F00" stroke="#000" stroke-width="1.5"/>'
        '<path d="M3 12 12 3M3 21 21 3M12 21 21 12" stroke="#000" stroke-width="1.5"/>'
    ),
    "inaccessible": (
        '<polygon points="12,1.5 23,22 1,22" fill="#D55E00" stroke="#000" stroke-width="1.5"/>'
        '<path d="M7 17h10" stroke="#fff" stroke-width="3"/>'
    ),
    "unknown": (
        '<polygon points="12,1.5 22.5,12 12,22.5 1.5,12" fill="#fff" stroke="#000"'
        ' stroke-width="1.5" stroke-dasharray="3 2"/>'
    ),
    "features": (
        '<polygon points="6,2 18,2 23,12 18,22 6,22 1,12" fill="#0072B2" stroke="#000"'
        ' stroke-width="1.5"/><circle cx="12" cy="12" r="4" fill="#fff"/>'
    ),
    "nofeatures": (
        '<circle cx="12" cy="12" r="9" fill="#fff" stroke="#000" stroke-width="1.5"'
        ' stroke-dasharray="3 2"/>'
    ),
    "service": (
        '<polygon points="12,1.5 22.5,10 20,10 20,22 4,22 4,10 1.5,10" fill="#CC79A7"'
        ' stroke="#000" stroke-width="1.5"/>'
        '<rect x="9.5" y="14" width="5" height="8" fill="#fff" stroke="#000" stroke-width="1"/>'
    ),
    "barrier": (
        '<polygon points="7,1 17,1 23,7 23,17 17,23 7,23 1,17 1,7" fill="#000" stroke="#fff"'
        ' stroke-width="1.5"/><path d="M7.5 7.5l9 9M16.5 7.5l-9 9" stroke="#fff" stroke-width="3"/>'
    ),
    "report": (
        '<path d="M12 23.5 4.2 13.2A9 9 0 1 1 19.8 13.2Z" fill="#F0E442" stroke="#000"'
        ' stroke-width="1.5"/><path d="M12 4.5v6.5" stroke="#000" stroke-width="3"'
        ' stroke-linecap="round"/><circle cx="12" cy="14.6" r="1.7" fill="#000"/>'
    ),
    "spot": (
        '<path d="M12 23.5 4.2 13.2A9 9 0 1 1 19.8 13.2Z" fill="#0072B2" stroke="#000"'
        ' stroke-width="1.5"/><circle cx="12" cy="8.5" r="3.2" fill="#fff" stroke="#000"/>'
    ),
}

# The legend of the accessibility categories, the same words on the web and in print: each names
# its shape, so that it is told apart without colour.
CATEGORY_LEGEND: tuple[tuple[str, str], ...] = (
    ("accessible", _("Accessible (circle)")),
    ("partly", _("Partly accessible (striped square)")),
    ("inaccessible", _("Inaccessible (triangle with a bar)")),
    ("unknown", _("Not assessed yet (dashed diamond)")),
)
# The sensory profiles' legend (the map shows whether features for the profile are recorded).
FEATURES_LEGEND: tuple[tuple[str, str], ...] = (
    ("features", _("Features for this profile recorded (hexagon)")),
    ("nofeatures", _("No features recorded (dashed circle)")),
)
BARRIER_LABEL = _("A barrier for your limits (black octagon with a cross)")
LEGEND_LABELS = {**dict(CATEGORY_LEGEND), **dict(FEATURES_LEGEND), "barrier": BARRIER_LABEL}


def known(name: str) -> str:
    return name if name in SHAPES else "unknown"


def symbol_defs() -> SafeString:
    """Every symbol as an SVG <symbol id="sym-NAME">, once per page."""
    symbols = "".join(
        f'<symbol id="sym-{name}" viewBox="{VIEWBOX}">{shapes}</symbol>'
        for name, shapes in SHAPES.items()
    )
    # Only the constant shapes above go into this markup.
    return mark_safe(
        '<svg class="symbol-defs" aria-hidden="true" focusable="false" width="0" height="0">'
        f"{symbols}</svg>"
    )


def inline_symbol(name: str, title: str = "", size: str = "10pt") -> SafeString:
    """One symbol drawn in place (for print), with `title` as its text alternative; without a
    title it is decoration, hidden from assistive technology."""
    shapes = SHAPES[known(name)]
    size = escape(size)
    head = f'role="img"><title>{escape(title)}</title>' if title else 'aria-hidden="true">'
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="symbol symbol-{known(name)}"'
        f' viewBox="{VIEWBOX}" width="{size}" height="{size}" {head}{shapes}</svg>'
    )
