"""Rate limits per client that hold across every process of the deployment.

A limit counts the requests of one client (mapping.clients.client_address, kept only as a keyed
hash) in one scope within a fixed window that starts at the client's first request. The count is
one atomic operation in a store all processes share, so concurrent requests never lose a count:
Redis (INCR on a key that expires with its window) when REDIS_URL is set, else one PostgreSQL
upsert. Why not Django's cache or DRF's throttles:
docs/decisions/0004-shared-cache-and-rate-limits.md.
"""

import functools
import math
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from mapping.clients import client_address
from mapping.models import RateLimitCounter

KEY_PREFIX = "ratelimit:"
# Expired rows are deleted in batches when a window begins, so no request pays for many.
CLEANUP_BATCH = 1000

# RateLimitCounter's table. On the right of SET the old row's values: a row whose window has
# ended starts a new one.
COUNT_SQL = """
INSERT INTO mapping_rate_limit_counter AS counter (key, count, window_ends)
VALUES (%(key)s, 1, now() + make_interval(secs => %(window)s))
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN counter.window_ends <= now() THEN 1 ELSE counter.count + 1 END,
    window_ends = CASE WHEN counter.window_ends <= now()
                       THEN EXCLUDED.window_ends ELSE counter.window_ends END
RETURNING count, ceil(extract(epoch FROM window_ends - now()))::integer
"""

CLEANUP_SQL = """
DELETE FROM mapping_rate_limit_counter WHERE key IN (
    SELECT key FROM mapping_rate_limit_counter WHERE window_ends < now() LIMIT %(batch)s
)
"""


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int  # seconds until the client's window ends


def _key(request: HttpRequest, scope: str) -> str:
    # A keyed hash: the stored key does not give the address back, even by trying every IPv4.
    digest = salted_hmac("mapping.ratelimit", client_address(request), algorithm="sha256")
    return f"{KEY_PREFIX}{scope}:{digest.hexdigest()[:32]}"


@functools.cache
def _redis(url: str):
    import redis

    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


def _count_in_redis(key: str, window: int) -> tuple[int, int]:
    client = _redis(settings.REDIS_URL)
    # One MULTI/EXEC: create the key with its window if it is new, count, read what is left.
    pipe = client.pipeline(transaction=True)
    pipe.set(key, 0, ex=window, nx=True)
    pipe.incr(key)
    pipe.ttl(key)
    _created, count, left = pipe.execute()
    if left < 0:  # the key expired between SET and INCR: INCR made one without a window
        client.expire(key, window)
        left = window
    return count, left


def _count_in_postgresql(key: str, window: int) -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute(COUNT_SQL, {"key": key, "window": window})
        count, left = cursor.fetchone()
        if count == 1:
            cursor.execute(CLEANUP_SQL, {"batch": CLEANUP_BATCH})
    return count, left


def check(request: HttpRequest, scope: str, limit: int, window_seconds: int) -> Decision:
    """Count this request of the client in `scope`; allowed while the count is within `limit`."""
    key = _key(request, scope)
    if settings.REDIS_URL:
        count, left = _count_in_redis(key, window_seconds)
    else:
        count, left = _count_in_postgresql(key, window_seconds)
    return Decision(allowed=count <= limit, retry_after=max(left, 1))


def allow(request: HttpRequest, scope: str, limit: int, window_seconds: int) -> bool:
    """Count this request; False once the client has made `limit` requests in the window."""
    return check(request, scope, limit, window_seconds).allowed


def reset() -> None:
    """Forget every count (tests; or an operator after a false alarm)."""
    if settings.REDIS_URL:
        client = _redis(settings.REDIS_URL)
        for key in client.scan_iter(match=f"{KEY_PREFIX}*", count=1000):
            client.delete(key)
    else:
        RateLimitCounter.objects.all().delete()


def minutes_until(retry_after: int) -> int:
    """What a client over a limit is told to wait: whole minutes, rounded up (never "0 min")."""
    return max(1, math.ceil(retry_after / 60))


def limited_form(
    request: HttpRequest, template: str, context: dict, decision: Decision, message: str
) -> HttpResponse:
    """A public form's page again for a client over its limit: `message` where the template
    shows `limited`, 429 and Retry-After."""
    response = render(request, template, {**context, "limited": message}, status=429)
    response["Retry-After"] = str(decision.retry_after)
    return response
