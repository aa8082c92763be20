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
