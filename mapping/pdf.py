"""Tagged PDF from a template, with WeasyPrint: the printed catalogue and the barrier-removal plan.

Tagged, PDF/UA-1 as far as WeasyPrint writes it: a screen reader reads the headings, lists, tables
and the reading order, and the document's language and title (these are public documents under
Act 99/2019 too).
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def render_pdf(request: HttpRequest, template: str, context: dict) -> bytes:
    """HTML from `template` turned into a tagged PDF, always in Czech: towns print in Czech."""
    from weasyprint import HTML

    with translation.override("cs"):
        html = render_to_string(template, context, request=request)
    document = HTML(string=html, base_url=request.build_absolute_uri("/"))
    return document.write_pdf(**PDF_OPTIONS)
