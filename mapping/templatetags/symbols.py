"""The map symbols in templates: `{% symbol_defs %}` once per web page, `{% print_symbol %}` drawn
in place in a PDF; both from mapping.symbols, so the web and the print show the same shapes."""

from django import template
from django.utils.safestring import SafeString

from mapping import symbols

register = template.Library()


@register.simple_tag
def symbol_defs() -> SafeString:
    return symbols.symbol_defs()


@register.simple_tag
def print_symbol(name: str, title: str = "", size: str = "10pt") -> SafeString:
    return symbols.inline_symbol(name or "unknown", str(title), size)


@register.simple_tag
def category_legend() -> tuple:
    return symbols.CATEGORY_LEGEND
