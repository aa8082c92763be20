"""Every answer of every URL pattern carries a Content-Security-Policy and a Permissions-Policy:
no inline script runs, the page may be framed only in the embed view, and only the pages whose
script asks for the visitor's position may ask the browser for it.

The pages' HTML is read too: a script in the page (not JSON data from json_script) or an event
handler attribute would be blocked by the policy, so the page would silently lose it; one with
the response's nonce (the admin's map widget) is allowed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

from barrierfree.tiles import tile_source
from tests.sweep.routes import ROUTES, build, fillings
from tests.sweep.runner import clients

# The pages whose script calls navigator.geolocation (static/js: public/map.js, public/list.js,
# reports/spot.js,
# routing/planner.js, survey/app.js).
GEOLOCATION_PAGES = {"public:map", "public:list", "routing:planner", "survey:app", "reports:new"}
FEATURES_OFF = ("camera", "microphone", "payment", "usb")
ROOT = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, list[str]]:
    policy = response.get("Content-Security-Policy")
    assert policy, f"{response.request['PATH_INFO']}: no Content-Security-Policy"
    out = {}
    for part in policy.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def features(response) -> dict[str, str]:
    policy = response.get("Permissions-Policy")
    assert policy, f"{response.request['PATH_INFO']}: no Permissions-Policy"
    return dict(part.strip().split("=", 1) for part in policy.split(","))


class InlineCode(HTMLParser):
    """Scripts in the page, event handler attributes and style attributes: what the policy
    blocks. A script with the answer's nonce is allowed, and JSON data is not a script."""

    def __init__(self, nonce: str | None) -> None:
        super().__init__()
        self.nonce = nonce
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in attributes:
            if name.startswith("on") or name == "style":
                self.found.append(f"<{tag} {name}=...>")
        if tag == "script" and "src" not in attributes:
            data = attributes.get("type") == "application/json"
            if not data and (self.nonce is None or attributes.get("nonce") != self.nonce):
                self.found.append(f"<script> without src (id={attributes.get('id')})")
        if tag == "style":
            self.found.append("<style>")


def page_nonce(policy: dict[str, list[str]]) -> str | None:
    for source in policy.get("script-src", []):
        if source.startswith("'nonce-"):
            return source[len("'nonce-") : -1]
    return None


def check(response, name: str) -> list[str]:
    problems = []
    policy = directives(response)
    where = f"{name} {response.request['PATH_INFO']}"
    if policy.get("frame-ancestors") != ["'none'"]:
        problems.append(f"{where}: frame-ancestors {policy.get('frame-ancestors')}")
    for directive in ("script-src", "style-src", "default-src"):
        if "'unsafe-inline'" in policy.get(directive, []) or "'unsafe-eval'" in policy.get(
            directive, []
        ):
            problems.append(f"{where}: {directive} {policy[directive]}")
    allowed = features(response)
    expected = "(self)" if name in GEOLOCATION_PAGES else "()"
    if allowed.get("geolocation") != expected:
        problems.append(f"{where}: geolocation={allowed.get('geolocation')}, not {expected}")
    problems += [f"{where}: {f}={allowed.get(f)}" for f in FEATURES_OFF if allowed.get(f) != "()"]
    if response.get("Content-Type", "").startswith("text/html"):
        parser = InlineCode(page_nonce(policy))
        parser.feed(response.content.decode())
        problems += [f"{where}: {found}" for found in parser.found]
    return problems


def test_every_url_pattern_answers_with_the_security_headers(world, _quiet_request_log):
    """As the administrator (who may open every page, the admin's included), each URL pattern
    on an existing object."""
    client = clients(world, ["admin"])["admin"]
    problems, seen = [], 0
    for route in ROUTES:
        if any(word in route.name for word in ("logout", "login", "accept_invitation")):
            client = clients(world, ["admin"])["admin"]
        label, params = fillings(world, route)[0]
        response = client.get(build(route, params))
        seen += 1
        problems += check(response, route.name)
    assert seen > 100
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_the_admins_map_widget_runs_with_the_answers_nonce(client, world):
    """django-leaflet's admin widget writes its map set-up into the page: it runs because it
    carries the nonce of this one answer, which nothing else can guess."""
    place = world["place"]
    client.force_login(world["users"]["admin"])
    response = client.get(f"/admin/mapping/place/{place.pk}/change/")
    assert response.status_code == 200
    nonce = page_nonce(directives(response))
    assert nonce and f'<script nonce="{nonce}">' in response.content.decode()
    again = client.get(f"/admin/mapping/place/{place.pk}/change/")
    assert page_nonce(directives(again)) not in (None, nonce)
    assert check(response, "admin:mapping_place_change") == []


@pytest.mark.django_db
def test_only_the_embed_view_may_be_framed_and_anywhere(client):
    embedded = client.get("/", {"embed": "1"})
    assert directives(embedded)["frame-ancestors"] == ["*"]
    assert "X-Frame-Options" not in embedded
    assert features(embedded)["geolocation"] == "(self)"
    page = client.get("/")
    assert directives(page)["frame-ancestors"] == ["'none'"]
    assert page["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_images_may_come_from_the_tile_server_the_map_uses(client):
    tiles_url = settings.LEAFLET_CONFIG["TILES"][0][1]
    sources = directives(client.get("/"))["img-src"]
    assert tile_source(tiles_url) in sources
    assert {"'self'", "data:", "blob:"} <= set(sources)
    assert directives(client.get("/"))["connect-src"] == ["'self'"]


def test_the_tile_host_follows_the_deployments_tile_setting():
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env["MAP_TILES_URL"] = "https://{s}.mapy.example.cz:8443/base/{z}/{x}/{y}.png"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "barrierfree.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "'https://*.mapy.example.cz:8443'" in done.stdout


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("https://tiles-{s}.example.org/{z}/{x}/{y}.png", "https://*.example.org"),
        ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
        ("/tiles/{z}/{x}/{y}.png", "'self'"),
    ],
)
def test_the_tile_source_is_the_origin_of_the_tile_url(url, source):
    assert tile_source(url) == source
