"""The map page must stay light for a cheap phone: HTML, JS and CSS under 250 KB compressed."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

BUDGET_BYTES = 250 * 1024


@pytest.mark.django_db
def test_the_map_page_weighs_less_than_250_kb_compressed_before_tiles(client, settings):
    html = client.get(reverse("public:map")).content
    assets = re.findall(
        rf'(?:src|href)="{re.escape(settings.STATIC_URL)}([^"]+\.(?:js|css))"', html.decode()
    )
    assert any(name.endswith("leaflet.js") for name in assets)
    total = len(gzip.compress(html))
    for name in assets:
        path = finders.find(name)
        assert path, name
        with open(path, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert total < BUDGET_BYTES, f"{total} bytes"
