"""The documented limit on public reports: REPORTS_PER_HOUR per client, the web form and the
API counted together (a report is a report, whichever door it comes through)."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mapping.json_errors import lazy_message
from mapping.ratelimit import Decision, check, minutes_until

SCOPE = "reports"
WINDOW_SECONDS = 3600


def count_report(request: HttpRequest) -> Decision:
    """Count one report of this client; not allowed beyond REPORTS_PER_HOUR in the hour."""
    return check(request, SCOPE, settings.REPORTS_PER_HOUR, WINDOW_SECONDS)


def limited_message(retry_after: int) -> Promise:
    """What a client over the limit is told, in whichever language it is read."""
    return lazy_message(
        _(
            "Too many reports from this address (at most %(limit)s an hour). You can send the "
            "next one in %(minutes)s min."
        ),
        limit=settings.REPORTS_PER_HOUR,
        minutes=minutes_until(retry_after),
    )
