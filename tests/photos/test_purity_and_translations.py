"""The pipeline stays pure (no Django), and every message it can show has its Czech."""

import re
import subprocess
import sys
from pathlib import Path

from mapping.photos.errors import ALL_ERRORS

ROOT = Path(__file__).resolve().parent.parent.parent
PO = ROOT / "locale" / "parts" / "photos.cs.po"


def test_the_pipeline_imports_nothing_from_django():
    code = (
        "import sys; import mapping.photos; "
        "from mapping.photos import process_photo; "
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
        "print(bad)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def po_entries() -> dict[str, str]:
    text = PO.read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid "(.*)"\nmsgstr "(.*)"$', text, flags=re.MULTILINE)
    return {msgid.replace('\\"', '"'): msgstr.replace('\\"', '"') for msgid, msgstr in pairs}


def test_every_error_message_has_the_same_czech_in_the_po_file():
    entries = po_entries()
    for error in ALL_ERRORS:
        assert entries.get(error.template_en) == error.template_cs, error.__name__


def test_the_czech_messages_are_czech_with_the_same_placeholders():
    for error in ALL_ERRORS:
        assert re.findall(r"%\((\w+)\)s", error.template_en) == re.findall(
            r"%\((\w+)\)s", error.template_cs
        )
        assert error.template_cs != error.template_en
        assert 400 <= error.status < 500
