"""Fill the Czech .po file from translation parts (TSV: English<TAB>Czech, or .po fragments).

Used when merging work: `python scripts/po_fill.py` after `manage.py makemessages`. Existing
translations in django.po are kept; entries found in locale/parts/ fill the empty ones.
"""

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent


def load_parts(folder: Path) -> tuple[dict[str, str], dict[str, dict[int, str]]]:
    """Singular translations by msgid, and plural ones (form index -> text) by msgid."""
    table: dict[str, str] = {}
    plurals: dict[str, dict[int, str]] = {}
    for path in sorted(folder.glob("*")):
        if path.suffix == ".tsv":
            for line in path.read_text(encoding="utf-8").splitlines():
                if "\t" in line:
                    english, czech = line.split("\t", 1)
                    # A TSV line holds one line of text: "\n" stands for a line break.
                    table[english.replace("\\n", "\n")] = czech.replace("\\n", "\n")
        elif path.suffix == ".po":
            for entry in polib.pofile(str(path)):
                if entry.msgid_plural and all(entry.msgstr_plural.values()):
                    plurals[entry.msgid] = dict(entry.msgstr_plural)
                elif entry.msgstr:
                    table[entry.msgid] = entry.msgstr
    return table, plurals


def czech_forms(forms: dict[int, str], nplurals: int) -> dict[int, str]:
    """Fit a translation's plural forms to the catalogue's Plural-Forms.

    Parts may be written with the classic three Czech forms (1 / 2-4 / 5+), while Django's Czech
    catalogue has CLDR's four (1 / 2-4 / fractions / 5+): a fraction takes the 2-4 form
    ("1,5 místa"), and 5+ moves to the last slot.
    """
    if len(forms) == 3 and nplurals == 4:
        return {0: forms[0], 1: forms[1], 2: forms[1], 3: forms[2]}
    return dict(forms)


def nplurals_of(po: polib.POFile) -> int:
    header = po.metadata.get("Plural-Forms", "")
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == "nplurals":
            return int(value)
    return 2


def main() -> int:
    table, plurals = load_parts(ROOT / "locale" / "parts")
    po = polib.pofile(str(ROOT / "locale" / "cs" / "LC_MESSAGES" / "django.po"))
    nplurals = nplurals_of(po)
    missing = []
    for entry in po:
        if entry.obsolete:
            continue
        # makemessages marks a guess from a similar msgid "fuzzy" ("Open data" -> the
        # translation of "demo data"): never trust it, only what the parts say.
        fuzzy = "fuzzy" in entry.flags
        if entry.msgid_plural:
            complete = len(entry.msgstr_plural) == nplurals and all(entry.msgstr_plural.values())
            if entry.msgid in plurals and (fuzzy or not complete):
                entry.msgstr_plural = czech_forms(plurals[entry.msgid], nplurals)
                fuzzy = False
            done = len(entry.msgstr_plural) == nplurals and all(entry.msgstr_plural.values())
        else:
            if entry.msgid in table and (not entry.msgstr or fuzzy):
                entry.msgstr = table[entry.msgid]
                fuzzy = False
            done = bool(entry.msgstr)
        if fuzzy:
            missing.append(entry.msgid)
        elif "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if "fuzzy" not in entry.flags:
            # The "#| msgid" of the guess it once was: meaningless once translated.
            entry.previous_msgid = entry.previous_msgid_plural = None
            entry.previous_msgctxt = None
        if not done:
            missing.append(entry.msgid)
    po.save()
    for msgid in missing:
        sys.stderr.write(f"untranslated: {msgid!r}\n")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
