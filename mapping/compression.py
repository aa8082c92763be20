"""Compressed answers: the large public layers stored gzipped once, and sent as they are stored.

Every other text answer (pages, the API, downloads) is compressed on its way out by Django's
GZipMiddleware (settings.MIDDLEWARE, with its BREACH mitigation). The map's layers are the
largest answers and the most repeated: the same view of the same data is asked for by every
visitor. They are kept in the shared cache already gzipped (12 times smaller than the text), so a
repeated view costs neither the query nor the compression; the rare client that does not accept
gzip gets the text unpacked from the same entry.
"""

import gzip
from collections.abc import Callable
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.regex_helper import _lazy_re_compile

# Level 1: 94 KB for 1.2 MB of GeoJSON in about 5 ms; the higher levels save a few per cent
# more for four to six times the time of a cache miss.
LAYER_COMPRESSION_LEVEL = 1

# Django's GZipMiddleware's own test, so that both answer a client alike.
ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")


def accepts_gzip(request: HttpRequest) -> bool:
    """Whether the client accepts gzip."""
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def cached_gzip(cache_key: str, build: Callable[[], str]) -> bytes:
    """The gzipped text under `cache_key` in the shared cache, built and stored when missing."""
    body = cache.get(cache_key)
    if body is None:
        body = gzip.compress(build().encode(), compresslevel=LAYER_COMPRESSION_LEVEL, mtime=0)
        cache.set(cache_key, body, settings.MAP_LAYER_CACHE_SECONDS)
    return body


def gzipped_response(request: HttpRequest, body: bytes, content_type: str) -> HttpResponse:
    """An answer with the gzipped `body` as it is, or unpacked for a client without gzip."""
    if accepts_gzip(request):
        response = HttpResponse(body, content_type=content_type)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(body), content_type=content_type)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def layer_response(
    request: HttpRequest,
    etag: str,
    changed: datetime | None,
    gzipped_body: Callable[[], bytes],
    content_type: str = "application/geo+json",
) -> HttpResponse:
    """A map layer's answer: 304 when the client's copy is current, else the gzipped body.

    `etag` is the hash of what the layer depends on (the data's last change, the view, the
    filters, the language); it is sent weak, since the gzipped and the plain answer carry the
    same features.
    """
    weak_etag = f'W/"{etag}"'
    last_modified = int(changed.timestamp()) if changed else None
    response = get_conditional_response(request, etag=weak_etag, last_modified=last_modified)
    if response is None:
        response = gzipped_response(request, gzipped_body(), content_type)
    response["ETag"] = weak_etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    # Revalidate every time: the answer is cheap to confirm and must follow approvals at once.
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


class DataETags(ConditionalGetMiddleware):
    """An ETag on every data answer (the API, downloads, JSON and GeoJSON) that has none, so that
    an unchanged one costs a 304. Not on pages: each carries its visitor's own CSRF token and
    header, so its hash never repeats and would only tell two deployments' pages apart."""

    def needs_etag(self, response: HttpResponse) -> bool:
        content_type = response.get("Content-Type", "")
        return super().needs_etag(response) and not content_type.startswith("text/html")
