"""Answers that contradict each other, read the way the engine reads them.

Each pair is one the engine resolves silently: a ramp recorded for an entrance whose way in is
"one step" does not make that entrance a ramp entrance (the entrance rule reads the way in), so the
ramp does not count for the category. The survey shows these as warnings while the volunteer can
still fix them, and the review shows them to the coordinator. Every warning names the field to
fix (`field`) and the answer it contradicts (`other`).
"""

from dataclasses import dataclass
from typing import Any

from mapping.methodology.answers import Answers
from mapping.methodology.engine import Result, to_exchange
from mapping.methodology.enums import ENTRANCE_ACCESSIBILITY, WC_CATEGORY
from mapping.methodology.rules import MORE_STEPS, ONE_STEP

INTERIOR = "InteriorRampSkidsLocalization"
SINGLE_DOOR = "SinglepanelledDoorType"
_ENTRANCE = {1: ("hlavní vstup", "the main entrance"), 2: ("vedlejší vstup", "the side entrance")}
_ITEM = {
    "rampskids": ("rampa", "ramp", "rampRelation"),
    "platform": ("plošina", "platform lift", "platformRelation"),
}
_ENTRANCE2_KEYS = (
    "entrance2Accessibility",
    "entrance2Door1MainpanelWidth",
    "entrance2Localization",
)


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str
    other: str
    code: str
    cs: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return {
            "field": self.field,
            "other": self.other,
            "code": self.code,
            "cs": self.cs,
            "en": self.en,
        }


def _items(answers: Answers, group: str) -> list[dict[str, Any]]:
    items = answers.get(group)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _for_entrances(answers: Answers, out: list[Contradiction]) -> None:
    """A ramp or a platform lift at an entrance whose way in is steps; one for an entrance that
    is not recorded."""
    has_side = any(k in answers for k in _ENTRANCE2_KEYS)
    for group, (cs, en, relation_key) in _ITEM.items():
        for i, item in enumerate(_items(answers, group)):
            where = item.get("rampLocalization") or item.get("skidsLocalization")
            if where == INTERIOR:
                continue
            # A ramp stands at an entrance unless it says otherwise; a platform lift often
            # inside, so it counts against a way in only when it names its entrance.
            relation = item.get(relation_key) or ("mainEntrance" if group == "rampskids" else "")
            if not relation:
                continue
            n = 2 if relation == "sideEntrance" else 1
            path = f"{group}[{i}].{relation_key}"
            e_cs, e_en = _ENTRANCE[n]
            if n == 2 and not has_side:
                out.append(Contradiction(
                    path, "entrance2Accessibility", f"{group}_without_entrance",
                    f"{cs.capitalize()} {i + 1} je zapsaná pro vedlejší vstup, ten ale v průzkumu "
                    "není: zapište vedlejší vstup, nebo u ní zvolte hlavní vstup.",
                    f"{en.capitalize()} {i + 1} is recorded for the side entrance, which the "
                    "survey does not have: record the side entrance, or choose the main one.",
                ))  # fmt: skip
                continue
            way_in = answers.get(f"entrance{n}Accessibility")
            if way_in not in (ONE_STEP, MORE_STEPS):
                continue
            w_cs, w_en = ENTRANCE_ACCESSIBILITY[way_in]
            out.append(Contradiction(
                f"entrance{n}Accessibility", path, f"{group}_at_steps",
                f"Pro {e_cs} je zapsaná {cs} {i + 1}, ale překonání výšky je „{w_cs}“: {cs} se "
                f"tak do kategorie nepočítá. Vede-li ke dveřím, zvolte u vstupu „{cs}“.",
                f"{en.capitalize()} {i + 1} is recorded for {e_en}, but its way in is "
                f"'{w_en}': the {en} then does not count. If it leads to the door, choose "
                f"'{en}' as the way in.",
            ))  # fmt: skip


def _for_steps_and_doors(answers: Answers, out: list[Contradiction]) -> None:
    for n in (1, 2):
        p = f"entrance{n}"
        e_cs, e_en = _ENTRANCE[n]
        if answers.get(p + "Accessibility") == MORE_STEPS:
            counts = [answers.get(p + "Steps1NumberOf"), answers.get(p + "Steps2NumberOf")]
            if counts[0] is not None and sum(c or 0 for c in counts) == 1:
                out.append(Contradiction(
                    p + "Steps1NumberOf", p + "Accessibility", "one_of_more_steps",
                    f"U vstupu ({e_cs}) je zvoleno „více schodů“, ale schod je jen jeden: zvolte "
                    "„jeden schod“ (s jedním schodem je vstup pro vozík částečně přístupný).",
                    f"The way in of {e_en} is 'more steps', but there is one step: choose "
                    "'one step' (with one step it is partly accessible by wheelchair).",
                ))  # fmt: skip
        for d in (1, 2):
            door = f"{p}Door{d}"
            if answers.get(door + "Type") == SINGLE_DOOR and door + "SidepanelWidth" in answers:
                out.append(Contradiction(
                    door + "SidepanelWidth", door + "Type", "single_door_side_panel",
                    f"Dveře {d} ({e_cs}) jsou jednokřídlé, a přesto mají zapsané vedlejší křídlo, "
                    "které se přičítá k šířce: smažte ho, nebo zvolte dvoukřídlé dveře.",
                    f"Door {d} of {e_en} is single-leaf, yet a side leaf is recorded and added "
                    "to its width: delete it, or choose a double-leaf door.",
                ))  # fmt: skip


def _for_toilets(answers: Answers, result: Result, out: list[Contradiction]) -> None:
    """A toilet declared WC I (or II) that its measurements make another category."""
    for i, toilet in enumerate(_items(answers, "wc")):
        declared = toilet.get("wcAccessibility")
        if declared not in WC_CATEGORY or i >= len(result.toilets):
            continue
        computed = to_exchange(result.toilets[i][0], wc=True)
        if computed == declared:
            continue
        d_cs, d_en = WC_CATEGORY[declared]
        c_cs, c_en = WC_CATEGORY[computed]
        out.append(Contradiction(
            f"wc[{i}].wcAccessibility", f"wc[{i}]", "wc_category",
            f"Toaleta {i + 1} je označená „{d_cs}“, podle měření je to „{c_cs}“: zkontrolujte "
            "měření, nebo kategorii opravte.",
            f"Toilet {i + 1} is marked '{d_en}', by its measurements it is '{c_en}': check the "
            "measurements, or correct the category.",
        ))  # fmt: skip


def contradictions(answers: Answers, result: Result) -> list[Contradiction]:
    """Every contradiction in one object's answers; `result` is the engine's for the same."""
    out: list[Contradiction] = []
    _for_entrances(answers, out)
    _for_steps_and_doors(answers, out)
    _for_toilets(answers, result, out)
    return out
