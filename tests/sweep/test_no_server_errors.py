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

import os
import sys
import time

import pytest
from django.test import Client

from tests.sweep.routes import EXISTING, ROUTES
from tests.sweep.runner import ADMIN_PERSONAS, NAMESPACES, PERSONAS, Sweep, clients, sweep_route
from tests.sweep.spy import spy_on_keys


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
