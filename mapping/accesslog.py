"""The access log: one line per request, and a request id on every log line of that request.

The id comes from the request's X-Request-ID (nginx sets it, deploy/nginx/) when it is a plain
token, else a new one is made; the answer carries it back in X-Request-ID, so a person who
reports an error can quote it. With ACCESS_LOG (on with LOG_FORMAT=json) each request ends with
one line: method, path (without the query string, which may hold a search or an address),
status, duration in milliseconds, the client's address (mapping.clients), the user's id when
signed in, and the request id. The first middleware: it times and sees everything, error pages
included.
"""

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from barrierfree.jsonlog import log_context
from mapping.clients import client_address

logger = logging.getLogger("mapping.access")

HEADER = "X-Request-ID"
GIVEN_ID = re.compile(r"[A-Za-z0-9._:@+=-]{1,128}")


def request_id(request: HttpRequest) -> str:
    given = request.headers.get(HEADER, "")
    return given if GIVEN_ID.fullmatch(given) else uuid.uuid4().hex


class AccessLog:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        identifier = request_id(request)
        started = time.perf_counter()
        with log_context(request_id=identifier):
            response = self.get_response(request)
            response[HEADER] = identifier
            if settings.ACCESS_LOG:
                log_request(request, response, started)
        return response


def log_request(request: HttpRequest, response: HttpResponse, started: float) -> None:
    duration = round((time.perf_counter() - started) * 1000, 1)
    logger.info(
        "%s %s %s %s ms",
        request.method,
        request.path,
        response.status_code,
        duration,
        extra={
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": duration,
            "client": client_address(request),
            "user_id": user_id(request),
        },
    )


def user_id(request: HttpRequest) -> int | None:
    user = getattr(request, "user", None)
    return user.pk if user is not None and user.is_authenticated else None
