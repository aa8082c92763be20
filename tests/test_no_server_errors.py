"""No 500 anywhere: every URL pattern of the project, walked from the root resolver, tried by every
persona with hostile query strings, broken form and JSON bodies and bad uploads.

Bad input must get a 4xx with a message (the product rule); here we only assert the weaker and
universal part, "never a 5xx", over everything, and collect every failure into one message (URL,
persona, method, input, status and the exception) instead of stopping at the first. Messages and
the absence of partial records are asserted in the regression tests at the end and next to each fix.

What a view reads is not guessed: a first request records every key the view looks up in
request.GET / request.POST / request.FILES (a spy on MultiValueDict), and only those keys, plus a
generic set of common parameter names sent all at once, are then fuzzed one by one.

The sweep must stay within about 90 s on two cores: `SWEEP_TIMES=1 pytest -s` prints the number
of requests and the time of each URL pattern, to see what a new view costs.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.datastructures import MultiValueDict

from mapping.models import (
    Assessment,
    Photo,
    Place,
    Provider,
    Report,
    ReviewStatus,
    Role,
    Service,
)
from mapping.photos.storage import save_photo
from mapping.survey.accounts import make_invitation_token
from tests.factories import make_assessment, make_user
from tests.public_factories import make_entrance, make_municipality, make_place, make_service
from tests.survey.conftest import BUILDING_ANSWERS, small_jpeg

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

# ---------------------------------------------------------------------------------------------
# Inputs.

HOSTILE_VALUES = [
    "",
    "abc",
    "-1",
    "1e309",
    "NaN",
    "999999999999999999999",  # past bigint
    "1,2,3",
    "NaN,NaN,NaN,NaN",
    "-200,-100,200,100",
    "\x00",  # PostgreSQL refuses NUL in text
    "²",  # a Unicode digit: str.isdigit() says yes, int() says no
    "Žluťoučký kůň 🦽 <script>",
    "9" * 5000,  # past Python's int-from-string limit
    "x" * 10240,
]
# The light sweep of every persona and every id: the value that most often slips past a check
# (a NUL character is refused for every URL by mapping.middleware, tested on its own).
LIGHT_VALUES = ["²"]
# One parameter at a time gets the values that differ in kind (the bbox shapes only matter to the
# parameters sent all at once above, which include every bbox-like one).
PER_KEY_VALUES = ["abc", "-1", "1e309", "NaN", "999999999999999999999", "²"]
PER_KEY_VALUES += ["9" * 5000, "x" * 10240]
# Django's admin parses its own parameters (search, ordering, filters, pages); ours are the
# filters and search fields its change lists are given: a few values of each kind reach them.
SHORT_VALUES = ["abc", "-1", "\x00", "²", "x" * 10240]
# Answers that take a tenth of a second or more (PDF layout, the OpenAPI document, GeoPackage):
# they read few parameters, and get the short list of values.
EXPENSIVE = {"api:schema", "catalogue:pdf", "catalogue:place_sheet", "catalogue:provider_sheet"}
EXPENSIVE |= {"opendata:gpkg"}
# Names many views of this project (or of the API) read; sent all at once, besides what the
# spy finds, so that a key read only when another one is present is found too.
GENERIC_KEYS = [
    "bbox",
    "limit",
    "offset",
    "page",
    "page_size",
    "q",
    "lat",
    "lon",
    "radius",
    "profile",
    "limits",
    "kind",
    "category",
    "purpose",
    "municipality",
    "format",
    "from",
    "to",
    "from_place",
    "to_place",
    "place",
    "photo",
    "lang",
    "next",
    "status",
    "toilet",
    "parking",
    "service_type",
    "target_group",
    "max_kerb_cm",
    "min_width_cm",
    "hide_barriers",
    "accessible_for",
    "o",
    "p",
    "e",
    "_changelist_filters",
]
JSON_BODIES = [
    b"{not json",
    b"\xff\xfe\x00garbage",
    b"[]",
    b"[1, 2, 3]",
    b"null",
    b'"a string"',
    b"1e309",
    b'{"a": null}',
]


JSON_IN_A_FIELD = ["{not json", "[]", "null", '{"a": null}', '{"answers": [null]}']


def json_of_nulls(keys) -> list[bytes]:
    """Objects with the keys the view reads, holding nulls, lists and nested nulls."""
    keys = sorted(keys) or ["payload"]
    bodies = []
    for value in (None, [], {"x": None}, "abc", -1, 1e300, [None], "\u0000"):
        bodies.append(json.dumps(dict.fromkeys(keys, value)).encode())
    return bodies


def bad_files() -> list[tuple[str, SimpleUploadedFile]]:
    text = b"this is not a photo\n" * 10
    return [
        ("a zero-byte file", SimpleUploadedFile("empty.jpg", b"", content_type="image/jpeg")),
        ("text named .jpg", SimpleUploadedFile("photo.jpg", text, content_type="text/plain")),
        ("a PDF", SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")),
        ("a truncated JPEG", SimpleUploadedFile("cut.jpg", small_jpeg()[:40], "image/jpeg")),
    ]


# ---------------------------------------------------------------------------------------------
# The spy: which keys does a view read?

_READERS = ("get", "__getitem__", "getlist", "__contains__", "pop")
# Methods that read every key at once (items(), dict(), copies): what they touch is not a key the
# view asked for, so reads made while they run are not recorded.
_BULK = ("items", "lists", "values", "dict", "copy", "__copy__", "__deepcopy__", "urlencode")


class KeySet(set):
    """The keys a view looked up. Keys in `sent` are not recorded: some pages copy whatever
    query they get (into links, hidden fields) key by key, which says nothing about what the
    view reads; a key the view asks for while it is absent does."""

    sent: frozenset = frozenset()


@contextmanager
def spy_on_keys() -> Iterator[KeySet]:
    """Record the keys looked up in any QueryDict (request.GET, request.POST, DRF's
    query_params) while the block runs. The URL resolver's own MultiValueDicts are left out."""
    seen = KeySet()
    bulk = [0]
    patched = {name: getattr(MultiValueDict, name) for name in _READERS}
    own = {name: QueryDict.__dict__.get(name) for name in _BULK}

    def reader(original: Callable) -> Callable:
        def read(self, key, *args, **kwargs):
            if (
                isinstance(self, QueryDict)
                and isinstance(key, str)
                and not bulk[0]
                and key not in seen.sent
            ):
                seen.add(key)
            return original(self, key, *args, **kwargs)

        return read

    def bulk_reader(original: Callable) -> Callable:
        def read_all(self, *args, **kwargs):
            bulk[0] += 1
            try:
                result = original(self, *args, **kwargs)
                # items(), lists() and values() are generators: exhaust them while muted.
                return list(result) if isinstance(result, Iterator) else result
            finally:
                bulk[0] -= 1

        return read_all

    for name, original in patched.items():
        setattr(MultiValueDict, name, reader(original))
    for name in _BULK:
        setattr(QueryDict, name, bulk_reader(getattr(QueryDict, name)))
    try:
        yield seen
    finally:
        for name, original in patched.items():
            setattr(MultiValueDict, name, original)
        for name, original in own.items():
            if original is None:
                delattr(QueryDict, name)  # inherited again from MultiValueDict
            else:
                setattr(QueryDict, name, original)


# ---------------------------------------------------------------------------------------------
# The world: one of everything, and a filler for every path parameter.


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.REPORTS_PER_HOUR = 10**6
    alice = make_user("alice", email="alice@example.org", is_approved=True)
    charlie = make_user(
        "charlie", role=Role.COORDINATOR, email="charlie@example.org", is_approved=True
    )
    erin = make_user(
        "erin",
        role=Role.ADMINISTRATOR,
        email="erin@example.org",
        is_approved=True,
        is_staff=True,
        is_superuser=True,
    )
    dora = make_user("dora", email="dora@example.org", is_approved=False)
    municipality = make_municipality()
    place = make_place("Radnice", municipality=municipality)
    make_entrance(place)
    surveys = {
        status: make_assessment(place, status, surveyor=alice, answers=BUILDING_ANSWERS)
        for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED)
    }
    approved = place.assessments.get(status=ReviewStatus.APPROVED)
    photo = save_photo(approved, small_jpeg(), alt_text="Vstup", subject="entrance")
    draft_photo = save_photo(
        surveys[ReviewStatus.DRAFT], small_jpeg("red"), alt_text="Dveře", subject="entrance"
    )
    service = make_service("Osobní asistence", "s39", ["seniors"], place)
    report = Report.objects.create(
        place=place, kind="barrier", text="Rozbitá rampa", status="published"
    )
    return {
        "users": {"anonymous": None, "volunteer": alice, "coordinator": charlie, "admin": erin},
        "place": place,
        "approved": approved,
        "draft": surveys[ReviewStatus.DRAFT],
        "submitted": surveys[ReviewStatus.SUBMITTED],
        "photo": photo,
        "draft_photo": draft_photo,
        "provider": service.provider,
        "service": service,
        "report": report,
        "dora": dora,
        "token": make_invitation_token("new@example.org", charlie),
    }


# URL name -> how to find an existing object's id from the world. A new URL with a path parameter
# must be added here: the test then fails with a message saying so, rather than skip it.
EXISTING: dict[str, Callable[[dict], object]] = {
    "public:detail": lambda w: w["place"].pk,
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
    "survey:detail": lambda w: w["draft"].pk,
    "survey:assessment": lambda w: w["draft"].pk,
    "survey:save_answers": lambda w: w["draft"].pk,
    "survey:submit_existing": lambda w: w["draft"].pk,
    "survey:add_photo": lambda w: w["draft"].pk,
    "survey:delete_draft": lambda w: w["draft"].pk,
    "survey:delete_photo": lambda w: w["draft_photo"].pk,
    "accounts:approve_volunteer": lambda w: w["dora"].pk,
    "accounts:accept_invitation": lambda w: w["token"],
    "api:place-detail": lambda w: w["place"].pk,
    "api:assessment-detail": lambda w: w["approved"].pk,
    "api:provider-detail": lambda w: w["provider"].pk,
    "api:service-detail": lambda w: w["service"].pk,
    "api:report-detail": lambda w: w["report"].pk,
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
            existing[name] = str(EXISTING[route.name](world))
    out = [("an existing object", existing)]
    for name, conv in zip(route.kwargs, route.converters, strict=True):
        if name in ("app_label", "url"):
            continue
        for value in [MISSING[conv], *HOSTILE_PATH_VALUES[conv]]:
            out.append((f"{name}={value[:30]!r}", {**existing, name: value}))
    return out


def build(route: Route, params: dict[str, str]) -> str:
    return "/" + route.pattern.format(**params)


# ---------------------------------------------------------------------------------------------
# Running requests and collecting failures.


@dataclass
class Sweep:
    failures: list[str] = field(default_factory=list)
    requests: int = 0

    def send(self, client: Client, persona: str, method: str, url: str, label: str, **kwargs):
        cache.clear()  # rate limits and throttles would hide the paths behind them
        self.requests += 1
        try:
            # Each request in its own savepoint, rolled back: a deleted draft or an approved
            # survey does not change what the next request finds, and a failed SQL statement
            # does not poison the rest of the test's transaction.
            with transaction.atomic():
                response = getattr(client, method)(url, **kwargs)
                transaction.set_rollback(True)
        except Exception as error:  # the test client re-raises nothing here; belt and braces
            self.failures.append(self._line(persona, method, url, label, "raised", error))
            return None
        if response.status_code >= 500:
            error = response.exc_info[1] if getattr(response, "exc_info", None) else None
            self.failures.append(self._line(persona, method, url, label, response, error))
        return response

    @staticmethod
    def _line(persona, method, url, label, response, error) -> str:
        status = getattr(response, "status_code", response)
        where = ""
        if error is not None:
            frames = traceback.extract_tb(error.__traceback__)
            ours = [f for f in frames if "/mapping/" in f.filename or "/barrierfree/" in f.filename]
            if ours:
                where = f" at {ours[-1].filename.split('/work/')[-1]}:{ours[-1].lineno}"
        shown = url if len(url) < 160 else url[:150] + f"...({len(url)} chars)"
        message = "" if error is None else f"{type(error).__name__}: {str(error)[:200]}"
        return f"{method.upper()} {shown} as {persona} [{label}] -> {status}: {message}{where}"

    def check(self):
        assert not self.failures, (
            f"{len(self.failures)} of {self.requests} requests answered 5xx:\n"
            + "\n".join(sorted(set(self.failures)))
        )


def clients(world: dict, personas) -> dict[str, Client]:
    out = {}
    for persona in personas:
        # The test client raises a view's exception by default; we want the 500 it would answer.
        client = Client(raise_request_exception=False)
        if world["users"][persona] is not None:
            client.force_login(world["users"][persona])
        out[persona] = client
    return out


# A query that gets past the "missing parameter" check of a view, so that fuzzing one parameter
# on top of it reaches the code behind that check.
BASE_QUERIES = {
    "routing:route": {"from": "14.6575,49.4144", "to": "14.6590,49.4150"},
    "survey:near": {"lat": "49.4144", "lon": "14.6575"},
    "public:places_layer": {"bbox": "14.6,49.4,14.7,49.45"},
    "catalogue:layer": {"bbox": "14.6,49.4,14.7,49.45"},
}
SERVED = {200, 400, 413, 415, 422}  # the view did its work, or read the input and refused it
REFUSED = {401, 403, 404, 405}  # the request did not get past access or method checks


def send_all_keys(sweep, client, persona, url, keys: KeySet, values) -> None:
    """Every hostile value in every key at once (the generic names and those the view read)."""
    for value in values:
        query = dict.fromkeys([*GENERIC_KEYS, *sorted(keys)], value)
        keys.sent = frozenset(query)
        sweep.send(client, persona, "get", url, f"all keys={value[:20]!r}", data=query)


def fuzz_each_key(
    sweep: Sweep, client: Client, persona: str, url: str, base: dict, keys, values
) -> None:
    """Every key the view read, alone (on top of a valid base query), with every hostile value."""
    if base:
        with spy_on_keys() as more:
            sweep.send(client, persona, "get", url, "base query", data=base)
        keys = keys | more
    for key in sorted(keys):
        for value in values:
            data = {**base, key: value}
            sweep.send(client, persona, "get", url, f"{key}={value[:20]!r}", data=data)
        sweep.send(client, persona, "get", url, f"{key} twice", data={**base, key: ["1", "abc"]})


def fuzz_post(sweep: Sweep, client: Client, persona: str, url: str, keys: set) -> None:
    """Garbage in every form field, broken and wrongly typed JSON, and bad files."""
    form_keys = sorted(keys | {"payload", "photo", "file"})
    for value in HOSTILE_VALUES:
        data = dict.fromkeys(form_keys, value)
        sweep.send(client, persona, "post", url, f"form fields={value[:20]!r}", data=data)
    for body in [*JSON_BODIES, *json_of_nulls(keys)]:
        label = f"JSON {body[:40]!r}"
        sweep.send(client, persona, "post", url, label, data=body, content_type="application/json")
    for body in JSON_IN_A_FIELD:
        for key in sorted(keys):
            # The JSON as the value of a form field (the survey's multipart "payload").
            data = {key: body}
            sweep.send(client, persona, "post", url, f"{key}=JSON {body[:30]!r}", data=data)
    for what, upload in bad_files():
        for key in form_keys:
            upload.seek(0)
            data = {k: "abc" for k in form_keys if k != key} | {key: upload}
            sweep.send(client, persona, "post", url, f"{key}={what}", data=data)


# Which personas try which part of the site. The admin is for staff only and none of the three
# is staff: each gets the admin's login page, the same answer, so the anonymous visitor stands for
# all three there, and an administrator (staff) walks the admin itself.
PERSONAS = ("anonymous", "volunteer", "coordinator")
ADMIN_PERSONAS = ("anonymous", "admin")
NAMESPACES = sorted({route.namespace for route in ROUTES})
# Pages that sign the client out or in: its persona is restored after each of them.
SESSION_CHANGING = ("logout", "login", "accept_invitation")


def sweep_route(sweep: Sweep, world: dict, by_persona: dict, route: Route) -> None:
    personas = list(by_persona)
    session_changing = any(word in route.name for word in SESSION_CHANGING)
    for label, params in fillings(world, route):
        url = build(route, params)
        # The whole fuzz on the object that exists; a missing or hostile id is looked up
        # before any parameter is read, so a few requests of each kind are enough for it.
        deep = label in ("", "an existing object")
        admin = route.namespace == "admin"
        if admin:
            # Django's own admin: its change lists read the query (search, ordering, our
            # filters, pages) and the import reads a file; its other pages get the light sweep,
            # on an existing and a missing object.
            deep = deep and ("changelist" in route.name or "import" in route.name)
            if label not in ("", "an existing object") and "999999999" not in label:
                continue
        got, post, read = {}, {}, {}
        for persona in personas:
            client = by_persona[persona]
            with spy_on_keys() as keys:
                response = sweep.send(client, persona, "get", url, "no query")
                got[persona] = response.status_code if response is not None else 500
                if deep and route.name not in EXPENSIVE:
                    send_all_keys(sweep, client, persona, url, keys, LIGHT_VALUES)
                keys.sent = frozenset()
                response = sweep.send(client, persona, "post", url, "empty body")
                post[persona] = response.status_code if response is not None else 500
            read[persona] = keys
            if session_changing:
                by_persona[persona] = clients(world, [persona])[persona]
        if not deep:
            continue
        # Deeper, as the most trusted persona the view serves: the parsing of a parameter does
        # not depend on who sends it, and access is checked before it.
        keys = KeySet().union(*read.values())
        served = [p for p in reversed(personas) if got[p] in SERVED]
        short = admin or route.name in EXPENSIVE
        if served:
            persona = served[0]
            values = SHORT_VALUES if short else HOSTILE_VALUES
            send_all_keys(sweep, by_persona[persona], persona, url, KeySet(keys), values)
            if not admin:
                base = BASE_QUERIES.get(route.name, {})
                values = SHORT_VALUES if short else PER_KEY_VALUES
                fuzz_each_key(sweep, by_persona[persona], persona, url, base, keys, values)
        if admin and "import" not in route.name:
            continue  # the change lists' POST is Django's bulk actions
        allowed = [p for p in reversed(personas) if post[p] not in REFUSED and post[p] != 302]
        allowed = allowed or [p for p in reversed(personas) if post[p] not in REFUSED]
        if allowed:
            fuzz_post(sweep, by_persona[allowed[0]], allowed[0], url, set(keys))
        if session_changing:
            by_persona.update(clients(world, personas))


@pytest.fixture
def _quiet_request_log():
    """Thousands of refused requests would each log a warning (and a 403 its traceback): keep
    only the errors, which are what this module looks for anyway."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_no_url_answers_a_server_error(world, namespace, _quiet_request_log):
    sweep = Sweep()
    personas = ADMIN_PERSONAS if namespace == "admin" else PERSONAS
    by_persona = clients(world, personas)
    for route in (r for r in ROUTES if r.namespace == namespace):
        started, before = time.monotonic(), sweep.requests
        sweep_route(sweep, world, by_persona, route)
        if os.environ.get("SWEEP_TIMES"):
            took = time.monotonic() - started
            sys.stderr.write(f"{route.name}: {sweep.requests - before} requests {took:.1f}s\n")
    sweep.check()


def test_every_url_pattern_is_walked():
    """The walk reaches every part of the project, and every pattern's parameters get filled."""
    names = {route.name for route in ROUTES}
    for expected in ("public:detail", "api:place-list", "survey:add_photo", "admin:index"):
        assert expected in names
    for route in ROUTES:
        for name in route.kwargs:
            assert (
                route.name in EXISTING
                or route.namespace == "admin"
                or name in ("app_label", "content_type_id")
            ), f"{route.name}: no filler for {name}"


def test_the_sweep_reports_a_server_error_with_its_cause(db, settings):
    """The harness itself: a view that fails is found, named and explained."""
    settings.ROOT_URLCONF = "tests.test_error_pages"  # it adds /boom/, a view that raises
    sweep = Sweep()
    sweep.send(Client(raise_request_exception=False), "anonymous", "get", "/boom/", "no query")
    assert len(sweep.failures) == 1
    assert (
        "GET /boom/ as anonymous [no query] -> 500: RuntimeError: secret internals"
        in (sweep.failures[0])
    )
    with pytest.raises(AssertionError, match="1 of 1 requests answered 5xx"):
        sweep.check()


def test_the_spy_finds_the_parameters_a_view_reads(world):
    client = clients(world, ["anonymous"])["anonymous"]
    with spy_on_keys() as keys:
        keys.sent = frozenset({"q"})
        client.get("/seznam/", {"q": "radnice"})
    assert {"sort", "page", "lat", "lon", "profile"} <= keys
    assert "q" not in keys  # sent: a read of it says nothing


def bad_upload_cases(world: dict) -> list[tuple[str, str, str, dict, str]]:
    """(what, persona, url, the form's other fields, the file field) per upload form."""
    return [
        (
            "a report with a photo",
            "anonymous",
            "/nahlasit/",
            {"kind": "barrier", "place": world["place"].pk, "text": "Rozbitá rampa"},
            "photo",
        ),
        (
            "a photo added to a draft",
            "volunteer",
            f"/pruzkum/api/pruzkumy/{world['draft'].pk}/fotky/",
            {"alt_text": "Vstup", "subject": "entrance"},
            "photo",
        ),
        (
            "the catalogue import",
            "admin",
            "/admin/mapping/service/import/",
            {"format": "", "commit": "on"},
            "file",
        ),
    ]


def stored(settings) -> set[str]:
    from pathlib import Path

    roots = [Path(settings.MEDIA_ROOT), Path(settings.STORAGES["private"]["OPTIONS"]["location"])]
    return {str(p) for root in roots if root.exists() for p in root.rglob("*") if p.is_file()}


def test_a_bad_file_in_an_otherwise_valid_upload_is_refused_leaving_nothing(world, settings):
    """Each upload form, filled in correctly but for its file: refused with a message (a 4xx;
    the admin's import shows a form error, as the admin does), and no row and no file stays."""
    counted = (Photo, Report, Provider, Service, Assessment, Place)
    by_persona = clients(world, ["anonymous", "volunteer", "admin"])
    failures = []
    for what, persona, url, fields, file_field in bad_upload_cases(world):
        for kind, upload in bad_files():
            before = ({m.__name__: m.objects.count() for m in counted}, stored(settings))
            response = by_persona[persona].post(url, {**fields, file_field: upload})
            after = ({m.__name__: m.objects.count() for m in counted}, stored(settings))
            refused = (
                400 <= response.status_code < 500
                if persona != "admin"
                else response.status_code == 200 and b"errorlist" in response.content
            )
            if not refused or after != before:
                failures.append(f"{what}, {kind}: {response.status_code}, {before} -> {after}")
    assert failures == []
