from pathlib import Path

import pytest

from tests.personas import _fast_passwords, alice, bob, charlie, dora, erin  # noqa: F401
from tests.script_runs import scratch_database  # noqa: F401 (a fixture for every module)


def pytest_collection_modifyitems(items):
    """A test that imports a real OpenStreetMap extract into the routing graph (the load_town
    fixture, tests/routing/conftest.py) takes seconds: it is marked slow, wherever it lives."""
    for item in items:
        if "load_town" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files of a test go to its own folder, never to the developer's media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        # No collectstatic before tests: serve static files without the manifest.
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto's S3 server in its own process for this test process (tests/s3.py)."""
    from tests.s3 import MotoServer

    server = MotoServer.start(tmp_path_factory.mktemp("moto") / "moto.log")
    yield server
    server.stop()


@pytest.fixture(params=["filesystem", "s3"])
def media_storage(request, settings):
    """Runs a test twice: photos in the test's folders, then in new buckets of a real S3 server
    (the public one readable through its bucket policy, the private one by no one)."""
    if request.param == "s3":
        from tests.s3 import use_object_storage

        use_object_storage(settings, request.getfixturevalue("s3_server").make_buckets())
    return request.param


@pytest.fixture
def stored_files(settings):
    """Every photo file the test left, in its folders or its buckets (tests/media.py)."""
    from tests.media import stored_media_files

    return lambda: stored_media_files(settings)


DB_FIXTURES = ("transactional_db", "django_db_reset_sequences", "db")


@pytest.fixture(autouse=True)
def _fresh_counters(request):
    """No test depends on another's requests: rate-limit counters and the cache start empty
    (Django's cache and the counters are shared stores now, no longer one per process)."""
    requested = [name for name in DB_FIXTURES if name in request.fixturenames]
    if requested:
        request.getfixturevalue(requested[0])
    elif not request.node.get_closest_marker("django_db"):
        return  # no database: nothing to clear (pytest-django opened it for a marked test)
    from django.core.cache import cache

    from mapping import ratelimit

    ratelimit.reset()
    cache.clear()


@pytest.fixture
def english(settings):
    """Run in English: for tests that read messages written in the source language.
    The site (and management commands) speak Czech by default."""
    from django.utils import translation

    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def playwright_browser():
    """One Debian Chromium for the whole run, shared by every browser test.

    Playwright's sync API keeps an event loop in this thread while it runs, so a second
    sync_playwright() in the same process would fail: all browser tests use this one. Django
    would then refuse database access from the test body (SynchronousOnlyOperation) though
    nothing is async: DJANGO_ALLOW_ASYNC_UNSAFE is Django's documented escape hatch for this.
    """
    import os

    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


VALIDATOR_DIR = Path(__file__).resolve().parents[1] / "tools" / "a11yjson-validator"


@pytest.fixture(scope="session")
def a11yjson_validator():
    """Run the official A11yJSON schema (npm @sozialhelden/a11yjson, pinned in package-lock.json)
    on a file: installs it with `npm ci` on first use; returns (exit code, output)."""
    import fcntl
    import shutil
    import subprocess

    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.fail(
            "node and npm are needed for the A11yJSON validator (apt-get install nodejs npm)"
        )
    # The suite runs in parallel (pytest-xdist): one worker installs, the others wait for it.
    with open(VALIDATOR_DIR / "package-lock.json") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (VALIDATOR_DIR / "node_modules" / "@sozialhelden" / "a11yjson").is_dir():
            subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund"],
                cwd=VALIDATOR_DIR,
                check=True,
                capture_output=True,
                timeout=600,
            )

    def validate(path: Path, schema_type: str = "PlaceInfo") -> tuple[int, str]:
        done = subprocess.run(
            [node, "validate-a11yjson.mjs", "--type", schema_type, str(path)],
            cwd=VALIDATOR_DIR,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return done.returncode, done.stdout + done.stderr

    return validate
