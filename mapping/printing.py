"""Printed documents (the catalogue, the sheets, the town map): HTML turned into a tagged PDF by
WeasyPrint. Tagged, PDF/UA-1 as far as WeasyPrint writes it: a screen reader reads the headings,
lists, tables and the reading order, the figures' text alternatives, and the document's language
and title (printed documents of a town are public documents under Act 99/2019 too)."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def render_pdf(request: HttpRequest, template: str, context: dict, language: str = "cs") -> bytes:
    """HTML from `template`, rendered in `language`, turned into a tagged PDF."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(template, {**context, "language": language}, request=request)
    document = HTML(string=html, base_url=request.build_absolute_uri("/"))
    return document.write_pdf(**PDF_OPTIONS)


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
