"""Route instructions, warnings and explanations come in Czech and in English."""

from pathlib import Path
from types import SimpleNamespace

import polib
import pytest
from django.utils import translation

from mapping.models import NetworkEdge
from mapping.routing.instructions import blocked_sentence, relaxed_sentence, turn, warnings
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
        for placeholder in (
            "%(way)s",
            "%(metres)s",
            "%(value)s",
            "%(name)s",
            "%(pct)s",
            "%(where)s",
            "%(what)s",
        ):
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
    # The steps are the very first edge: the sentence says so, and its verb agrees with them.
    assert answer["reason"]["message"].startswith("Hned na začátku cestu blokují schody")
    assert answer["reason"]["relaxed"]["message"].startswith("Kdybyste připustili schody")


def test_czech_sentences_agree_with_what_blocks_the_way(routing_czech):
    with translation.override("cs"):
        assert blocked_sentence("max_kerb_cm", 12.0, 47) == (
            "Po 47 m cestu blokuje obrubník vysoký 12,0 cm."
        )
        assert blocked_sentence("max_steps", 54, 0) == "Hned na začátku cestu blokují schody (54)."
        assert blocked_sentence("blocked", "Uzavírka", 120) == (
            "Po 120 m je cesta uzavřená (Uzavírka)."
        )
        assert blocked_sentence("avoid_bad_surfaces", "sett", 5) == (
            "Po 5 m cestu blokuje nerovný povrch (dlažební kostky)."
        )
        # What the visitor would allow is the object of the sentence: the accusative.
        assert relaxed_sentence({"blocked": ["Uzavírka"], "max_incline_up_pct": [6.5]}, 229.4) == (
            "Kdybyste připustili uzavřenou cestu (Uzavírka), stoupání 6,5 %, "
            "vedla by trasa dlouhá 229 m."
        )


def test_measurements_take_the_decimal_comma_in_czech_and_the_point_in_english(routing_czech):
    # The fields of a walked edge (mapping/routing/edges.py) that the warnings read.
    edge = SimpleNamespace(
        id=1,
        incline_pct=6.5,
        incline_direction=0,
        surface="",
        surface_class=0,
        barrier="",
        steps=False,
        kerb_height_cm=12.0,
    )
    with translation.override("cs"):
        assert [w["message"] for w in warnings([edge])] == [
            "Prudké stoupání: 6,5 %",
            "Obrubník vysoký 12,0 cm",
        ]
    with translation.override("en"):
        assert [w["message"] for w in warnings([edge])] == [
            "Steep uphill section: 6.5 %",
            "Kerb 12.0 cm high",
        ]
        assert blocked_sentence("max_kerb_cm", 12.0, 47) == (
            "After 47 m the way is blocked by a kerb 12.0 cm high."
        )


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
