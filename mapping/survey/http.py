"""JSON answers of the survey endpoints: every error carries a code and a message in the language
of the request, plus both Czech and English, so that a queued submission can show it later."""

from django.http import JsonResponse
from django.utils import translation


def both_languages(message) -> dict[str, str]:
    """A lazy translatable message rendered in Czech and in English."""
    texts = {}
    for language in ("cs", "en"):
        with translation.override(language):
            texts[language] = str(message)
    return texts


def json_error(status: int, code: str, message, **extra) -> JsonResponse:
    texts = both_languages(message) if not isinstance(message, dict) else message
    language = (translation.get_language() or "cs")[:2]
    body = {
        "error": code,
        "message": texts.get(language, texts["en"]),
        "message_cs": texts["cs"],
        "message_en": texts["en"],
        **extra,
    }
    return JsonResponse(body, status=status)
