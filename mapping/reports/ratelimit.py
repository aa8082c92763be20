"""A small fixed-window rate limit per client address, in Django's cache."""

import hashlib

from django.core.cache import cache
from django.http import HttpRequest


def client_key(request: HttpRequest, scope: str) -> str:
    # Only a hash of the address is kept, and only for the window.
    address = request.META.get("REMOTE_ADDR", "")
    return f"ratelimit:{scope}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"


def allow(request: HttpRequest, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request; False once the client has made `limit` requests in the window."""
    key = client_key(request, scope)
    if cache.add(key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return True
    return count <= limit
