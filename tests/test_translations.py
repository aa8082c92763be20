"""The Czech catalogue is complete: every message translated, every plural in all its forms.

A missing plural form falls back to English at run time ("26 places" on a Czech page), and a
"fuzzy" entry (makemessages' guess from a similar message) is left out of the compiled file:
both are caught here rather than by a resident.
"""

from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import ngettext

CATALOGUE = Path(__file__).resolve().parents[1] / "locale" / "cs" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def czech() -> polib.POFile:
    return polib.pofile(str(CATALOGUE))


def test_every_czech_message_is_translated_and_none_is_a_guess(czech):
    live = [entry for entry in czech if not entry.obsolete]
    assert [e.msgid for e in live if "fuzzy" in e.flags] == []
    assert [e.msgid for e in live if not e.msgid_plural and not e.msgstr] == []


def test_every_czech_plural_has_all_the_forms_of_the_catalogue(czech):
    nplurals = int(czech.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    incomplete = [
        entry.msgid
        for entry in czech
        if entry.msgid_plural
        and not entry.obsolete
        and (len(entry.msgstr_plural) != nplurals or not all(entry.msgstr_plural.values()))
    ]
    assert incomplete == []


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "1 místo"), (3, "3 místa"), (5, "5 míst"), (26, "26 míst")]
)
def test_a_czech_count_takes_the_right_form(count, expected):
    with translation.override("cs"):
        text = ngettext("%(counter)s place", "%(counter)s places", count) % {"counter": count}
    assert text == expected
