import subprocess
import sys

import pytest

from tests.servers import ROOT


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """Static files collected as production collects them (hashed names, a manifest), once per
    run: a server with DEBUG off renders no page without them."""
    folder = tmp_path_factory.mktemp("staticfiles")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={
            "SECRET_KEY": "tests-only-not-secret",
            "STATIC_ROOT": str(folder),
            "PATH": "/usr/bin:/bin",
        },
        check=True,
        timeout=300,
    )
    return folder


@pytest.fixture
def production_environment(production_static) -> dict[str, str]:
    """DEBUG off, as in production, but plain http on the loopback."""
    return {
        "DEBUG": "false",
        "STATIC_ROOT": str(production_static),
        "SECURE_SSL_REDIRECT": "false",
    }
