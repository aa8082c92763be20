"""Sending the requests and collecting every failure, persona by persona, route by route."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.test import Client

from tests.sweep.inputs import (
    EXPENSIVE,
    GENERIC_KEYS,
    HOSTILE_VALUES,
    JSON_BODIES,
    JSON_IN_A_FIELD,
    LIGHT_VALUES,
    PER_KEY_VALUES,
    SHORT_VALUES,
    bad_files,
    json_of_nulls,
)
from tests.sweep.routes import ROUTES, Route, build, fillings
from tests.sweep.spy import KeySet, spy_on_keys

# ---------------------------------------------------------------------------------------------
# Running requests and collecting failures.


@dataclass
class Sweep:
    failures: list[str] = field(default_factory=list)
    requests: int = 0

    def send(self, client: Client, persona: str, method: str, url: str, label: str, **kwargs):
        cache.clear()  # nothing an earlier request cached hides the paths behind it
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
