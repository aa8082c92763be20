"""The map page stays light for a cheap phone on a slow line: what a browser fetches from the live
server to show it (the HTML and every script and style sheet it loads, however it loads them)
weighs under 250 KB compressed, before any base-map tile."""

import gzip

import pytest

from tests.browser.test_public_map import loaded, map_url, places

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BUDGET_BYTES = 250 * 1024
COUNTED = {"document", "script", "stylesheet"}


def compressed_size(body: bytes) -> int:
    # What the proxy sends (nginx gzips text at level 5, deploy/nginx/*-locations.conf): the live
    # server sends the files uncompressed, so each body is compressed here alike.
    return len(gzip.compress(body, compresslevel=5))


@pytest.mark.parametrize("language", ["cs", "en"])
def test_the_map_page_and_everything_it_loads_weigh_under_250_kb_compressed(
    page, live_server, language
):
    places()
    fetched: list = []
    page.on("response", lambda response: fetched.append(response))
    if language == "en":
        page.context.add_cookies(
            [{"name": "django_language", "value": "en", "url": live_server.url}]
        )
    page.goto(map_url(live_server))
    loaded(page, 3)
    assert page.locator("html").get_attribute("lang") == language
    page.wait_for_load_state("networkidle")

    sizes = {}
    for response in fetched:
        request = response.request
        if request.resource_type not in COUNTED or not response.url.startswith(live_server.url):
            continue
        assert response.ok, response.url
        sizes[response.url.removeprefix(live_server.url)] = compressed_size(response.body())
    kinds = {r.request.resource_type for r in fetched if r.url.startswith(live_server.url)}
    assert {"document", "script", "stylesheet"} <= kinds
    assert any(url.endswith("leaflet.js") for url in sizes)
    assert any(url.endswith("public/map.js") for url in sizes)
    total = sum(sizes.values())
    breakdown = "\n".join(f"{size:>8} {url}" for url, size in sorted(sizes.items()))
    assert total < BUDGET_BYTES, f"{total} bytes compressed:\n{breakdown}"
