import shutil
import subprocess
from pathlib import Path

import pytest

PARTS = Path(__file__).resolve().parents[2] / "locale" / "parts"


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Pages render without a collectstatic manifest (the tests serve static files from finders)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def cache_in_memory(settings):
    """A per-process cache, for tests that count the layer's own queries: the shared cache of a
    deployment is a database table, whose reads and writes would be counted too."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture
def czech_catalogue(settings, tmp_path):
    """This part's Czech translations compiled on their own, before and after the lead merges
    them into the project catalogue."""
    if shutil.which("msgfmt") is None:
        pytest.skip("msgfmt (gettext) is not installed")
    target = tmp_path / "locale" / "cs" / "LC_MESSAGES"
    target.mkdir(parents=True)
    subprocess.run(
        ["msgfmt", "-o", str(target / "django.mo"), str(PARTS / "publicmap.cs.po")], check=True
    )
    settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]
