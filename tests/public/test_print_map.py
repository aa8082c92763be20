"""The printable map of the town (PDF, A4 and A3): the demo town's places drawn with their symbols
and numbers over the demo's streets, and an index in which each number names the place drawn
with it; a tagged PDF; reached from the map, the list and the catalogue with their filters."""

import json
import re
import subprocess
from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from mapping.demo.loader import DEMO_FILE
from mapping.models import Assessment, Category, Place
from mapping.symbols import LEGEND_LABELS
from tests.pdfs import figure_alternatives, pdf_info, pdf_page_sizes

pytestmark = pytest.mark.django_db

DEMO = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
# How far a number may stand from its place's point on the page (20 mm, in points).
LABEL_REACH_PT = 20 / 25.4 * 72
DEMO_PLACES = DEMO["places"] + [p for town in DEMO["more_municipalities"] for p in town["places"]]


@pytest.fixture
def demo(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--commit")


def print_map(client, language: str = "cs", **params) -> bytes:
    client.cookies["django_language"] = language
    response = client.get(reverse("public:print_map"), params)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    return response.content


def _write(content: bytes, tmp_path, name: str = "map.pdf"):
    path = tmp_path / name
    path.write_bytes(content)
    return path


def index_rows(content: bytes, tmp_path) -> list[list[str]]:
    """The index's rows as a screen reader gets them: the table cells of the tagged PDF's
    structure tree (pdfinfo -struct-text), each cell's text joined."""
    lines = subprocess.run(
        ["pdfinfo", "-struct-text", str(_write(content, tmp_path, "struct.pdf"))],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.splitlines()
    rows: list[list[str]] = []
    cell_indent: int | None = None  # the indentation of the cell being read
    for line in lines:
        indent = len(line) - len(line.lstrip())
        stripped = line.strip()
        if cell_indent is not None and indent <= cell_indent:
            cell_indent = None
        if stripped == "TR":
            rows.append([])
        elif stripped.startswith(("TD", "TH")) and rows:
            cell_indent = indent
            rows[-1].append("")
        elif cell_indent is not None and stripped.startswith('"'):
            rows[-1][-1] = " ".join(f"{rows[-1][-1]} {stripped.strip(chr(34))}".split())
    for row in rows:
        while row and not row[-1]:  # an empty cell where WeasyPrint splits the table's page
            row.pop()
    rows = [row for row in rows if row]
    # The header row repeats on every page of the table: one is the index's header.
    return [row for index, row in enumerate(rows) if index == 0 or row != rows[0]]


def first_figure_box_pt(content: bytes, tmp_path) -> tuple[float, float, float, float]:
    """The map's box on its page, in points from the top left (the first figure of the tagged
    PDF; the structure tree gives it in CSS pixels)."""
    text = subprocess.run(
        ["pdfinfo", "-struct-text", str(_write(content, tmp_path, "figure.pdf"))],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    box = re.search(r"Figure:\s*/BBox \[([\d. ]+)\]", text)
    assert box
    x1, y1, x2, y2 = (float(v) * 0.75 for v in box.group(1).split())
    return x1, y1, x2, y2


def numbers_on_the_map(content: bytes, tmp_path) -> dict[int, tuple[float, float]]:
    """Each number drawn inside the map's box on page 1, with its centre in points."""
    x1, y1, x2, y2 = first_figure_box_pt(content, tmp_path)
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(_write(content, tmp_path)), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    words = [
        (*(float(match.group(i)) for i in range(1, 5)), unescape(match.group(5)))
        for match in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            html,
        )
    ]
    found: dict[int, tuple[float, float]] = {}
    for index, (left, top, right, bottom, word) in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if following and following[4] in ("m", "km") and following[1] == top:
            continue  # the scale bar's distance
        if x1 <= left and right <= x2 and y1 <= top and bottom <= y2 and word.isdigit():
            assert int(word) not in found, f"number {word} drawn twice"
            found[int(word)] = ((left + right) / 2, (top + bottom) / 2)
    return found


def expected_index() -> list[dict]:
    """The demo's places as the demo file writes them, in the index's order (by name)."""
    places = []
    for entry in DEMO_PLACES:
        place = Place.objects.get(name=entry["name"])
        assessment = Assessment.objects.published().get(place=place)
        places.append(
            {
                "name": entry["name"],
                "street": entry.get("street", ""),
                "city": entry.get("city", ""),
                "lon": entry["location"][0],
                "lat": entry["location"][1],
                "wheelchair": assessment.wheelchair,
            }
        )
    return sorted(places, key=lambda p: p["name"].casefold())


def test_the_a4_map_of_the_demo_town_indexes_every_place_under_the_number_drawn_with_it(
    client, demo, tmp_path
):
    content = print_map(client, paper="a4")
    expected = expected_index()
    assert len(expected) == len(DEMO_PLACES) > 20

    header, *rows = index_rows(content, tmp_path)
    assert header == ["Č.", "Název místa", "Adresa", "Druh", "Vozíčkáři"]
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(expected) + 1)]
    categories = dict(Category.choices)
    for row, place in zip(rows, expected, strict=True):
        number, name, address, _kind, accessibility = row
        assert name == place["name"], number
        assert place["street"] in address and place["city"] in address
        assert accessibility == str(categories[place["wheelchair"]])

    # Every number is drawn on the map once, next to its place: a number may stand up to
    # LABEL_REACH from its symbol (moved off its neighbours, with a leader line). The page's
    # position of each place is fitted from all numbers (x is linear in longitude on the map,
    # y nearly linear in latitude across a town).
    drawn = numbers_on_the_map(content, tmp_path)
    assert sorted(drawn) == list(range(1, len(expected) + 1))
    numbers = range(1, len(expected) + 1)
    fit_x = _linear_fit([expected[n - 1]["lon"] for n in numbers], [drawn[n][0] for n in numbers])
    fit_y = _linear_fit([expected[n - 1]["lat"] for n in numbers], [drawn[n][1] for n in numbers])
    assert fit_x[0] > 0 > fit_y[0]  # east is right, north is up
    for number in numbers:
        place = expected[number - 1]
        x, y = fit_x[0] * place["lon"] + fit_x[1], fit_y[0] * place["lat"] + fit_y[1]
        distance = ((drawn[number][0] - x) ** 2 + (drawn[number][1] - y) ** 2) ** 0.5
        assert distance < LABEL_REACH_PT, (number, place["name"], distance)


def _linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Slope and intercept of the least-squares line through (xs, ys)."""
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    return slope, mean_y - slope * mean_x


def test_the_map_is_a_tagged_pdf_on_a4_or_a3_with_the_symbols_text_alternatives(
    client, demo, tmp_path
):
    for paper, size in (("a4", "(A4)"), ("a3", "(A3)")):
        content = print_map(client, paper=paper)
        info = pdf_info(content, tmp_path)
        assert info["Tagged"] == "yes"
        assert info["Title"] == "Bezbariérová mapa města"
        sizes = pdf_page_sizes(content, tmp_path)
        assert sizes and all(s.endswith(size) for s in sizes), sizes
        alternatives = figure_alternatives(content)
        # The map itself, the legend's four symbols, then one symbol per index row.
        assert alternatives[0].startswith("Mapa")
        per_row = alternatives[5:]
        assert per_row == [str(LEGEND_LABELS[p["wheelchair"]]) for p in expected_index()]


def test_the_a3_map_lists_the_same_index(client, demo, tmp_path):
    a3 = index_rows(print_map(client, paper="a3"), tmp_path)
    a4 = index_rows(print_map(client, paper="a4"), tmp_path)
    assert a3 == a4


def test_the_filters_narrow_the_printed_places_and_the_profile_names_the_column(
    client, demo, tmp_path
):
    content = print_map(client, paper="a4", profile="pram", category="accessible")
    header, *rows = index_rows(content, tmp_path)
    assert header[-1] == "Kočárky"
    expected = [p for p in expected_index() if Place.objects.get(name=p["name"])]
    pram = {
        a.place.name
        for a in Assessment.objects.published().filter(pram="accessible").select_related("place")
    }
    assert [row[1] for row in rows] == sorted(pram, key=str.casefold)
    assert 0 < len(rows) < len(expected)


def test_in_english_the_map_speaks_english_with_english_dates(client, demo, tmp_path):
    content = print_map(client, language="en", paper="a4")
    header, *_rows = index_rows(content, tmp_path)
    assert header == ["No.", "Place name", "Address", "Kind", "Wheelchair"]
    text = subprocess.run(
        ["pdftotext", str(_write(content, tmp_path, "en.pdf")), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert "Printed on" in text
    assert re.search(r"Printed on [A-Z][a-z]+\.? \d{1,2}, \d{4}\.", text), text[:400]


def test_a_paper_other_than_a4_or_a3_is_refused_with_a_message(client, demo):
    client.cookies["django_language"] = "cs"
    response = client.get(reverse("public:print_map"), {"paper": "letter"})
    assert response.status_code == 400
    assert "A4 nebo A3" in response.content.decode()
    client.cookies["django_language"] = "en"
    response = client.get(reverse("public:print_map"), {"paper": "letter", "category": "x"})
    assert response.status_code == 400
    assert "A4 or A3" in response.content.decode()
    response = client.get(reverse("public:print_map"), {"category": "nonsense"})
    assert response.status_code == 400
    assert "nonsense" in response.content.decode()


def test_the_map_the_list_and_the_catalogue_link_to_the_printable_map_with_their_filters(
    client, demo
):
    client.cookies["django_language"] = "cs"
    listed = client.get(reverse("public:list"), {"profile": "pram", "category": "accessible"})
    assert re.search(
        r'href="/tisk/mapa/\?[^"]*profile=pram[^"]*category=accessible[^"]*paper=a3"',
        listed.content.decode(),
    )
    shown = client.get(reverse("public:map"), {"profile": "seniors"}).content.decode()
    assert re.search(r'href="/tisk/mapa/\?profile=seniors&amp;paper=a4"', shown)
    catalogue = client.get(
        reverse("catalogue:list"), {"accessible_for": "wheelchair", "include_partly": "on"}
    ).content.decode()
    link = re.search(r'href="(/tisk/mapa/\?[^"]*paper=a4)"', catalogue)
    assert link
    url = unescape(link.group(1))
    assert "with_services=1" in url and "profile=wheelchair" in url
    assert "category=accessible" in url and "category=partly" in url


def test_for_a_sensory_profile_the_map_shows_which_places_have_features_recorded(
    client, demo, tmp_path
):
    from django.utils import translation

    from mapping.public.queries import sensory_features_of

    content = print_map(client, language="en", paper="a4", profile="blind")
    header, *rows = index_rows(content, tmp_path)
    assert header[-1] == "Blind and low vision"
    with_features = []
    for row in rows:
        place = Place.objects.get(name=row[1])
        assessment = Assessment.objects.published().get(place=place)
        with translation.override("en"):
            recorded = dict(sensory_features_of(assessment.pk))["Blind and low vision"]
            recorded = [str(label) for label in recorded]
        if recorded:
            with_features.append(place.name)
            assert row[-1] == ", ".join(recorded)
        else:
            assert row[-1] == "No features recorded for this profile"
    assert with_features  # the demo records features for blind visitors
    alternatives = figure_alternatives(content)
    assert alternatives[1:3] == [
        "Features for this profile recorded (hexagon)",
        "No features recorded (dashed circle)",
    ]
    assert alternatives.count("Features for this profile recorded (hexagon)") == 1 + len(
        with_features
    )
