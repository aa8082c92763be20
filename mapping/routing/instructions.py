"""Text instructions and warnings for a route, in the active language (Czech or English).

Consecutive edges of the same street (or, without a name, the same kind of way) make one
instruction; the turn between two instructions comes from the bearings at the joint.
"""

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
CROSSING_LABEL = gettext_lazy("crossing")
SIDEWALK_LABEL = gettext_lazy("sidewalk")
STREET_LABEL = gettext_lazy("street")


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
            found.append({"kind": "steep", "message": message % {"pct": abs(incline)}, **where})
        elif incline is None and edge.incline_direction:
            found.append({"kind": "steep", "message": _("Slope of unknown steepness"), **where})
        if edge.surface in COBBLES:
            found.append({"kind": "cobbles", "message": _("Cobbled stretch"), **where})
        elif edge.surface in ROUGH_SURFACES:
            found.append({"kind": "surface", "message": _("Rough surface"), **where})
        if edge.steps:
            found.append({"kind": "steps", "message": _("Steps"), **where})
        if edge.kerb_height_cm and edge.kerb_height_cm > 0:
            found.append(
                {
                    "kind": "kerb",
                    "message": _("Kerb %(cm)s cm high") % {"cm": edge.kerb_height_cm},
                    **where,
                }
            )
    return found
