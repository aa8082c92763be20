"""Texts of the legal-compliance view in the page's language: the pure layer writes both, each
object's `method(english)` picks one (`{% in_language finding "text" english %}`)."""

from django import template

register = template.Library()

# The methods a template may call this way.
METHODS = frozenset({"text", "fix_text", "status_text", "cost_text"})


@register.simple_tag
def in_language(item, method: str, english: bool) -> str:
    if method not in METHODS:
        raise template.TemplateSyntaxError(f"in_language: unknown method {method!r}")
    return getattr(item, method)(english)
