"""Who is asking: the one definition of a client's address, for every limit in the product.

Behind reverse proxies, REMOTE_ADDR is the nearest proxy's address, and the client's own address is
in X-Forwarded-For, which every proxy appends to (nginx: `proxy_add_x_forwarded_for`). Anything a
client writes into that header itself stands to the left of what the proxies added, so only the
entries the deployment's own proxies wrote can be trusted: with TRUSTED_PROXY_COUNT = N, the client
is the N-th address from the right. With N = 0 (the default) the header is ignored altogether and
REMOTE_ADDR is the client: a deployment without a proxy cannot be fooled by a forged header.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address as the deployment's trusted proxies saw it."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        # The request did not pass through every proxy the deployment declares: take the
        # connection's own address rather than anything the client could have written.
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
