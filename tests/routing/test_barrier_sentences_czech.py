"""The new sentences about barriers, surfaces and what is known of a route read as Czech: whole
sentences from this part's catalogue (locale/parts/routing-barriers.cs.tsv) with the routing
part's (locale/parts/routing.cs.po), compiled apart from the project's merged catalogue."""

from pathlib import Path

import polib
import pytest
from django.utils import translation

from mapping.routing.instructions import blocked_sentence, relaxed_sentence, summary_sentences

PARTS = Path(__file__).resolve().parents[2] / "locale" / "parts"


@pytest.fixture
def barriers_czech(settings, tmp_path):
    catalogue = polib.pofile(str(PARTS / "routing.cs.po"))
    for line in (PARTS / "routing-barriers.cs.tsv").read_text(encoding="utf-8").splitlines():
        english, czech = line.split("\t")
        catalogue.append(polib.POEntry(msgid=english, msgstr=czech))
    folder = tmp_path / "cs" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue.save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path]
    translation.trans_real._translations = {}
    yield
    translation.trans_real._translations = {}


def test_every_line_of_the_part_keeps_its_placeholders():
    for line in (PARTS / "routing-barriers.cs.tsv").read_text(encoding="utf-8").splitlines():
        english, czech = line.split("\t")
        for placeholder in ("%(where)s", "%(value)s", "%(metres)s", "%(barrier)s", "%(tagged)s"):
            assert (placeholder in english) == (placeholder in czech), line


def test_a_barrier_is_named_in_czech(barriers_czech):
    with translation.override("cs"):
        assert blocked_sentence("impassable_barrier", "turnstile", 120) == (
            "Po 120 m cestu blokuje překážka: turniket."
        )
        assert blocked_sentence("barrier_wheelchair_no", "subway_entrance", 0) == (
            "Hned na začátku vede cesta místem označeným jako nesjízdné pro vozík: vstup do metra."
        )
        assert relaxed_sentence({"impassable_barrier": ["kissing_gate"]}, 240.4) == (
            "Kdybyste připustili překážku (úzká otočná branka), vedla by trasa dlouhá 240 m."
        )


def test_the_summary_of_a_route_is_czech(barriers_czech):
    with translation.override("cs"):
        assert summary_sentences(12.4, {"surveyed": 20.0, "tagged": 30.0, "assumed": 50.2}) == [
            "Nerovný povrch na 12 m trasy.",
            "Prověřeno v terénu: 20 m; popsáno v OpenStreetMap: 30 m; "
            "průchodnost jen předpokládaná: 50 m.",
        ]
