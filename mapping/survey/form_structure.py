"""The survey form as the phone shows it, built from the engine's structure (mapping.methodology).

The engine describes every field of the exchange standard; a volunteer in front of a building
needs only some of them, in the order they walk: parking, the way in, the interior, lifts,
toilets. This module picks the steps for a place kind; which fields apply when (the conditions
and sections of mapping.methodology.applicability) comes with each field, so that the phone asks
only what applies and the server requires only that. It is the only place that knows the engine's
`describe()` format.
"""

from functools import lru_cache

from mapping.methodology import structure as engine_structure

# Fields that imports, exports or the server fill in; a volunteer never types them.
NOT_ASKED = frozenset(
    {
        "sourceId",
        "objectId",
        "parentObjectId",
        "userId",
        "license",
        "certified",
        "photoUrl",
        "externalData",
        "accessibility",
        "accessibilitySeniors",
        "accessibilityPram",
        "organizationIc",
        "organizationName",
        "mappingDate",
        "modifiedDate",
        "longitude",
        "latitude",
        "ruianAddress",
        "region",
        "dataOwnerUrl",
        "title",
    }
)

# Steps per place kind, in walking order. ("items", name) is a repeatable record (a ramp, a lift).
STEPS_BY_KIND: dict[str, tuple[tuple[str, str], ...]] = {
    "building": (
        ("group", "general"),
        ("group", "parking"),
        ("group", "entrance1"),
        ("items", "rampskids"),
        ("items", "platform"),
        ("group", "interior"),
        ("items", "elevator"),
        ("items", "wc"),
        ("group", "entrance2"),
        ("group", "sensory"),
    ),
    "public_space": (("group", "general"), ("group", "public_space"), ("group", "sensory")),
    "transport_stop": (("group", "general"), ("group", "public_space"), ("group", "sensory")),
    "parking": (("group", "general"), ("group", "parking")),
    "toilet": (("group", "general"), ("group", "entrance1"), ("items", "wc")),
}
# The question that decides what else a step asks comes first (the standard lists the way in
# after the slopes on the way to it), and a toilet's door before its cabin, as one walks in:
# field -> the field it is asked after (None: first).
ASKED_AFTER: dict[str, str | None] = {
    "entrance1Accessibility": None,
    "entrance2Localization": None,
    "entrance2Accessibility": "entrance2Localization",
    "objectInteriorAccessibility": None,
    "wcAccessProvidedBy": "wcCabinAccess",
    "doorWidth": "wcCabinLocalization",
    "doorOpeningDirection": "doorWidth",
    "wcHandlesDistance": "handle2Length",
}
# Steps a volunteer may skip as a whole (a building without a side entrance).
OPTIONAL_GROUPS = frozenset({"entrance2", "sensory"})


def _field(f: dict, required: set[str]) -> dict:
    out = dict(f)
    out.pop("required_for", None)
    out["required"] = f["name"] in required
    return out


def _move(fields: list[dict], moved: list[dict], before: str | None) -> list[dict]:
    """`moved` taken out and put back in front of the field `before` (at the end for None)."""
    rest = [f for f in fields if all(f is not m for m in moved)]
    at = next((i for i, f in enumerate(rest) if f["name"] == before), len(rest))
    return rest[:at] + moved + rest[at:]


def _in_walking_order(fields: list[dict], sections: list[dict]) -> list[dict]:
    """The deciding questions first (ASKED_AFTER); a section with a `before` field moves, whole,
    in front of that field (the skids' button stands at the top of a ramp, not after its
    handrails), and the details few places need go last."""
    for name, after in ASKED_AFTER.items():
        found = [f for f in fields if f["name"] == name]
        if found:
            at = next((i + 1 for i, f in enumerate(fields) if f["name"] == after), 0)
            fields = _move(fields, found, fields[at]["name"] if at < len(fields) else None)
    for section in sections:
        if section.get("before") or section.get("details"):
            moved = [f for f in fields if f.get("section") == section["name"]]
            fields = _move(fields, moved, None if section.get("details") else section["before"])
    return fields


def _step_group(f: dict) -> str:
    # The side entrance's parking is asked with the side entrance, once there is one.
    if f["group"] == "parking" and f["name"].startswith("entrance2"):
        return "entrance2"
    return f["group"]


@lru_cache(maxsize=8)
def _described() -> dict:
    return engine_structure.describe()


def survey_form(place_kind: str) -> dict:
    """The steps of the survey for a place kind, as JSON for the phone."""
    described = _described()
    kind = place_kind if place_kind in STEPS_BY_KIND else "building"
    required = set(described["required_by_kind"].get(kind, ()))
    by_group: dict[str, list[dict]] = {}
    for f in described["fields"]:
        if f["name"] not in NOT_ASKED:
            by_group.setdefault(_step_group(f), []).append(f)
    steps = []
    for step_type, name in STEPS_BY_KIND[kind]:
        labels = described["groups"].get(name, {"cs": name, "en": name})
        items = step_type == "items"
        source = described["items"].get(name, []) if items else by_group.get(name)
        if not source:
            continue
        in_step = {f.get("section") for f in source}
        all_sections = described["item_sections"][name] if items else described["sections"]
        sections = [s for s in all_sections if s["name"] in in_step]
        steps.append(
            {
                "id": name,
                "type": step_type,
                "cs": labels["cs"].replace("{n}", "").strip(),
                "en": labels["en"].replace("{n}", "").strip(),
                "optional": name in OPTIONAL_GROUPS or items,
                "required": name in required,
                "fields": _in_walking_order([_field(f, required) for f in source], sections),
                "sections": sections,
            }
        )
    return {"place_kind": kind, "steps": steps}


def all_forms() -> dict[str, dict]:
    """Every place kind's form: the phone caches them all for offline use."""
    return {kind: survey_form(kind) for kind in STEPS_BY_KIND}


def validate_answers(answers, place_kind: str) -> list[dict]:
    """The engine's validation errors as JSON ({field, code, cs, en, problem}), in words: the
    volunteer sees them next to the field, never its internal key."""
    kind = place_kind if place_kind in engine_structure.REQUIRED_BY_KIND else "building"
    return [error.in_words() for error in engine_structure.validate(answers, kind)]
