"""Role checks shared by the survey, the accounts and the review views.

Pages redirect an anonymous visitor to the login page; JSON endpoints answer 401/403 with a message
in the visitor's language, never a redirect that a script would follow into an HTML page.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

from mapping.json_errors import json_error


def coordinator_required(view):
    """A page only coordinators (and administrators) may open."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_coordinator:
            raise PermissionDenied(gettext_lazy("Only a coordinator can do this."))
        return view(request, *args, **kwargs)

    return wrapper


def api_login_required(view):
    """A JSON endpoint for signed-in, active users."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated or not request.user.is_active:
            return json_error(
                401, "login_required", gettext_lazy("Sign in first; your work stays saved.")
            )
        return view(request, *args, **kwargs)

    return wrapper


def can_submit(user) -> bool:
    """Volunteers submit once a coordinator approved them; coordinators always may."""
    return user.is_authenticated and user.is_active and (user.is_coordinator or user.is_approved)
