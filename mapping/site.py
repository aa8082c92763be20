"""The site's own address, for links that leave the page: embed snippets, e-mails, exports.

A page builds them from the address it was served at (the Host header and the scheme, which
nginx passes on; see README, Production), so that a town's map at https://mapa.mesto.cz writes
that address without being told. SITE_URL, when set, wins: for proxies that rewrite the host,
and for what has no request to go by (e-mails the worker sends), which otherwise point to the
local development server.
"""

from django.conf import settings
from django.http import HttpRequest

DEVELOPMENT_SITE_URL = "http://127.0.0.1:8000"


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """`path` (starting with "/") as a full address of this site."""
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/") + path
    if request is not None:
        return request.build_absolute_uri(path)
    return DEVELOPMENT_SITE_URL + path
