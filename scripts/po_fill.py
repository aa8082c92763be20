"""Fill the Czech .po file from translation parts (TSV: English<TAB>Czech, or .po fragments).

Used when merging work: `python scripts/po_fill.py` after `manage.py makemessages`. Existing
translations in django.po are kept; entries found in locale/parts/ fill the empty ones.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def load_parts(folder: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for path in sorted(folder.glob("*")):
        if path.suffix == ".tsv":
            for line in path.read_text(encoding="utf-8").splitlines():
                if "\t" in line:
                    english, czech = line.split("\t", 1)
                    # A TSV line holds one line of text: "\n" stands for a line break.
                    table[english.replace("\\n", "\n")] = czech.replace("\\n", "\n")
        elif path.suffix == ".po":
            for entry in polib.pofile(str(path)):
                if entry.msgstr:
                    table[entry.msgid] = entry.msgstr
    return table


def main() -> int:
    table = load_parts(ROOT / "locale" / "parts")
    po = polib.pofile(str(ROOT / "locale" / "cs" / "LC_MESSAGES" / "django.po"))
    missing = []
    for entry in po:
        if entry.obsolete or entry.msgid_plural:
            continue
        if entry.msgid in table and (not entry.msgstr or "fuzzy" in entry.flags):
            entry.msgstr = table[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        if not entry.msgstr:
            missing.append(entry.msgid)
    po.save()
    for msgid in missing:
        sys.stderr.write(f"untranslated: {msgid!r}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
