"""Texts of the legal-compliance view in the page's language (the pure layer writes both)."""

from django import template

register = template.Library()


@register.simple_tag
def compliance_status(compliance, english: bool) -> str:
    return compliance.status_text(english)


@register.simple_tag
def finding_text(finding, english: bool) -> str:
    return finding.text(english)


@register.simple_tag
def fix_text(finding, english: bool) -> str:
    return finding.fix_text(english)


@register.simple_tag
def undecided_text(item, english: bool) -> str:
    return item.text(english)


@register.simple_tag
def citation_text(citation, english: bool) -> str:
    return citation.text(english)


@register.simple_tag
def cost_text(compliance, english: bool) -> str:
    return compliance.cost_text(english)
