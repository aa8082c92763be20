"""Planning a route for a profile: the route, its time, warnings and instructions, and, when the
limits allow no route, why not: the first barrier on the path that crosses the fewest, and that
path as the route the visitor would have if they relaxed the limits it breaks."""

from dataclasses import asdict

from django.utils.translation import gettext as _

from mapping.models import BarrierKind, Place
from mapping.route_profiles import Limits, Profile, get_profile, with_overrides
from mapping.routing import instructions as text
from mapping.routing.destinations import destination_for
from mapping.routing.edges import WalkedEdge
from mapping.routing.search import resolve_end
from mapping.routing.service import Path, Searched, route_between, snap_dict

# Steps take longer than their length suggests: about a second per step for a pedestrian.
SECONDS_PER_STEP = 1.0


def _slope_limit(edge: WalkedEdge, limits: Limits) -> tuple[str, float | None]:
    """The slope limit that a surveyed (undirected) slope on `edge` meets in the direction walked:
    the edge's own direction when the map knows it, else the stricter limit (as in the SQL)."""
    incline = edge.incline_pct or edge.incline_direction or 0
    up, down = limits.max_incline_up_pct, limits.max_incline_down_pct
    if incline > 0:
        return "max_incline_up_pct", up
    if incline < 0:
        return "max_incline_down_pct", down
    candidates = [
        (value, name)
        for name, value in (("max_incline_up_pct", up), ("max_incline_down_pct", down))
        if value is not None
    ]
    if not candidates:
        return "max_incline_up_pct", None
    value, name = min(candidates)
    return name, value


def broken_limits(edge: WalkedEdge, limits: Limits) -> list[tuple[str, object]]:
    """The hard limits that `edge`, travelled in the route's direction, breaks: by its own
    attributes and by the barriers on it (surveyed, from assessments and from reports). The SQL
    (mapping/routing/sql/edges.sql) decides which edges break a limit; this names the limits, and
    tests/routing/test_limits_agree.py checks that both find the same edges."""
    broken: list[tuple[str, object]] = []
    count = edge.step_count
    if edge.steps and limits.max_steps is not None and (count is None or count > limits.max_steps):
        broken.append(("max_steps", edge.step_count or "?"))
    incline = edge.incline_pct
    if incline is not None:
        if limits.max_incline_up_pct is not None and incline > limits.max_incline_up_pct:
            broken.append(("max_incline_up_pct", incline))
        if limits.max_incline_down_pct is not None and -incline > limits.max_incline_down_pct:
            broken.append(("max_incline_down_pct", -incline))
    barriers = edge.barriers
    measured = [(edge.kerb_height_cm, edge.width_cm, None)] + [
        (b.kerb_height_cm, b.width_cm, b.step_count) for b in barriers
    ]
    for kerb, width, steps in measured:
        if kerb is not None and limits.max_kerb_cm is not None and kerb > limits.max_kerb_cm:
            broken.append(("max_kerb_cm", kerb))
        if width is not None and limits.min_width_cm is not None and width < limits.min_width_cm:
            broken.append(("min_width_cm", width))
        if steps is not None and limits.max_steps is not None and steps > limits.max_steps:
            broken.append(("max_steps", _whole(steps)))
    slopes = [b.incline_pct for b in barriers if b.incline_pct is not None]
    if slopes:
        name, limit = _slope_limit(edge, limits)
        if limit is not None and max(slopes) > limit:
            broken.append((name, max(slopes)))
    if limits.avoid_bad_surfaces and edge.rough:
        broken.append(("avoid_bad_surfaces", edge.surface or edge.smoothness))
    elif limits.avoid_bad_surfaces and any(b.rough for b in barriers):
        broken.append(("avoid_bad_surfaces", _("surveyed")))
    max_surface = limits.max_surface_class
    if max_surface is not None and edge.surface_class > max_surface:
        broken.append(("max_surface_class", edge.surface or edge.smoothness))
    if limits.avoid_wheelchair_no and edge.wheelchair == "no":
        broken.append(("avoid_wheelchair_no", "no"))
    if edge.barrier:
        if edge.barrier_closed:
            broken.append(("barrier_closed", edge.barrier))
        if limits.avoid_wheelchair_no and edge.barrier_wheelchair == "no":
            broken.append(("barrier_wheelchair_no", edge.barrier))
        if edge.barrier in limits.impassable_barriers and edge.barrier_wheelchair != "yes":
            broken.append(("impassable_barrier", edge.barrier))
    if limits.only_known and edge.knowledge == "assumed":
        broken.append(("only_known", edge.highway))
    broken.extend(("blocked", barrier_label(b.kind)) for b in barriers if b.blocks)
    return broken


def _whole(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def barrier_label(kind: str) -> str:
    if kind == "lift":
        return _("lift out of order")
    if kind in BarrierKind.values:
        return str(BarrierKind(kind).label)
    return _("reported barrier")


def duration_s(path: Path, profile: Profile) -> float:
    seconds = sum(e.length_m for e in path.edges) / profile.speed_m_s
    return seconds + SECONDS_PER_STEP * sum(e.step_count or 0 for e in path.edges if e.steps)


def _geojson(path: Path) -> dict:
    coordinates: list = []
    for edge in path.edges:
        points = edge.geometry["coordinates"]
        coordinates.extend(points if not coordinates else points[1:])
    return {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": coordinates},
        "properties": {"length_m": round(path.length_m, 1)},
    }


def _stretches(path: Path) -> dict:
    """The path as runs of edges that are equally known (surveyed, tagged, assumed): a GeoJSON
    FeatureCollection that the planner draws each in its own line style."""
    features: list[dict] = []
    for edge in path.edges:
        points = edge.geometry["coordinates"]
        last = features[-1] if features else None
        if last and last["properties"]["knowledge"] == edge.knowledge:
            last["geometry"]["coordinates"].extend(points[1:])
            last["properties"]["length_m"] += edge.length_m
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": list(points)},
                "properties": {"knowledge": edge.knowledge, "length_m": edge.length_m},
            }
        )
    for feature in features:
        feature["properties"]["length_m"] = round(feature["properties"]["length_m"], 1)
    return {"type": "FeatureCollection", "features": features}


def uncomfortable(edge: WalkedEdge) -> bool:
    """An uneven or rough surface that the profile passes (a soft cost and a warning): graded so
    by the import, or found so by a survey."""
    return edge.rough or edge.surface_class > 0 or any(b.rough for b in edge.barriers)


def knowledge_m(path: Path) -> dict[str, float]:
    """How many metres of the path are surveyed, tagged in OpenStreetMap, and assumed."""
    metres = dict.fromkeys(("surveyed", "tagged", "assumed"), 0.0)
    for edge in path.edges:
        metres[edge.knowledge] += edge.length_m
    return {name: round(value, 1) for name, value in metres.items()}


def describe(path: Path, profile: Profile) -> dict:
    rough_m = round(sum(e.length_m for e in path.edges if uncomfortable(e)), 1)
    known = knowledge_m(path)
    return {
        "length_m": round(path.length_m, 1),
        "duration_s": round(duration_s(path, profile)),
        "geojson": _geojson(path),
        "stretches": _stretches(path),
        "edges": [edge.as_json() for edge in path.edges],
        "uncomfortable_m": rough_m,
        "knowledge_m": known,
        "summary": text.summary_sentences(rough_m, known),
        "warnings": text.warnings(path.edges),
        "instructions": text.instructions(path.edges),
    }


def plan_route(
    start: tuple[float, float],
    end: tuple[float, float],
    profile_name: str = "pedestrian",
    overrides: dict | None = None,
) -> dict:
    """The route from `start` to `end` (lon, lat, WGS 84) for a profile and the visitor's limits."""
    profile = with_overrides(get_profile(profile_name), overrides)
    from_snap, to_snap, path, searched = route_between(profile, start, end)
    found = path is not None and path.within_limits
    limits = asdict(profile.limits)
    limits["impassable_barriers"] = sorted(profile.limits.impassable_barriers)
    answer = {
        "profile": profile.name,
        "limits": limits,
        "from": snap_dict(from_snap),
        "to": snap_dict(to_snap),
        "found": found,
        "search": asdict(searched),
    }
    if found:
        answer.update(describe(path, profile))
        return answer
    answer["reason"] = explain(profile, path, searched)
    return answer


def plan_route_to_place(
    start: tuple[float, float],
    place: Place,
    profile_name: str = "pedestrian",
    overrides: dict | None = None,
) -> dict:
    """The route to the entrance of `place` that the profile can use (see destinations.py)."""
    destination = destination_for(place, with_overrides(get_profile(profile_name), overrides))
    answer = plan_route(start, destination.point, profile_name, overrides)
    answer["destination"] = asdict(destination)
    return answer


def plan_route_between(
    start: dict[str, str],
    end: dict[str, str],
    profile_name: str = "pedestrian",
    overrides: dict | None = None,
) -> dict:
    """The route between two ends as the visitor gave them: each {"text": coordinates, an
    address or a place's name, "place": a place's number}. A place is entered or left by the
    entrance the profile can use."""
    profile = with_overrides(get_profile(profile_name), overrides)
    origin = resolve_end(start.get("text", ""), start.get("place", ""), profile, "from")
    destination = resolve_end(end.get("text", ""), end.get("place", ""), profile, "to")
    answer = plan_route(origin.point, destination.point, profile_name, overrides)
    answer["start"] = origin.as_dict()
    answer["end"] = destination.as_dict()
    if origin.place:
        answer["origin"] = origin.place
    if destination.place:
        answer["destination"] = destination.place
    return answer


def _searched_only(searched: Searched) -> str:
    """What an answer says when the time budget cut the search short."""
    return _(
        "The search stopped after %(km)s km around the straight line between the start and the "
        "destination, to answer in time; a route within your limits may lead further away."
    ) % {"km": f"{(searched.margin_m or 0) / 1000:.1f}"}


def explain(profile: Profile, path: Path | None, searched: Searched | None = None) -> dict:
    """Why the limits allow no route, read off the path with the fewest blocked edges (the same
    search that looked for the route): the first barrier on it, where, and that path itself as
    the best route if the limits it breaks were relaxed. When the time budget cut the search
    short (`searched`), the answer says so and how far it reached."""
    reason = _explain(profile, path)
    if searched is not None and not searched.complete:
        note = _searched_only(searched)
        if path is None:
            reason.update(
                code="search_limit",
                message=_("No route was found within the searched area.") + " " + note,
            )
        else:
            reason["message"] = f"{reason['message']} {note}"
        reason["search_note"] = note
    return reason


def _explain(profile: Profile, path: Path | None) -> dict:
    if path is None:
        return {
            "limit": None,
            "message": _("There is no way between these two points on the map at all."),
        }
    first: dict | None = None
    needs: dict[str, list] = {}
    walked = 0.0
    for edge in path.edges:
        broken = broken_limits(edge, profile.limits) if edge.blocked else []
        for name, value in broken:
            if first is None:
                coordinates = edge.geometry["coordinates"]
                first = {
                    "limit": name,
                    "value": value,
                    "edge_id": edge.id,
                    "osm_way_id": edge.osm_way_id,
                    "barriers": [
                        {"source": b.source, "id": b.id, "kind": b.kind} for b in edge.barriers
                    ],
                    "location": coordinates[len(coordinates) // 2],
                    "distance_from_start_m": round(walked),
                }
            needs.setdefault(name, []).append(value)
        walked += edge.length_m
    if first is None:
        # Nothing on the path breaks a limit, yet it is no route: cannot happen while the SQL
        # and broken_limits agree (tests/routing/test_limits_agree.py); say so plainly rather
        # than invent a barrier.
        return {"limit": None, "message": _("The start or the destination cannot be reached.")}
    first["message"] = text.blocked_sentence(
        first["limit"], first["value"], first["distance_from_start_m"]
    )
    first["relaxed"] = {
        "limit": first["limit"],
        "limits": list(needs),
        "needs": needs[first["limit"]],
        "message": text.relaxed_sentence(needs, path.length_m),
        **describe(path, profile),
    }
    return first
