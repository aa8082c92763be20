"""Security headers that differ from page to page.

The Content-Security-Policy is django-csp's, from settings.CONTENT_SECURITY_POLICY; the one page
that relaxes it is the embed view, which towns put in an <iframe> on their own sites.

The Permissions-Policy is ours (django-csp has none): every powerful browser feature is off for
every answer, but for geolocation on the pages whose script asks for the visitor's position
(decorated with @uses_geolocation). The survey takes photos through <input type="file">, which
opens the phone's own camera app and needs no "camera" permission.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

HEADER = "Permissions-Policy"
# Features the site never uses. Only names Chromium knows: an unknown one is a console warning.
FEATURES_OFF = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
_GEOLOCATION = "_permits_geolocation"


def permissions_policy(geolocation: bool) -> str:
    allowed = dict.fromkeys(FEATURES_OFF, "()")
    allowed["geolocation"] = "(self)" if geolocation else "()"
    return ", ".join(f"{name}={value}" for name, value in sorted(allowed.items()))


def uses_geolocation(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The page's script asks for the visitor's position (navigator.geolocation)."""

    @wraps(view)
    def wrapped(*args, **kwargs) -> HttpResponse:
        response = view(*args, **kwargs)
        setattr(response, _GEOLOCATION, True)
        return response

    return wrapped


def allow_framing_anywhere(response: HttpResponse) -> None:
    """Any site may put this answer in an <iframe>: no X-Frame-Options, frame-ancestors *."""
    response.xframe_options_exempt = True
    # What django-csp's @csp_replace sets; here per answer, since the map view frames only
    # with ?embed=1.
    response._csp_replace = {
        **(getattr(response, "_csp_replace", None) or {}),
        "frame-ancestors": ["*"],
    }


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = permissions_policy(getattr(response, _GEOLOCATION, False))
        return response
