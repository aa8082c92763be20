"""Template helpers of the public reports on pages of other parts (the public map)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def reports_layer_config() -> dict:
    """What static/js/public/reports_layer.js needs, for json_script."""
    return {
        "url": reverse("reports:layer"),
        "text": {
            "title": _("Reported barrier"),
            "temporary": _("Temporary barrier"),
            "lift": _("Lift out of order"),
            "open_place": _("Details of the place"),
            "count": _("%(count)s reported barriers are shown."),
            "truncated": _("Only the newest %(count)s reported barriers are shown."),
            "error": _("The reported barriers could not be loaded. Try again later."),
        },
    }
