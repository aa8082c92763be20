"""The printed catalogue shows the web's accessibility symbols: each entry's places carry the
same shapes as the catalogue page, with the legend's words as their text alternative in the
tagged PDF, and the printed legend explains them in the web legend's words."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mapping.catalogue.filters import PROFILES, catalogue_services
from mapping.catalogue.pdf import group_services
from mapping.models import Category
from mapping.symbols import CATEGORY_LEGEND, LEGEND_LABELS, SHAPES
from tests.pdfs import figure_alternatives, pdf_info, pdf_text

pytestmark = pytest.mark.django_db


def expected_alternatives(grouping: str) -> list[str]:
    """The legend's four, then three per place of every entry, in the printed order."""
    with translation.override("cs"):
        alternatives = [str(label) for _symbol, label in CATEGORY_LEGEND]
        for group in group_services(list(catalogue_services()), grouping):
            for service in group.services:
                for place in service.places.all():
                    for profile, _label in PROFILES:
                        category = getattr(place, f"{profile}_category") or "unknown"
                        alternatives.append(str(LEGEND_LABELS[category]))
    return alternatives


@pytest.mark.parametrize("grouping", ["type", "target"])
def test_every_place_of_every_entry_carries_its_three_symbols_with_text_alternatives(
    client, demo_catalogue, catalogue_translations, tmp_path, grouping
):
    response = client.get(reverse("catalogue:pdf"), {"group": grouping})
    assert pdf_info(response.content, tmp_path)["Tagged"] == "yes"
    expected = expected_alternatives(grouping)
    assert len(expected) > 4 + 3 * 5  # the demo's entries do have places
    assert figure_alternatives(response.content) == expected
    assert "Přístupné (kruh)" in expected and "Nepřístupné (trojúhelník s pruhem)" in expected


def test_each_entry_names_its_places_accessibility_per_profile_in_words(
    client, demo_catalogue, catalogue_translations, tmp_path
):
    text = pdf_text(client.get(reverse("catalogue:pdf")).content, tmp_path)
    with translation.override("cs"):
        labels = dict(Category.choices)
        for service in catalogue_services():
            for place in service.places.all():
                assert place.name in text
                for profile, profile_label in PROFILES:
                    category = getattr(place, f"{profile}_category")
                    assert f"{profile_label}: {str(labels[category]).lower()}" in text


def test_the_printed_legend_is_the_web_legend_with_the_same_shapes(
    client, demo_catalogue, catalogue_translations, tmp_path
):
    text = pdf_text(client.get(reverse("catalogue:pdf")).content, tmp_path)
    client.cookies["django_language"] = "cs"
    web = client.get(reverse("catalogue:list")).content.decode()
    printed = render_to_string("catalogue/print/_legend.html")
    with translation.override("cs"):
        for symbol, label in CATEGORY_LEGEND:
            assert str(label) in text
            assert str(label) in web
            assert f'href="#sym-{symbol}"' in web
            # The very shapes the web defines once per page are drawn in the print.
            assert f'<symbol id="sym-{symbol}" viewBox="0 0 24 24">{SHAPES[symbol]}</symbol>' in web
            assert SHAPES[symbol] in printed


def test_the_group_titles_are_in_czech_whatever_the_visitors_language(
    client, demo_catalogue, catalogue_translations, tmp_path
):
    client.cookies["django_language"] = "en"
    text = pdf_text(client.get(reverse("catalogue:pdf")).content, tmp_path)
    assert "Sociální poradenství (§ 37)" in text
    assert "Social counselling" not in text
