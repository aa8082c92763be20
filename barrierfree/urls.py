import re

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from mapping.health import healthz

admin.site.site_header = _("Barrier-free map: administration")
admin.site.site_title = _("Barrier-free map")


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico whatever a page names as its icon (the admin's pages name
    none): the site's icon, by a redirect that does not outlive the file's hashed name."""
    return HttpResponseRedirect(static("survey/icon.svg"))


def public_media(request: HttpRequest, path: str) -> HttpResponse:
    """A public media file from MEDIA_ROOT as it is set when asked (not when the URLs were read)."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", include("mapping.api.urls")),
    path("data/", include("mapping.opendata.urls")),
    path("nahlasit/", include("mapping.reports.urls")),
    path("ucet/", include("mapping.survey.account_urls")),
    path("pruzkum/", include("mapping.survey.urls")),
    path("pristupnost/", include("mapping.accessibility.urls")),
    path("", include("mapping.repairs.urls")),
    path("kontrola/", include("mapping.review.urls")),
    path("katalog/", include("mapping.catalogue.urls")),
    path("", include("mapping.public.urls")),
    path("", include("mapping.routing.urls")),
]

if settings.SERVE_MEDIA:
    # Public media (re-encoded photos) from the application when nothing in front serves them;
    # behind nginx (deploy/nginx/), nginx answers /media/ itself and this is never reached.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            public_media,
            name="media",
        )
    ]

# Error pages in the site's layout, and JSON for the API and the survey's endpoints.
handler400 = "mapping.errors.bad_request"
handler403 = "mapping.errors.permission_denied"
handler404 = "mapping.errors.page_not_found"
handler500 = "mapping.errors.server_error"
