"""The survey form as the phone shows it, built from the engine's structure (mapping.methodology).

The engine describes every field of the exchange standard; a volunteer in front of a building
needs only some of them, in the order they walk: parking, the way in, the interior, lifts,
toilets. This module picks the steps for a place kind and marks which fields depend on a yes/no
question ("Are there steps inside?" -> their number and height), so the phone asks only what
applies. It is the only place that knows the engine's `describe()` format.
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
# Steps a volunteer may skip as a whole (a building without a side entrance).
OPTIONAL_GROUPS = frozenset({"entrance2", "sensory"})


def _gates(fields: list[dict]) -> dict[str, str]:
    """Map each dependent field to the yes/no field it hangs on.

    The standard names a question `<prefix>Is<Thing>` and its details `<prefix>...<Thing>...`
    (objectIsSteps -> objectSteps1Height; entrance1IsReservedParking ->
    entrance1NumberOfReservedParking), so the dependency is read from the names.
    """
    gates: dict[str, str] = {}
    questions = []
    for f in fields:
        name = f["name"]
        if f["type"] == "boolean" and "Is" in name:
            prefix, _, thing = name.partition("Is")
            if prefix and thing:
                questions.append((name, prefix, thing))
    for f in fields:
        name = f["name"]
        for gate, prefix, thing in questions:
            if name != gate and name.startswith(prefix) and thing in name[len(prefix) :]:
                gates.setdefault(name, gate)
    return gates


def _field(f: dict, gates: dict[str, str], required: set[str]) -> dict:
    out = dict(f)
    out.pop("required_for", None)
    out["required"] = f["name"] in required
    if f["name"] in gates:
        out["shown_if"] = gates[f["name"]]
    return out


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
            by_group.setdefault(f["group"], []).append(f)
    steps = []
    for step_type, name in STEPS_BY_KIND[kind]:
        labels = described["groups"].get(name, {"cs": name, "en": name})
        source = described["items"].get(name, []) if step_type == "items" else by_group.get(name)
        if not source:
            continue
        gates = _gates(source)
        steps.append(
            {
                "id": name,
                "type": step_type,
                "cs": labels["cs"].replace("{n}", "").strip(),
                "en": labels["en"].replace("{n}", "").strip(),
                "optional": name in OPTIONAL_GROUPS or step_type == "items",
                "required": name in required,
                "fields": [_field(f, gates, required) for f in source],
            }
        )
    return {"place_kind": kind, "steps": steps}


def all_forms() -> dict[str, dict]:
    """Every place kind's form: the phone caches them all for offline use."""
    return {kind: survey_form(kind) for kind in STEPS_BY_KIND}


def validate_answers(answers, place_kind: str) -> list[dict]:
    """The engine's validation errors as JSON ({field, code, cs, en})."""
    kind = place_kind if place_kind in engine_structure.REQUIRED_BY_KIND else "building"
    return [error.to_dict() for error in engine_structure.validate(answers, kind)]
