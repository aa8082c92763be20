"""The one shape of every JSON error the product answers: the REST API, the survey app's
endpoints (and a locked-out sign-in asked for JSON), the map's data (`places.geojson`,
`katalog/sluzby.geojson`), the route planner's `route.json` and `trasa/hledat.json`, a failing
`/healthz` (beside its "status" and "checks"), and the site's own 400/403/404/500/503 under those
addresses (mapping.errors).

    {
      "error": "<the message for people, in the request's language>",
      "code": "<what went wrong, for a program: invalid, not_found, throttled, version_conflict…>",
      "message": "<the same message as error>",
      "message_cs": "<the message in Czech>",
      "message_en": "<the message in English>",
      "parameters": {"<query parameter>": ["<message>", …]},   (a query that cannot be read)
      "fields": {"<field>": ["<message>", …]},                   (a body the API refuses)
      …                                                          (what one endpoint adds: the
                                                                  survey's "details", a version
                                                                  conflict's "current"/"yours")
    }

`message` repeats `error` for one release: the survey app installed on phones before it read
the message from `message` and the code from `error` (it reads `code` now, static/js/survey/).
An old copy of the app keeps showing the right message; it needs the new release only to tell a
version conflict from other refusals, and its service worker fetches that on its next start.
Drop `message` in the release after.

A message is given as a lazy translation (`gettext_lazy`, or `lazy_message` when it has
values), as a function that renders it in the active language, or as {"cs": …, "en": …}, so
that both languages are known. Text already rendered (a library's message) is known in the
request's language only: the other language gets `fallback` (the general text of the status),
or the same text when there is none.
"""

from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.functional import Promise, lazy

Message = str | Promise | Callable[[], str] | Mapping[str, str]


def _render(template, params: dict) -> str:
    return str(template) % {key: _rendered(value) for key, value in params.items()}


def _rendered(value):
    return str(value) if isinstance(value, Promise) else value


_lazy_render = lazy(_render, str)


def lazy_message(template: str | Promise, **params) -> Promise:
    """`gettext_lazy(template) % params` that stays lazy: rendered in whatever language is active
    when it is read, so an exception can carry it and an error answer can give it in Czech and
    in English. (The `%` of a lazy string renders it at once, in the active language.)"""
    return _lazy_render(template, params)


def _language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def both_languages(message: Message, fallback: str | Promise | None = None) -> dict[str, str]:
    """The message in every language of the site, by language code."""
    codes = [code for code, _name in settings.LANGUAGES]
    if isinstance(message, Mapping):
        return {code: str(message[code]) for code in codes}
    if isinstance(message, Promise) or callable(message):
        texts = {}
        for code in codes:
            with translation.override(code):
                texts[code] = str(message()) if callable(message) else str(message)
        return texts
    texts = both_languages(fallback) if fallback is not None else dict.fromkeys(codes, message)
    return {**texts, _language(): str(message)}


def error_body(code: str, message: Message, /, fallback=None, **extra) -> dict:
    """The body of an error answer (see the module's docstring); `extra` adds "parameters",
    "fields" or what else the endpoint gives, never in place of the shape's own keys."""
    texts = both_languages(message, fallback)
    said = texts.get(_language(), texts["en"])
    body = {"error": said, "code": code, "message": said}
    body |= {f"message_{language}": text for language, text in texts.items()}
    return body | {key: value for key, value in extra.items() if key not in body}


def json_error(status: int, code: str, message: Message, /, fallback=None, **extra) -> JsonResponse:
    """The one way to answer an error in JSON."""
    return JsonResponse(error_body(code, message, fallback, **extra), status=status)


def messages_by_name(errors: Mapping) -> dict[str, list[str]]:
    """Messages by parameter or field name (a form's errors, a FilterError's parameters), as
    text in the request's language."""
    return {name: [str(message) for message in messages] for name, messages in errors.items()}
