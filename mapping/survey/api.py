"""JSON endpoints of the survey app: places near me, the form, live evaluation, submissions.

Every write goes through `get_assessment_writable_or_403` or the submission service; every error
is a 4xx with a Czech and an English message, never a 500.
"""

import json

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from mapping.access import (
    api_login_required,
    can_edit,
    get_assessment_or_404,
    get_assessment_writable_or_403,
)
from mapping.json_errors import json_error
from mapping.models import Assessment, Photo, Place, PlaceKind
from mapping.ruian.lookup import nearest_point, place_fields
from mapping.survey import submission
from mapping.survey.form_structure import all_forms
from mapping.survey.live import live_evaluation
from mapping.survey.places import BadPosition, outside_the_area, parse_position, places_near
from mapping.survey.resurvey import carried

MAX_EVALUATE_BYTES = 256 * 1024


def assessment_json(assessment: Assessment) -> dict:
    return {
        "id": assessment.pk,
        "idempotency_key": str(assessment.idempotency_key or ""),
        "status": assessment.status,
        "status_label": str(assessment.get_status_display()),
        "place": {"id": assessment.place_id, "name": assessment.place.name},
        "survey_date": assessment.survey_date.isoformat(),
        "wheelchair": assessment.wheelchair,
        "review_comment": assessment.review_comment,
        "url": reverse("survey:detail", args=[assessment.pk]),
        # A save of the answers sends back the version it started from (save_answers).
        "version": assessment.version,
    }


def json_text(request: HttpRequest) -> bytes | str | None:
    """The survey data of a request: the JSON body, or the "payload" field of a form. A form's
    body cannot be read as JSON: once Django (or the CSRF check) has parsed a multipart body,
    request.body is gone (RawPostDataException)."""
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return request.POST.get("payload")
    return request.body


def _error(exc: submission.SubmissionError) -> JsonResponse:
    return json_error(exc.status, exc.code, exc.message, details=exc.details)


@require_GET
@api_login_required
def near(request: HttpRequest) -> JsonResponse:
    try:
        point = parse_position(request.GET.get("lat"), request.GET.get("lon"))
        metres = float(request.GET.get("radius", 500))
    except (BadPosition, ValueError):
        return json_error(
            400, "position", _("Send a position as lat and lon in degrees, and a radius in metres.")
        )
    return JsonResponse(
        {"places": places_near(point, metres, request.user), "outside": outside_the_area(point)}
    )


# A new place's address is suggested from the nearest official address point this close: a
# building's entrance and its address point rarely lie further apart.
ADDRESS_SUGGESTION_METRES = 30.0


@require_GET
@never_cache
@api_login_required
def address(request: HttpRequest) -> JsonResponse:
    """GET ?lat=…&lon=…: the address of the nearest RÚIAN address point within 30 m, to fill in
    a new place's address; {"address": null} when there is none."""
    try:
        point = parse_position(request.GET.get("lat"), request.GET.get("lon"))
    except BadPosition:
        return json_error(400, "position", _("Send a position as lat and lon in degrees."))
    found = nearest_point(point, ADDRESS_SUGGESTION_METRES)
    if found is None:
        return JsonResponse({"address": None})
    return JsonResponse(
        {
            "address": {
                "label": found.label,
                "distance_m": round(found.distance_m, 1),
                **place_fields(found),
            }
        }
    )


@require_GET
@never_cache
def form_structure(request: HttpRequest) -> JsonResponse:
    kinds = [{"value": value, "label": str(label)} for value, label in PlaceKind.choices]
    return JsonResponse({"kinds": kinds, "forms": all_forms()})


@require_POST
@api_login_required
def evaluate(request: HttpRequest) -> JsonResponse:
    raw = json_text(request) or b"{}"
    if len(raw) > MAX_EVALUATE_BYTES:
        return json_error(413, "payload_too_large", _("The survey data are too large."))
    try:
        data = json.loads(raw)
        answers = data.get("answers", {})
        kind = data.get("place_kind", "building")
        submission.check_answers(answers, kind, final=False)
    except (ValueError, AttributeError):
        return json_error(400, "payload_not_json", _("The survey data are not valid JSON."))
    except submission.SubmissionError as exc:
        return _error(exc)
    return JsonResponse(live_evaluation(answers))


@require_POST
@api_login_required
def submit(request: HttpRequest) -> JsonResponse:
    """Create an assessment (and a new place) with its photos; idempotent by key."""
    try:
        payload = submission.parse_payload(json_text(request))
        assessment, created = submission.create_submission(request.user, payload, request.FILES)
    except submission.SubmissionError as exc:
        return _error(exc)
    return JsonResponse({"assessment": assessment_json(assessment)}, status=201 if created else 200)


VERSION_CONFLICT = _(
    "Someone else changed this survey meanwhile, so your answers were not saved over theirs. "
    "Your version is kept on this phone: open the survey, check the answers and send it again."
)


@require_POST
@api_login_required
def save_answers(request: HttpRequest, pk: int) -> JsonResponse:
    """POST {"answers": {...}, "version": n}: n is the version the client loaded. A stale one is
    a 409 that carries the stored survey ("current") and the refused answers ("yours")."""
    assessment = get_assessment_writable_or_403(request.user, pk)
    try:
        payload = submission.parse_payload(json_text(request))
        version = submission.parse_version(payload)
        assessment = submission.update_answers(assessment, payload.get("answers"), version=version)
    except submission.SubmissionError as exc:
        return _error(exc)
    except submission.VersionConflict as conflict:
        current = {**assessment_json(conflict.current), "answers": conflict.current.answers}
        yours = {"answers": conflict.answers, "version": conflict.version}
        return json_error(409, "version_conflict", VERSION_CONFLICT, current=current, yours=yours)
    return JsonResponse({"assessment": assessment_json(assessment)})


@require_POST
@api_login_required
def submit_existing(request: HttpRequest, pk: int) -> JsonResponse:
    assessment = get_assessment_writable_or_403(request.user, pk)
    try:
        assessment = submission.submit_existing(assessment, request.user)
    except submission.SubmissionError as exc:
        return _error(exc)
    return JsonResponse({"assessment": assessment_json(assessment)})


@require_POST
@api_login_required
def add_photo(request: HttpRequest, pk: int) -> JsonResponse:
    assessment = get_assessment_writable_or_403(request.user, pk)
    upload = request.FILES.get("photo")
    if upload is None:
        return json_error(400, "photo_missing", _("Choose a photo to send."))
    spec = [(upload, request.POST.get("alt_text", ""), request.POST.get("subject", "other"))]
    written: list = []
    try:
        submission.store_photos(assessment, spec, written, start=assessment.photos.count())
    except submission.SubmissionError as exc:
        return _error(exc)
    photo = assessment.photos.order_by("-id").first()
    # No address yet: the photo is private until the privacy check has made its public copies.
    return JsonResponse(
        {"photo": {"id": photo.pk, "privacy_status": photo.privacy_status}}, status=201
    )


@require_POST
@api_login_required
def delete_photo(request: HttpRequest, pk: int) -> JsonResponse:
    photo = Photo.objects.filter(pk=pk, assessment__isnull=False).first()
    if photo is None:
        raise Http404
    get_assessment_writable_or_403(request.user, photo.assessment_id)
    photo.delete()
    return JsonResponse({"deleted": pk})


@require_POST
@api_login_required
def delete_draft(request: HttpRequest, pk: int) -> JsonResponse:
    assessment = get_assessment_writable_or_403(request.user, pk)
    if assessment.status != "draft":
        raise PermissionDenied(_("Only a draft can be deleted."))
    assessment.delete()
    return JsonResponse({"deleted": pk})


@require_GET
@never_cache
@api_login_required
def place_answers(request: HttpRequest, pk: int) -> JsonResponse:
    """What a re-survey of a place starts from: its published answers (none if it has none)."""
    place = Place.objects.visible_to(request.user).filter(pk=pk).first()
    if place is None:
        raise Http404
    published = Assessment.objects.published().filter(place=place).first()
    based_on = (
        {"id": published.pk, "survey_date": published.survey_date.isoformat()}
        if published
        else None
    )
    return JsonResponse(
        {
            "place": {"id": place.pk, "name": place.name, "kind": place.kind},
            "based_on": based_on,
            "answers": carried(published.answers) if published else {},
        }
    )


@require_GET
@api_login_required
def mine(request: HttpRequest) -> JsonResponse:
    """The status of the volunteer's submissions, by idempotency key, for the local queue."""
    mine = Assessment.objects.filter(surveyor=request.user).select_related("place")[:200]
    return JsonResponse({"assessments": [assessment_json(a) for a in mine]})


@require_GET
@api_login_required
def detail_json(request: HttpRequest, pk: int) -> JsonResponse:
    """One assessment; with its answers for whoever may still correct it (a returned survey)."""
    assessment = get_assessment_or_404(request.user, pk)
    data = assessment_json(assessment)
    if can_edit(request.user, assessment):
        data["answers"] = assessment.answers
        data["place_kind"] = assessment.place.kind
        data["photo_count"] = assessment.photos.count()
    return JsonResponse({"assessment": data})
