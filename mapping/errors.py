"""The site's error answers (400, 403, 404, 500, 503): a page in the site's layout for people, JSON
for scripts. The API, the survey's endpoints and the map's data (`*.json`, `*.geojson`) answer
the one JSON error shape (mapping.json_errors), never an HTML page a script cannot read.

Only a message the product wrote for people is shown (the argument of `Http404(_("..."))` or
`PermissionDenied(_("..."))`); exception text from anywhere else stays in the log.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token

from mapping.json_errors import json_error

SURVEY_API_PREFIX = "/pruzkum/api/"
JSON_PREFIXES = ("/api/", SURVEY_API_PREFIX)
JSON_SUFFIXES = (".json", ".geojson")

# The same texts as the templates (400.html ...), for the JSON answers.
MESSAGES = {
    400: _("The address or the form sent something the site cannot read. Go back and try again."),
    403: _("Your account may not open this page or do this action."),
    404: _(
        "There is nothing at this address. The place may have been removed, or the link is "
        "mistyped."
    ),
    500: _(
        "The site could not finish your request. Try again in a while; if it keeps happening, "
        "let the town's coordinator know."
    ),
    503: _(
        "The map's database cannot be reached just now. Try again in a minute; a form you were "
        "sending was not saved, so go back and send it again."
    ),
}
STORAGE_UNREACHABLE = _(
    "The storage of the map's photos cannot be reached just now. Try again in a minute; a form "
    "you were sending was not saved, so go back and send it again."
)
CSRF_MESSAGE = _(
    "The form has expired or was sent from another site. Reload the page and send it again."
)
CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    500: "server_error",
    503: "unavailable",
}
# While the database is unreachable (a restart, a failover, a network cut), clients and load
# balancers are asked to come back after this many seconds.
RETRY_AFTER_SECONDS = 30


def wants_json(request: HttpRequest) -> bool:
    path = request.path
    return path.startswith(JSON_PREFIXES) or path.endswith(JSON_SUFFIXES)


def product_message(exception: BaseException | None):
    """The message the product gave the exception for people, or None."""
    args = getattr(exception, "args", ())
    if args and isinstance(args[0], str | Promise) and str(args[0]):
        return args[0]
    return None


def error_answer(request: HttpRequest, status: int, exception=None, message=None) -> HttpResponse:
    """The error page, or JSON; `message` (or the exception's, for 403 and 404) says what
    happened when the product knows better than the general text."""
    if message is None and status in (403, 404):
        message = product_message(exception)
    if wants_json(request):
        general = MESSAGES[status]
        return json_error(status, CODES[status], message or general, fallback=general)
    template = loader.get_template(f"{status}.html")
    return HttpResponse(template.render({"message": message}, request), status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return error_answer(request, 400, exception)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return error_answer(request, 403, exception)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return error_answer(request, 404, exception)


def database_unreachable(exception: BaseException | None) -> bool:
    """The exception (or one it was raised from) says the database cannot answer now."""
    while exception is not None:
        if isinstance(exception, OperationalError | InterfaceError):
            return True
        exception = exception.__cause__ or exception.__context__
    return False


def storage_unreachable(exception: BaseException | None) -> bool:
    """The exception (or one it was raised from) says the object storage of the photos
    (MEDIA_STORAGE=s3) cannot answer now: no connection, a timeout, or its own 5xx."""
    errors = sys.modules.get("botocore.exceptions")
    if errors is None:  # boto3 never loaded: photos are in folders
        return False
    while exception is not None:
        if isinstance(exception, errors.ConnectionError | errors.HTTPClientError):
            return True
        if isinstance(exception, errors.ClientError):
            status = exception.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
            return status >= 500
        exception = exception.__cause__ or exception.__context__
    return False


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered with as little as possible: no context processors beyond the template's own,
    no database; whatever failed must not fail again here. A database or a photo storage that
    cannot be reached is no error of the site's: a 503 with Retry-After, and the service
    recovers by itself."""
    failure = sys.exc_info()[1]
    message = STORAGE_UNREACHABLE if storage_unreachable(failure) else None
    status = 503 if message or database_unreachable(failure) else 500
    if wants_json(request):
        response = error_answer(request, status, message=message)
    else:
        page = loader.get_template(f"{status}.html").render({"message": message})
        response = HttpResponse(page, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without its CSRF token (an expired page, usually): a 403 that says what to do.
    `reason` is Django's technical wording, for the log only."""
    return error_answer(request, 403, message=CSRF_MESSAGE)
