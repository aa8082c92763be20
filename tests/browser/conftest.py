"""Shared fixtures and helpers of the browser tests (every Playwright test lives in this
folder): Debian's Chromium driven by Playwright against pytest-django's live server. Nothing
outside the live server is fetched (tiles are aborted). A desktop page (`page`), a phone at a
position (`phone_at`), signing in, and axe-core (`assert_accessible`, `axe_violations`).

The pages run under the site's Content-Security-Policy, which allows no eval: give
page.wait_for_function a function ("() => ..."), never a bare expression, which Playwright
evals again on every poll (and the policy blocks from the second poll on)."""

import contextlib
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

# The journeys that need a routing network or the demo catalogue use the fixtures of those parts.
from tests.catalogue.conftest import catalogue_translations, demo_catalogue, demo_town  # noqa: F401
from tests.routing.conftest import load_town  # noqa: F401

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def browser(playwright_browser):
    return playwright_browser


@pytest.fixture
def plain_http_cookies(settings):
    # The live server speaks plain HTTP on localhost; production cookies are Secure.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def browser_settings(settings):
    """Plain HTTP on the live server: cookies without Secure, static files from the finders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.LANGUAGE_COOKIE_SECURE = False
    cache.clear()
    return settings


# Records every Content-Security-Policy violation a page reports, before any of its own script runs.
LISTEN_FOR_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(
    `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


def watch_policies(context) -> list[str]:
    """Listen in `context` for what the security policies block; returns the list the console's
    reports go to (policy_violations() adds the pages' own)."""
    reported: list[str] = []

    def console(message):
        if "Content Security Policy" in message.text or "Permissions-Policy" in message.text:
            reported.append(message.text)

    context.add_init_script(LISTEN_FOR_VIOLATIONS)
    context.on("console", console)
    return reported


def policy_violations(context, reported: list[str]) -> list[str]:
    from playwright.sync_api import Error

    found = list(reported)
    for page in context.pages:
        for frame in page.frames:
            # A frame mid-navigation or an error page has none; its console reports still count.
            with contextlib.suppress(Error):
                found += frame.evaluate("window.__violations || []")
    return found


@pytest.fixture
def page(browser, live_server, browser_settings):
    """A fresh page that may only talk to the live server; it records dialogs (there must be
    none) and JavaScript errors, and fails the test if a security policy blocked anything."""
    context = browser.new_context(
        locale="cs-CZ", viewport={"width": 1280, "height": 900}, reduced_motion="reduce"
    )
    reported = watch_policies(context)
    page = context.new_page()
    page.dialogs = []
    page.errors = []

    def only_live_server(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            route.abort()

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.route("**/*", only_live_server)
    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.set_default_timeout(10000)
    yield page
    blocked = policy_violations(context, reported)
    context.close()
    assert blocked == [], "blocked by a security policy"


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def axe_violations(axe, page) -> list[str]:
    results = axe.run(page, options=AXE_OPTIONS)
    return [
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes']][:5]})"
        for v in results.response["violations"]
    ]


def phone_at(browser, live_server, here: dict):
    """A Czech phone context at position `here` (geolocation allowed) and its page, which may
    only talk to the live server (map tiles come from elsewhere), and the page's script errors."""
    phone = browser.new_context(
        viewport=PHONE,
        base_url=live_server.url,
        locale="cs-CZ",
        geolocation=here,
        permissions=["geolocation"],
    )
    page = phone.new_page()
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(live_server.url) else route.abort()
        ),
    )
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    return phone, page, script_errors


def sign_in(page, username: str, next_url: str) -> None:
    """Sign in on the login page (axe-checked on the way) and land on `next_url`."""
    page.goto(f"/ucet/prihlaseni/?next={next_url}")
    assert_accessible(page)
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse 42")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: urlsplit(url).path == next_url)


def next_step(page, times: int = 1) -> None:
    """The survey app's next step, `times` times."""
    for _ in range(times):
        page.click("#next-step")


@pytest.fixture
def new_page(browser, live_server):
    """Pages of their own contexts (a viewport, touch, ...), in Czech, that may only talk to the
    live server; each records its script errors in `page.script_errors`. Closed at the end."""
    contexts = []

    def make(viewport=PHONE, **options):
        context = browser.new_context(
            viewport=viewport, base_url=live_server.url, locale="cs-CZ", **options
        )
        contexts.append(context)
        page = context.new_page()
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(live_server.url)
                else route.abort()
            ),
        )
        page.script_errors = []
        page.on("pageerror", lambda error: page.script_errors.append(str(error)))
        return page

    yield make
    for context in contexts:
        context.close()
