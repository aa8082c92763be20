"""Errors of the API: always JSON with a message people understand, never a stack trace.

Every error body has "error", the message in the request's language, and "code", what went
wrong for a program ("not_found", "invalid", "throttled", ...): the same shape as the site's own
JSON answers for addresses under /api/ that no view serves (mapping.errors).
"""

from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(response.data, dict):
        return response
    if "detail" in response.data:
        detail = response.data["detail"]
        response.data = {"error": str(detail), "code": getattr(detail, "code", None) or "error"}
    elif "error" in response.data:
        # A ValidationError of ours: {"error": message, "parameters": [...]}.
        response.data = {**response.data, "error": str(response.data["error"]), "code": "invalid"}
    return response
