"""Input no view can store: refused before any view sees it.

PostgreSQL keeps no NUL character in text (nor "\\u0000" in jsonb): a query string or form value
holding one would reach the database as a DataError, a 500, from any view that stores or
searches it. Nobody types one; it comes from a broken client or a probe. It gets a 400 with a
message instead. Uploaded files are not text and are not looked at here.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from mapping.errors import error_answer

NUL_MESSAGE = _(
    "The address or the form contains a character that cannot be stored (a null character). "
    "Remove it and send again."
)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
JSON_NUL = b"\\u0000"


def _has_nul(values) -> bool:
    return any("\x00" in key or any("\x00" in v for v in vals) for key, vals in values)


def _has_escaped_nul(values) -> bool:
    # A JSON text sent in a form field (the survey's multipart "payload").
    return any("\\u0000" in v for _key, vals in values for v in vals)


class RejectNullCharacters:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.refuses(request):
            return error_answer(request, 400, message=NUL_MESSAGE)
        return self.get_response(request)

    @staticmethod
    def refuses(request: HttpRequest) -> bool:
        if "\x00" in request.path or _has_nul(request.GET.lists()):
            return True
        if request.method != "POST":
            return False
        if request.content_type in FORM_TYPES:
            fields = list(request.POST.lists())
            return _has_nul(fields) or _has_escaped_nul(fields)
        if request.content_type == "application/json":
            return JSON_NUL in request.body
        return False
