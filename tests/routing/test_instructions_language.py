"""Route instructions, warnings and explanations come in Czech and in English."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

from mapping.models import NetworkEdge
from mapping.routing.instructions import turn
from mapping.routing.routes import plan_route

PARTS = Path(__file__).resolve().parents[2] / "locale" / "parts" / "routing.cs.po"
START, END = (15.595, 48.408), (15.605, 48.412)


@pytest.fixture
def routing_czech(settings, tmp_path):
    """This part's Czech catalogue, compiled apart from the project's merged one."""
    folder = tmp_path / "cs" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    polib.pofile(str(PARTS)).save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path]


def test_every_czech_entry_of_the_routing_part_is_translated():
    entries = polib.pofile(str(PARTS))
    assert entries.percent_translated() == 100
    for entry in entries:
        for placeholder in ("%(way)s", "%(metres)s", "%(value)s", "%(name)s", "%(pct)s"):
            assert (placeholder in entry.msgid) == (placeholder in entry.msgstr), entry.msgid


def test_the_instructions_read_in_czech_and_in_english(load_town, routing_czech):
    load_town("krems")
    with translation.override("en"):
        english = plan_route(START, END, "pedestrian")
    with translation.override("cs"):
        czech = plan_route(START, END, "pedestrian")
    assert english["instructions"][0]["text"].startswith("Start:")
    assert czech["instructions"][0]["text"].startswith("Začátek:")
    assert czech["instructions"][-1]["text"] == "Jste v cíli"
    assert [i["distance_m"] for i in czech["instructions"]] == [
        i["distance_m"] for i in english["instructions"]
    ]


def test_the_explanation_of_a_blocked_way_reads_in_czech(load_town, routing_czech):
    load_town("berlin-siegessaeule")
    steps = NetworkEdge.objects.filter(steps=True).order_by("id").first()
    with translation.override("cs"):
        answer = plan_route(steps.geom.coords[0], steps.geom.coords[-1], "wheelchair")
    assert not answer["found"]
    assert answer["reason"]["message"].startswith("Po ")
    assert "schody" in answer["reason"]["message"]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (0, 5, "straight"),
        (0, 90, "right"),
        (0, 270, "left"),
        (350, 30, "slight_right"),
        (90, 260, "sharp_right"),
        (10, 300, "left"),
    ],
)
def test_turns_are_read_from_the_bearings(before, after, expected):
    assert turn(before, after) == expected
