"""Text instructions and warnings for a route, in the active language (Czech or English).

Consecutive edges of the same street (or, without a name, the same kind of way) make one
instruction; the turn between two instructions comes from the bearings at the joint.
"""

from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mapping.routing.edges import WalkedEdge
from mapping.routing.tags import COBBLES, ROUGH_SURFACES

STEEP_WARNING_PCT = 6.0

WAY_KINDS = {
    "footway": gettext_lazy("footpath"),
    "path": gettext_lazy("path"),
    "pedestrian": gettext_lazy("pedestrian zone"),
    "steps": gettext_lazy("steps"),
    "living_street": gettext_lazy("living street"),
    "track": gettext_lazy("track"),
    "service": gettext_lazy("service road"),
    "corridor": gettext_lazy("passage"),
    "platform": gettext_lazy("platform"),
}
# The rough surfaces and bad smoothness values (OSM codes) as a visitor reads them.
SURFACE_LABELS = {
    "sett": gettext_lazy("cobbles"),
    "unhewn_cobblestone": gettext_lazy("rough cobblestones"),
    "pebblestone": gettext_lazy("pebbles"),
    "gravel": gettext_lazy("gravel"),
    "fine_gravel": gettext_lazy("fine gravel"),
    "dirt": gettext_lazy("dirt"),
    "ground": gettext_lazy("bare ground"),
    "grass": gettext_lazy("grass"),
    "grass_paver": gettext_lazy("grass pavers"),
    "sand": gettext_lazy("sand"),
    "mud": gettext_lazy("mud"),
    "rock": gettext_lazy("rock"),
    "stepping_stones": gettext_lazy("stepping stones"),
    "woodchips": gettext_lazy("wood chips"),
    "unpaved": gettext_lazy("unpaved surface"),
    "very_bad": gettext_lazy("very uneven surface"),
    "horrible": gettext_lazy("extremely uneven surface"),
    "very_horrible": gettext_lazy("hardly passable surface"),
    "impassable": gettext_lazy("impassable surface"),
}
# Barrier and entrance kinds (mapping.routing.tags.barrier_kind) as a visitor reads them, in the
# nominative: the sentences below name them after a colon, so that no verb has to agree.
BARRIER_LABELS = {
    "stile": gettext_lazy("stile"),
    "horse_stile": gettext_lazy("stile"),
    "log": gettext_lazy("log across the way"),
    "turnstile": gettext_lazy("turnstile"),
    "full-height_turnstile": gettext_lazy("full-height turnstile"),
    "kissing_gate": gettext_lazy("kissing gate"),
    "cattle_grid": gettext_lazy("cattle grid"),
    "motorcycle_barrier": gettext_lazy("motorcycle barrier"),
    "chain": gettext_lazy("chain across the way"),
    "cycle_barrier": gettext_lazy("cycle barrier"),
    "subway_entrance": gettext_lazy("subway entrance"),
    "entrance": gettext_lazy("entrance"),
    "elevator": gettext_lazy("lift"),
    "gate": gettext_lazy("gate"),
    "lift_gate": gettext_lazy("barrier arm"),
    "swing_gate": gettext_lazy("gate"),
    "bollard": gettext_lazy("bollard"),
}
BARRIER_LABEL = gettext_lazy("barrier")


def barrier_name(kind: str) -> str:
    return str(BARRIER_LABELS.get(kind, BARRIER_LABEL))


CROSSING_LABEL = gettext_lazy("crossing")
SIDEWALK_LABEL = gettext_lazy("sidewalk")
STREET_LABEL = gettext_lazy("street")


def number(value) -> str:
    """A measured value as the active language writes it: 12,0 cm in Czech, 12.0 cm in English."""
    return localize(value) if isinstance(value, float) else str(value)


BARRIER_LIMITS = frozenset({"barrier_closed", "barrier_wheelchair_no", "impassable_barrier"})


def _phrase_value(limit: str, value) -> str:
    if limit in {"avoid_bad_surfaces", "max_surface_class"} and value in SURFACE_LABELS:
        return str(SURFACE_LABELS[value])
    if limit in BARRIER_LIMITS:
        return barrier_name(value)
    if limit == "only_known":
        return str(WAY_KINDS.get(value, STREET_LABEL))
    return number(value)


def _blocked_sentences() -> dict[str, str]:
    """Whole sentences, one per limit: in Czech the verb agrees with what blocks the way
    ("blokují schody", "blokuje obrubník"), so a phrase cannot be slotted into one sentence."""
    return {
        "max_steps": _("%(where)s the way is blocked by steps (%(value)s)."),
        "max_incline_up_pct": _("%(where)s the way is blocked by an uphill slope of %(value)s %%."),
        "max_incline_down_pct": _(
            "%(where)s the way is blocked by a downhill slope of %(value)s %%."
        ),
        "max_kerb_cm": _("%(where)s the way is blocked by a kerb %(value)s cm high."),
        "min_width_cm": _("%(where)s the way is blocked by a passage %(value)s cm wide."),
        "avoid_bad_surfaces": _("%(where)s the way is blocked by a rough surface (%(value)s)."),
        "avoid_wheelchair_no": _("%(where)s the way is marked as not passable by wheelchair."),
        "blocked": _("%(where)s the way is closed (%(value)s)."),
        "max_surface_class": _(
            "%(where)s the way is blocked by a surface too rough for you (%(value)s)."
        ),
        "barrier_closed": _("%(where)s the way is closed to pedestrians: %(value)s."),
        "barrier_wheelchair_no": _(
            "%(where)s the way leads through a place marked as not passable by wheelchair: "
            "%(value)s."
        ),
        "impassable_barrier": _("%(where)s the way is blocked by a barrier: %(value)s."),
        "only_known": _(
            "%(where)s the way leads along a way that nobody has described (%(value)s)."
        ),
    }


def _allowed_phrases() -> dict[str, str]:
    """What the visitor would have to allow: the object of "if you allowed …" (in Czech the
    accusative: "uzavřenou cestu")."""
    return {
        "max_steps": _("steps (%(value)s)"),
        "max_incline_up_pct": _("an uphill slope of %(value)s %%"),
        "max_incline_down_pct": _("a downhill slope of %(value)s %%"),
        "max_kerb_cm": _("a kerb %(value)s cm high"),
        "min_width_cm": _("a passage %(value)s cm wide"),
        "avoid_bad_surfaces": _("a rough surface (%(value)s)"),
        "avoid_wheelchair_no": _("a way marked as not passable by wheelchair"),
        "blocked": _("a closed way (%(value)s)"),
        "max_surface_class": _("a surface too rough for you (%(value)s)"),
        "barrier_closed": _("a barrier closed to pedestrians (%(value)s)"),
        "barrier_wheelchair_no": _("a place not passable by wheelchair (%(value)s)"),
        "impassable_barrier": _("a barrier (%(value)s)"),
        "only_known": _("ways that nobody has described"),
    }


def blocked_sentence(limit: str, value, metres: int) -> str:
    """Where the way is blocked and by what, as one sentence."""
    where = _("Right at the start") if metres == 0 else _("After %(metres)s m") % {"metres": metres}
    return _blocked_sentences()[limit] % {"where": where, "value": _phrase_value(limit, value)}


def relaxed_sentence(needs: dict[str, list], length_m: float) -> str:
    """The route there would be if the visitor allowed what blocks it (each limit's first)."""
    phrases = _allowed_phrases()
    what = ", ".join(
        phrases[limit] % {"value": _phrase_value(limit, values[0])}
        for limit, values in needs.items()
    )
    return _("If you allowed %(what)s, there would be a route of %(length)s m.") % {
        "what": what,
        "length": round(length_m),
    }


def way_label(edge: WalkedEdge) -> str:
    if edge.crossing or edge.footway == "crossing":
        return str(CROSSING_LABEL)
    if edge.name and not edge.steps:
        return edge.name
    if edge.footway == "sidewalk":
        return str(SIDEWALK_LABEL)
    return str(WAY_KINDS.get(edge.highway, STREET_LABEL))


def turn(before: float | None, after: float | None) -> str:
    """straight, slight_left, left, sharp_left, ... from two bearings in degrees."""
    if before is None or after is None:
        return "straight"
    change = (after - before + 540) % 360 - 180
    size = abs(change)
    if size < 25:
        return "straight"
    side = "right" if change > 0 else "left"
    if size < 60:
        return f"slight_{side}"
    if size < 135:
        return side
    return f"sharp_{side}"


def _turn_text(code: str) -> str:
    return {
        "straight": _("Continue straight"),
        "slight_left": _("Bear left"),
        "slight_right": _("Bear right"),
        "left": _("Turn left"),
        "right": _("Turn right"),
        "sharp_left": _("Turn sharp left"),
        "sharp_right": _("Turn sharp right"),
    }[code]


def instructions(edges: list[WalkedEdge]) -> list[dict]:
    groups: list[dict] = []
    for edge in edges:
        label = way_label(edge)
        if groups and groups[-1]["label"] == label:
            groups[-1]["distance_m"] += edge.length_m
            groups[-1]["bearing_end"] = edge.bearing_end
            continue
        groups.append(
            {
                "label": label,
                "distance_m": edge.length_m,
                "bearing_start": edge.bearing_start,
                "bearing_end": edge.bearing_end,
                "steps": edge.steps,
                "step_count": edge.step_count,
            }
        )
    result = []
    for number, group in enumerate(groups):
        metres = round(group["distance_m"])
        values = {"way": group["label"], "metres": metres}
        if number == 0:
            code = "start"
            text = _("Start: %(way)s, %(metres)s m") % values
        else:
            code = turn(groups[number - 1]["bearing_end"], group["bearing_start"])
            text = _("%(turn)s: %(way)s, %(metres)s m") % {
                **values,
                "turn": _turn_text(code),
            }
        if group["steps"]:
            text += " " + (
                _("(steps: %(count)s)") % {"count": group["step_count"]}
                if group["step_count"]
                else _("(steps)")
            )
        result.append({"turn": code, "text": text, "distance_m": metres, "way": group["label"]})
    if result:
        result.append({"turn": "arrive", "text": _("You have arrived"), "distance_m": 0, "way": ""})
    return result


def warnings(edges: list[WalkedEdge]) -> list[dict]:
    found = []
    for index, edge in enumerate(edges):
        incline = edge.incline_pct
        where = {"edge_index": index, "edge_id": edge.id}
        if incline is not None and abs(incline) >= STEEP_WARNING_PCT:
            message = (
                _("Steep uphill section: %(pct)s %%")
                if incline > 0
                else _("Steep downhill section: %(pct)s %%")
            )
            found.append(
                {"kind": "steep", "message": message % {"pct": number(abs(incline))}, **where}
            )
        elif incline is None and edge.incline_direction:
            found.append({"kind": "steep", "message": _("Slope of unknown steepness"), **where})
        if edge.surface in COBBLES:
            found.append({"kind": "cobbles", "message": _("Cobbled stretch"), **where})
        elif edge.surface in ROUGH_SURFACES or edge.surface_class > 0:
            found.append({"kind": "surface", "message": _("Rough surface"), **where})
        if edge.barrier and edge.barrier not in {"entrance", "subway_entrance"}:
            found.append(
                {
                    "kind": "barrier",
                    "message": _("On the way: %(barrier)s")
                    % {"barrier": barrier_name(edge.barrier)},
                    **where,
                }
            )
        if edge.steps:
            found.append({"kind": "steps", "message": _("Steps"), **where})
        if edge.kerb_height_cm and edge.kerb_height_cm > 0:
            found.append(
                {
                    "kind": "kerb",
                    "message": _("Kerb %(cm)s cm high") % {"cm": number(edge.kerb_height_cm)},
                    **where,
                }
            )
    return found


def summary_sentences(uncomfortable_m: float, knowledge_m: dict[str, float]) -> list[str]:
    """What the route's numbers say: how much of it is uncomfortable, and how much of it is
    surveyed, tagged in OpenStreetMap, or only assumed passable."""
    sentences = []
    if uncomfortable_m >= 1:
        sentences.append(
            _("Uneven surface on %(metres)s m of the route.") % {"metres": round(uncomfortable_m)}
        )
    sentences.append(
        _(
            "Surveyed: %(surveyed)s m; described in OpenStreetMap: %(tagged)s m; "
            "assumed passable: %(assumed)s m."
        )
        % {name: round(value) for name, value in knowledge_m.items()}
    )
    return sentences
