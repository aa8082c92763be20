import pytest


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Pages render without a collectstatic manifest (the tests serve static files from finders)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
