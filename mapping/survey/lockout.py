"""Failed logins: django-axes counts them in the database (shared by every process) and locks out.

Three counts, each over the last LOGIN_LOCKOUT_MINUTES (settings.AXES_LOCKOUT_PARAMETERS, in this
order): one account from one address, one account from any address, one address to any account.
The first locks at LOGIN_FAILURE_LIMIT: a guesser at one address is stopped early, while the
account's owner at another address can still sign in. The other two lock at the higher
LOGIN_ACCOUNT_FAILURE_LIMIT: a botnet guessing one account from many addresses, or one address
trying many accounts, is stopped too, without letting anybody lock an account out with five tries.
Axes compares one number with one limit, so each count is scaled to LOGIN_FAILURE_LIMIT first.

A locked-out login answers 429 with a page in the site's layout that says how long to wait, on
the site's login and the admin's alike; a script (the survey app) gets JSON.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.shortcuts import render
from django.utils.translation import gettext

from mapping.errors import wants_json
from mapping.json_errors import json_error
from mapping.models import User


def _limits() -> list[int]:
    """The limit of each count, in the order of settings.AXES_LOCKOUT_PARAMETERS."""
    return [
        settings.LOGIN_FAILURE_LIMIT,
        settings.LOGIN_ACCOUNT_FAILURE_LIMIT,
        settings.LOGIN_ACCOUNT_FAILURE_LIMIT,
    ]


class LoginFailureHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials: dict | None = None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        base = settings.LOGIN_FAILURE_LIMIT
        return max(
            (count * base // limit for count, limit in zip(counts, _limits(), strict=True)),
            default=0,
        )


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str:
    """settings.AXES_USERNAME_CALLABLE: the username a login tried, cut to the longest a user
    may have (150), so that a longer one is counted, not refused by the database (a 500)."""
    source = credentials if credentials is not None else request.POST
    username = source.get("username") or ""
    return str(username)[: User._meta.get_field("username").max_length]


def wait_message(minutes: int) -> str:
    # "min" needs no plural form in Czech nor in English.
    return gettext(
        "Too many failed sign-ins. Try again in %(minutes)d min. If you forgot your password, "
        "set a new one through the link below."
    ) % {"minutes": minutes}


def lockout_response(request: HttpRequest, original_response=None, credentials=None):
    """settings.AXES_LOCKOUT_CALLABLE: 429, with Retry-After."""
    minutes = settings.LOGIN_LOCKOUT_MINUTES
    if wants_json(request) or request.headers.get("x-requested-with") == "XMLHttpRequest":
        response = json_error(429, "locked_out", lambda: wait_message(minutes))
    else:
        response = render(request, "429.html", {"message": wait_message(minutes)}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response
