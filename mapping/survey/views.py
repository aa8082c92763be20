"""Pages of the survey app: the app shell, my submissions, one submission; the PWA files."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from mapping.access import can_edit, can_submit, get_assessment_or_404
from mapping.headers import uses_geolocation
from mapping.map_settings import MAP_IMAGES, MAP_SCRIPTS, MAP_STYLES
from mapping.models import Assessment, PhotoSubject, PlaceKind, ReviewStatus
from mapping.survey.texts import survey_texts

SERVICE_WORKER = Path(__file__).resolve().parent / "service_worker.js"
SHELL_STATIC = [
    "css/site.css",
    "survey/survey.css",
    "js/survey/db.js",
    "js/survey/exif.js",
    "js/survey/rules.js",
    "js/survey/form.js",
    "js/survey/feedback.js",
    "js/survey/known.js",
    "js/survey/photos.js",
    "js/survey/sync.js",
    "js/survey/app.js",
    "js/survey/mine.js",
    "survey/icon.svg",
    "js/survey/queue.js",
    *MAP_STYLES,
    *MAP_SCRIPTS,
    *MAP_IMAGES,
]


def app_config(request: HttpRequest) -> dict:
    return {
        "urls": {
            "structure": reverse("survey:structure"),
            "near": reverse("survey:near"),
            "address": reverse("survey:address"),
            "evaluate": reverse("survey:evaluate"),
            "submit": reverse("survey:submit"),
            "mine": reverse("survey:mine"),
            # "/0/" is replaced by an assessment's id in the script.
            "assessment": reverse("survey:assessment", args=[0]),
            "place_answers": reverse("survey:place_answers", args=[0]),
            "save_answers": reverse("survey:save_answers", args=[0]),
            "add_photo": reverse("survey:add_photo", args=[0]),
            "submit_existing": reverse("survey:submit_existing", args=[0]),
            "sw": reverse("survey:service_worker"),
            "scope": reverse("survey:app"),
        },
        "user": request.user.get_username(),
        "can_submit": can_submit(request.user),
        "subjects": [{"value": v, "label": str(label)} for v, label in PhotoSubject.choices],
        "kinds": [{"value": v, "label": str(label)} for v, label in PlaceKind.choices],
    }


@login_required
@uses_geolocation
def app(request: HttpRequest) -> HttpResponse:
    return render(
        request, "survey/app.html", {"config": app_config(request), "texts": survey_texts()}
    )


@login_required
def my_submissions(request: HttpRequest) -> HttpResponse:
    assessments = Assessment.objects.filter(surveyor=request.user).select_related("place")
    return render(
        request,
        "survey/mine.html",
        {
            "assessments": assessments[:200],
            "config": app_config(request),
            "texts": survey_texts(),
        },
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment_or_404(request.user, pk)
    events = assessment.events.select_related("actor")
    return render(
        request,
        "survey/detail.html",
        {
            "assessment": assessment,
            "events": events,
            "photos": assessment.photos.all(),
            "can_correct": can_edit(request.user, assessment)
            and assessment.status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED),
        },
    )


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, served at the root of the survey's scope so that it controls it."""
    shell = [reverse("survey:app"), reverse("survey:my_submissions"), reverse("survey:structure")]
    shell += [static(path) for path in SHELL_STATIC]
    head = f"const SHELL = {json.dumps(shell)};\nconst VERSION = {json.dumps(_version())};\n"
    response = HttpResponse(
        head + SERVICE_WORKER.read_text(), content_type="application/javascript"
    )
    response["Service-Worker-Allowed"] = reverse("survey:app")
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(
        {
            "name": _("Barrier-free map: survey"),
            "short_name": _("Survey"),
            "start_url": reverse("survey:app"),
            "scope": reverse("survey:app"),
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": "#0b4f9c",
            "lang": request.LANGUAGE_CODE,
            "icons": [
                {"src": static("survey/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Type"] = "application/manifest+json"
    return response


def _version() -> str:
    # A new service worker (and a fresh shell cache) whenever the worker or a shell file changes.
    stamp = int(SERVICE_WORKER.stat().st_mtime)
    for path in SHELL_STATIC:
        candidate = settings.BASE_DIR / "static" / path
        if candidate.exists():
            stamp = max(stamp, int(candidate.stat().st_mtime))
    return str(stamp)
