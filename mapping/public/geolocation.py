"""What the map and the list say when the browser cannot give the visitor's position.

The browser's own message (GeolocationPositionError.message) is in the browser's language,
usually English, and written for developers; the page says it in its own language instead, by
the error's code.
"""

from django.utils.translation import gettext as _


def location_errors() -> dict[int, str]:
    """By GeolocationPositionError code: 1 permission denied, 2 position unavailable, 3 timeout."""
    return {
        1: _("This site may not use your location: allow it in the browser's settings."),
        2: _("Your location cannot be found just now. Try again outside."),
        3: _("Finding your location took too long. Try again."),
    }
