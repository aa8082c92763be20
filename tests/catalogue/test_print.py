"""The printed catalogue: a PDF whose text holds every service, and A4 sheets."""

import subprocess

import pytest
from django.urls import reverse

from mapping.models import Provider, Service

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


@pytest.mark.parametrize("grouping", ["type", "target"])
def test_the_pdf_catalogue_contains_every_service(client, demo_catalogue, tmp_path, grouping):
    response = client.get(reverse("catalogue:pdf"), {"group": grouping})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content, tmp_path)
    missing = [s.name for s in Service.objects.all() if " ".join(s.name.split()) not in text]
    assert missing == []


def test_the_pdf_catalogue_is_in_czech_with_sections_by_type(
    client, demo_catalogue, tmp_path, catalogue_translations
):
    text = _pdf_text(client.get(reverse("catalogue:pdf")).content, tmp_path)
    assert "Katalog sociálních služeb" in text
    assert "Pečovatelská služba (§ 40)" in text
    assert "Přístupné (kruh)" in text


def test_the_pdf_carries_a_qr_code_per_service(client, demo_catalogue):
    from django.template.loader import render_to_string

    service = Service.objects.first()
    service.page_url = "http://testserver/katalog/sluzba/1/"
    html = render_to_string("catalogue/print/_service.html", {"service": service})
    assert "<svg" in html and "<path" in html


def test_the_provider_sheet_is_a_pdf_with_its_services(client, demo_catalogue, tmp_path):
    provider = Provider.objects.get(name="Charita Lhotka nad Otavou")
    response = client.get(reverse("catalogue:provider_sheet", args=[provider.pk]))
    text = _pdf_text(response.content, tmp_path)
    assert provider.name in text
    assert "Šatník Charity" in text


def test_the_place_sheet_lists_the_services_provided_there(
    client, demo_catalogue, demo_town, tmp_path
):
    response = client.get(reverse("catalogue:place_sheet", args=[demo_town["ds"].pk]))
    text = _pdf_text(response.content, tmp_path)
    assert "Domov se zvláštním režimem Na Výsluní" in text
    assert "Jídelna pro seniory Na Výsluní" in text


def _pdf_info(content: bytes, tmp_path) -> dict[str, str]:
    path = tmp_path / "info.pdf"
    path.write_bytes(content)
    lines = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, check=True, text=True
    ).stdout.splitlines()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


@pytest.mark.parametrize("url", ["catalogue:pdf", "provider_sheet"])
def test_the_printed_catalogue_is_a_tagged_pdf_with_a_title(client, demo_catalogue, tmp_path, url):
    if url == "provider_sheet":
        response = client.get(
            reverse("catalogue:provider_sheet", args=[Provider.objects.first().pk])
        )
    else:
        response = client.get(reverse(url))
    info = _pdf_info(response.content, tmp_path)
    assert info["Tagged"] == "yes"
    assert info["Title"]
