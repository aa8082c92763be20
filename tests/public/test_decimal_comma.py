"""Numbers and dates speak the page's language: a decimal comma on Czech pages ("12,5 cm",
"6,5 %"), a decimal point on English ones, and English dates in English. The demo town's public
pages (outside the route planner) are walked in both languages, with the visitor's limits set so
that the list writes the measured steps and doors, and the API's and open data's texts read."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.urls import reverse

from mapping.models import Assessment, Place, Provider, Service

pytestmark = pytest.mark.django_db

# A decimal number written with a point or a comma: "12.5", "6,5" (not a date "2. 12. 2026",
# a list "1, 2" or a thousands group "1 000").
POINT = re.compile(r"(?<![\d.,/:#-])\d+\.\d+(?![\d.])")
COMMA = re.compile(r"(?<![\d.,])\d+,\d+(?![\d,])")
# A Czech date ("2. 12. 2026") or month name on an English page.
CZECH_DATE = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b(?:ledna|února|března|dubna|května|června|července|"
    r"srpna|září|října|listopadu|prosince)\b"
)
# Addresses, file names and versions of licences and schemas ("ODbL 1.0", "OSW 0.2") keep their
# points in any language.
URL = re.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+|\S+\.(?:pdf|csv|json|geojson|gpkg|xml|zip)\b"
    r"|\b(?:ODbL|CC BY(?:-SA)?|CC0|EUPL|OSW)[ -]?\d+(?:\.\d+)+"
)


class VisibleText(HTMLParser):
    """The text a reader sees: no scripts, styles or hidden data islands."""

    SKIP = {"script", "style", "template", "svg"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return URL.sub(" ", " ".join(" ".join(parser.parts).split()))


def json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in json_strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in json_strings(item)]
    return []


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--commit")


LIMITS = {"max_kerb_cm": "2.5", "min_width_cm": "95"}


def public_pages() -> list[str]:
    pages = [
        reverse("public:list"),
        f"{reverse('public:list')}?{'&'.join(f'{k}={v}' for k, v in LIMITS.items())}",
        reverse("catalogue:list"),
        reverse("opendata:index"),
    ]
    for place in Place.objects.order_by("pk"):
        pages.append(reverse("public:detail", args=[place.pk]))
        pages.append(f"{reverse('public:detail', args=[place.pk])}?max_kerb_cm=2.5&min_width_cm=95")
    pages += [
        reverse("catalogue:provider", args=[pk])
        for pk in Provider.objects.values_list("pk", flat=True)
    ]
    pages += [
        reverse("catalogue:service", args=[pk])
        for pk in Service.objects.values_list("pk", flat=True)
    ]
    return pages


def api_texts(client, language: str) -> list[str]:
    """The API's strings for the places and assessments, asked for in `language`."""
    texts = []
    for name in ("api:place-list", "api:assessment-list"):
        url = reverse(name)
        while url:
            response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert response.status_code == 200, url
            body = response.json()
            texts += json_strings(body.get("features") or body.get("results") or body)
            url = body.get("next")
    return texts


def offences(text: str, language: str) -> list[str]:
    if language == "cs":
        return POINT.findall(text)
    return COMMA.findall(text) + CZECH_DATE.findall(text)


@pytest.mark.parametrize("language", ["cs", "en"])
def test_every_public_page_writes_numbers_and_dates_in_its_language(client, demo, language):
    assert Assessment.objects.published().exists()
    client.cookies["django_language"] = language
    found = {}
    numbers_seen = 0
    for url in public_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, url
        text = visible_text(html)
        numbers_seen += len(POINT.findall(text)) + len(COMMA.findall(text))
        if bad := offences(text, language):
            found[url] = [
                text[max(0, m.start() - 40) : m.end() + 20]
                for m in (POINT if language == "cs" else COMMA).finditer(text)
            ] or bad
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=0)
    # The walk did meet decimal numbers (the demo's measurements and the limits).
    assert numbers_seen > 10


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_apis_generated_texts_write_numbers_in_the_asked_language(client, demo, language):
    texts = api_texts(client, language)
    generated = [t for t in texts if re.search(r"\d", t) and " " in t]
    assert generated
    bad = [t for t in generated if offences(URL.sub(" ", t), language)]
    assert bad == []


@pytest.mark.parametrize(
    ("language", "slope", "step"),
    [("cs", "7,5 %", "Váš nejvyšší schod: 2,5 cm."), ("en", "7.5 %", "Your highest step: 2.5 cm.")],
)
def test_a_ramps_slope_and_the_visitors_limit_read_in_the_pages_language(
    client, demo, language, slope, step
):
    place = Place.objects.get(name="Denní stacionář Kopretina")
    client.cookies["django_language"] = language
    url = reverse("public:detail", args=[place.pk])
    text = visible_text(client.get(url, {"max_kerb_cm": "2.5"}).content.decode())
    assert slope in text
    assert step in text
