"""Errors of the API: always the product's one JSON error shape (mapping.json_errors), with a
message people understand in Czech and English, never a stack trace.

- A query parameter the API cannot read (InvalidQuery): code "invalid", and "parameters", the
  messages by parameter name.
- A body the API refuses (a report's fields): code "invalid", and "fields", the messages by
  field name. For one release the same messages also stay at the top level of the body, by
  field name, as the API answered them before; clients should read "fields".
- Anything else DRF raises (404, 405, 415, 429 …): DRF's code ("not_found", "throttled", …).

A message the product wrote is lazy and so known in both languages; DRF's own message is known
in both when it is its default text, else in the request's language only, with the general text
of the status (mapping.errors) in the other.
"""

from django.http import Http404
from django.utils.functional import Promise
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from mapping.errors import MESSAGES
from mapping.json_errors import Message, error_body, messages_by_name


class InvalidQuery(exceptions.ValidationError):
    """A query parameter that cannot be read; `parameters` holds the messages by its name."""

    def __init__(self, message: Message, parameters: dict[str, list]) -> None:
        super().__init__(str(message()) if callable(message) else str(message))
        self.message = message
        self.parameters = parameters


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None:
        response.data = _body(exc, response.data, MESSAGES.get(response.status_code))
    return response


def _body(exc, data, general) -> dict:
    if isinstance(exc, InvalidQuery):
        return error_body("invalid", exc.message, parameters=messages_by_name(exc.parameters))
    if isinstance(exc, exceptions.ValidationError):
        fields = data if isinstance(data, dict) else {"non_field_errors": data}
        body = error_body("invalid", _fields_text(fields), general, fields=fields)
        return {**fields, **body}
    detail = data.get("detail", "") if isinstance(data, dict) else data
    code = getattr(detail, "code", None) or "error"
    return error_body(code, _message(exc, detail), general)


def _message(exc, detail) -> Message:
    """The exception's message, lazy when the product or DRF gives it so."""
    ours = getattr(exc, "message", None)
    if isinstance(ours, Promise):
        return ours
    args = getattr(exc, "args", ())
    if args and isinstance(args[0], Promise):  # Http404(_("…")), PermissionDenied(_("…"))
        return args[0]
    if isinstance(exc, Http404):
        # get_object_or_404's "No Place matches the given query.": English only, and about a
        # model's name; the site's own text says it in both languages.
        return MESSAGES[404]
    default = getattr(exc, "default_detail", None)
    if isinstance(default, Promise) and str(default) == str(detail):
        return default
    return str(detail)


def _fields_text(fields: dict) -> str:
    """All messages of a refused body as one text: "field: message …"."""
    parts = []
    for name, messages in fields.items():
        text = " ".join(_flat(messages))
        parts.append(text if name == "non_field_errors" else f"{name}: {text}")
    return " ".join(parts)


def _flat(messages) -> list[str]:
    if isinstance(messages, dict):
        return [text for value in messages.values() for text in _flat(value)]
    if isinstance(messages, list):
        return [text for value in messages for text in _flat(value)]
    return [str(messages)]
