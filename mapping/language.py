"""A language chosen in the address: `?lang=en` (or `cs`) wins over the visitor's browser.

An embedded map (the snippet a town pastes, mapping/public/embed.py) speaks the language the town
chose, whatever the visitor's browser prefers, and so do the requests it makes and the pages it
opens: its script carries `lang` along (static/js/public/map.js). A value that is not one of the
site's languages is ignored.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

LANGUAGE_PARAMETER = "lang"


def page_is_czech() -> bool:
    """Whether the active language is Czech, the site's first (also when none is active)."""
    return (translation.get_language() or "cs").startswith("cs")


def in_page_language(czech: str, english: str) -> str:
    """One of a pair of texts written in both languages, by the active language."""
    return czech if page_is_czech() else english


class LanguageFromQuery:
    """After LocaleMiddleware: the language of `?lang=`, when it is one of LANGUAGES."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = request.GET.get(LANGUAGE_PARAMETER)
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
