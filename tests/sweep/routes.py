"""The URL patterns of the project, walked from the root resolver, and a filler for every
path parameter (an existing object of the world, or an id no row has)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from mapping.models import (
    Place,
)

# ---------------------------------------------------------------------------------------------
# The URL patterns, walked from the root resolver.


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the pattern itself when it has none
    namespace: str
    pattern: str  # the whole pattern, root to leaf, as a regex-free template "a/{pk}/b/"
    kwargs: tuple[str, ...]  # the names of its path parameters, in order
    converters: tuple[str, ...]  # "int", "str", "path", "regex" per parameter


_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def _template(piece: str) -> tuple[str, list[str], list[str]]:
    """A pattern piece as a template with {name} placeholders, its parameters and converters."""
    names, convs = [], []

    def route_param(match: re.Match) -> str:
        names.append(match["name"])
        convs.append(match["conv"] or "str")
        return "{" + match["name"] + "}"

    def regex_param(match: re.Match) -> str:
        names.append(match["name"])
        convs.append("regex")
        return "{" + match["name"] + "}"

    if piece.startswith("^") or piece.endswith("$") or "(?P<" in piece:
        text = _REGEX_PARAM.sub(regex_param, piece).lstrip("^").rstrip("$").replace("\\Z", "")
        text = text.replace("\\.", ".").replace("\\/", "/")
    else:
        text = _ROUTE_PARAM.sub(route_param, piece)
    return text, names, convs


def walk(resolver: URLResolver | None = None, prefix="", namespace="") -> Iterator[Route]:
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        text, names, convs = _template(str(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = ":".join(filter(None, [namespace, entry.namespace or ""]))
            for route in walk(entry, prefix + text, inner):
                yield Route(
                    route.name,
                    route.namespace,
                    route.pattern,
                    (*names, *route.kwargs),
                    (*convs, *route.converters),
                )
        elif isinstance(entry, URLPattern):
            label = f"{namespace}:{entry.name}" if entry.name else f"{namespace}:<{text}>"
            yield Route(label, namespace, prefix + text, tuple(names), tuple(convs))


ROUTES = sorted(set(walk()), key=lambda r: r.pattern)

# URL name -> how to find an existing object's id from the world. A new URL with a path parameter
# must be added here: the test then fails with a message saying so, rather than skip it.
EXISTING: dict[str, Callable[[dict], object]] = {
    "public:detail": lambda w: w["place"].pk,
    "public:places_tile": lambda w: place_tile(w["place"]),
    ":media": lambda w: w["photo"].thumbnail.name,
    "catalogue:provider": lambda w: w["provider"].pk,
    "catalogue:service": lambda w: w["service"].pk,
    "catalogue:provider_sheet": lambda w: w["provider"].pk,
    "catalogue:place_sheet": lambda w: w["place"].pk,
    "review:detail": lambda w: w["submitted"].pk,
    "review:approve": lambda w: w["submitted"].pk,
    "review:reject": lambda w: w["submitted"].pk,
    "review:return": lambda w: w["submitted"].pk,
    "review:photo": lambda w: w["photo"].pk,
    "review:photo_original": lambda w: w["photo"].pk,
    "review:photo_blur": lambda w: w["photo"].pk,
    "review:photo_preview": lambda w: w["photo"].pk,
    "review:compliance_place": lambda w: w["place"].pk,
    "review:plan_pdf": lambda w: w["place"].municipality_id,
    "review:plan_xlsx": lambda w: w["place"].municipality_id,
    "review:photo_hide": lambda w: w["photo"].pk,
    "review:photo_approve": lambda w: w["photo"].pk,
    "review:photo_pending": lambda w: w["pending_photo"].pk,
    "review:photo_pending_thumbnail": lambda w: w["pending_photo"].pk,
    "review:photo_recheck": lambda w: w["pending_photo"].pk,
    "survey:detail": lambda w: w["draft"].pk,
    "survey:assessment": lambda w: w["draft"].pk,
    "survey:save_answers": lambda w: w["draft"].pk,
    "survey:submit_existing": lambda w: w["draft"].pk,
    "survey:add_photo": lambda w: w["draft"].pk,
    "survey:delete_draft": lambda w: w["draft"].pk,
    "survey:delete_photo": lambda w: w["draft_photo"].pk,
    "survey:place_answers": lambda w: w["place"].pk,
    "reports:thanks": lambda w: w["report"].reference,
    "reports:status": lambda w: w["report"].reference,
    "repairs:detail": lambda w: w["repair"].pk,
    "repairs:assign": lambda w: w["repair"].pk,
    "repairs:close": lambda w: w["repair"].pk,
    "repairs:start_from_report": lambda w: w["report"].pk,
    "repairs:start_from_survey": lambda w: w["approved"].pk,
    "repairs:answer": lambda w: {"pk": w["repair"].pk, "token": w["repair"].answer_token()},
    "accessibility:remedy_thanks": lambda w: w["remedy"].reference,
    "accounts:approve_volunteer": lambda w: w["dora"].pk,
    "accounts:accept_invitation": lambda w: w["token"],
    "accounts:password_reset_confirm": lambda w: reset_link_parts(w["users"]["volunteer"]),
    "api:place-detail": lambda w: w["place"].pk,
    "api:assessment-detail": lambda w: w["approved"].pk,
    "api:provider-detail": lambda w: w["provider"].pk,
    "api:service-detail": lambda w: w["service"].pk,
    "api:report-detail": lambda w: w["report"].pk,
    "admin:mapping_importrun_new": lambda w: "vozejkmap",
    "admin:mapping_importrun_status": lambda w: w["import_run"].pk,
    "admin:mapping_importrun_commit": lambda w: w["import_run"].pk,
}


def place_tile(place, z: int = 15) -> dict[str, str]:
    """The z/x/y of the map tile that holds the place."""
    n = 2**z
    x = int((place.location.x + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(place.location.y))) / math.pi) / 2 * n)
    return {"z": str(z), "x": str(x), "y": str(y)}


def reset_link_parts(user) -> dict[str, str]:
    """The parameters of a valid password reset link of `user`, as the e-mail carries them."""
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }


MISSING = {"int": "999999999", "str": "no-such-thing", "path": "no/such/thing", "regex": "0"}
# Besides a plain missing id: ids the converters let through but the database cannot hold.
HOSTILE_PATH_VALUES = {
    "int": ["0", "99999999999999999999999"],
    "str": ["x" * 300, "%C5%BE%00"],
    "path": ["999999999", "abc", "99999999999999999999999"],
    "regex": ["abc", "99999999999999999999999"],
}


def _admin_object(route: Route) -> object:
    """The admin's <path:object_id>: an object of the model the URL is under (admin/app/model/)."""
    match = re.match(r"admin/(\w+)/(\w+)/", route.pattern)
    if match is None:
        return None
    model = apps.get_model(match[1], match[2])
    return model._default_manager.order_by("pk").values_list("pk", flat=True).first()


def fillings(world: dict, route: Route) -> list[tuple[str, dict[str, str]]]:
    """(label, path parameters) to try: an existing object, a missing one, hostile ids."""
    if not route.kwargs:
        return [("", {})]
    existing: dict[str, str] = {}
    for name in route.kwargs:
        if name == "app_label":
            existing[name] = "mapping"
        elif name == "content_type_id":
            existing[name] = str(ContentType.objects.get_for_model(Place).pk)
        elif name == "url":  # the admin's catch-all
            existing[name] = "no-such-page/"
        elif route.namespace == "admin" and name == "object_id":
            value = _admin_object(route)
            existing[name] = str(world["place"].pk if value is None else value)
        elif name == "id" and route.name.endswith("password_change"):
            existing[name] = str(world["users"]["volunteer"].pk)
        else:
            if route.name not in EXISTING:
                pytest.fail(f"{route.name} ({route.pattern}): add a filler for {name} to EXISTING")
            value = EXISTING[route.name](world)  # a dict when the URL has several parameters
            existing[name] = str(value[name] if isinstance(value, dict) else value)
    out = [("an existing object", existing)]
    for name, conv in zip(route.kwargs, route.converters, strict=True):
        if name in ("app_label", "url"):
            continue
        for value in [MISSING[conv], *HOSTILE_PATH_VALUES[conv]]:
            out.append((f"{name}={value[:30]!r}", {**existing, name: value}))
    return out


def build(route: Route, params: dict[str, str]) -> str:
    return "/" + route.pattern.format(**params)
