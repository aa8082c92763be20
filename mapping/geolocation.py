"""What every page that asks for the visitor's position says while it asks and when the browser
cannot tell (static/js/helpers.js, `Bf.locate`: the map, the list, the route planner, the report
form and the survey).

The browser's own message (GeolocationPositionError.message) is in the browser's language,
usually English, and written for developers; the page says it in its own language instead, by
the error's code.
"""

from django.utils.translation import gettext as _


def position_texts() -> dict:
    """The texts of `Bf.locate`; errors by GeolocationPositionError code: 1 permission denied,
    2 position unavailable, 3 timeout."""
    return {
        "locating": _("Finding your position…"),
        "unsupported": _("This browser cannot tell your position."),
        "errors": {
            1: _("This site may not use your location: allow it in the browser's settings."),
            2: _("Your location cannot be found just now. Try again outside."),
            3: _("Finding your location took too long. Try again."),
        },
    }
