"""Photos during review: the private original and the copies that await the privacy check
(coordinators only, never under MEDIA_URL nor readable in its bucket), the privacy check's
result and its retry, and the blur areas of the public copies, made again from the original by
the photo pipeline (the areas the check found come pre-drawn)."""

import json
import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.files.storage import storages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mapping.access import can_view, coordinator_required
from mapping.errors import error_answer
from mapping.models import Photo, PrivacyStatus
from mapping.photo_storage import open_original, photo_error_message, reblur_photo
from mapping.photo_tasks import retry_privacy_check
from mapping.photos.areas import Area
from mapping.photos.errors import PhotoError
from mapping.photos.pipeline import public_copies

MAX_AREAS = 50


class BadAreas(ValueError):
    pass


def parse_areas(text: str, width: int, height: int) -> list[list[int]]:
    """Rectangles "x y width height", one a line (or a JSON list), inside the photo."""
    text = (text or "").strip()
    if not text:
        return []
    if text.startswith("["):
        try:
            rows = json.loads(text)
        except ValueError:
            raise BadAreas from None
    else:
        rows = [line.replace(",", " ").split() for line in text.splitlines() if line.strip()]
    if not isinstance(rows, list) or len(rows) > MAX_AREAS:
        raise BadAreas
    areas = []
    for row in rows:
        try:
            x, y, w, h = (int(float(v)) for v in row)
        except (TypeError, ValueError, OverflowError):  # OverflowError: "1e309" is infinite
            raise BadAreas from None
        if (
            w <= 0
            or h <= 0
            or x < 0
            or y < 0
            or (width and x + w > width)
            or (height and y + h > height)
        ):
            raise BadAreas
        areas.append([x, y, w, h])
    return areas


def get_photo_or_404(request: HttpRequest, pk: int) -> Photo:
    """A photo of a report, or of an assessment the coordinator may see (mapping.access)."""
    item = get_object_or_404(
        Photo.objects.select_related("assessment__place", "assessment__surveyor"), pk=pk
    )
    if item.assessment is not None and not can_view(request.user, item.assessment):
        raise Http404(_("No such photo."))
    return item


def _areas_message(item: Photo) -> str:
    return _(
        "Write each area as four whole numbers: x y width height, inside the photo "
        "(%(width)s × %(height)s pixels)."
    ) % {"width": item.width, "height": item.height}


def blur_texts() -> dict[str, str]:
    """What the drawing tool says (names of the areas and the live region's announcements)."""
    return {
        "area": _("Area %(n)s: x %(x)s, y %(y)s, %(width)s × %(height)s pixels"),
        "foundArea": _(
            "Area %(n)s, found by the privacy check: x %(x)s, y %(y)s, "
            "%(width)s × %(height)s pixels"
        ),
        "count": _("Blurred areas on the photo: %(count)s."),
        "added": _("Added. %(area)s"),
        "removed": _("Area removed. Blurred areas on the photo: %(count)s."),
        "tooSmall": _("The rectangle was too small to blur; draw a larger one."),
        "previewing": _("Making the preview…"),
        "previewReady": _("The preview below shows the photo with %(count)s areas blurred."),
        "previewFailed": _("The preview could not be made: check the areas and try again."),
        "typedInvalid": _(
            "The typed areas were not drawn: write each as x y width height inside the photo."
        ),
    }


def _page(request: HttpRequest, item: Photo, areas: str, status: int = 200) -> HttpResponse:
    checked = item.privacy_status == PrivacyStatus.DONE
    context = {
        "photo": item,
        "areas": areas,
        "found": item.privacy_areas,
        "checked": checked,
    }
    if checked:
        # The drawing tool (static/js/review/blur.js) starts from the areas of the public
        # copies; those the privacy check found are told apart in their names.
        context["blur_config"] = {
            "width": item.width,
            "height": item.height,
            "areas": item.blur_areas,
            "found": [
                [area["x"], area["y"], area["width"], area["height"]] for area in item.privacy_areas
            ],
            "previewUrl": reverse("review:photo_preview", args=[item.pk]),
        }
        context["blur_texts"] = blur_texts()
    return render(request, "review/photo.html", context, status=status)


@coordinator_required
def photo(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_photo_or_404(request, pk)
    areas = "\n".join(" ".join(str(v) for v in area) for area in item.blur_areas)
    return _page(request, item, areas)


@coordinator_required
def original(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_photo_or_404(request, pk)
    if not item.original:
        raise Http404(_("This photo has no original."))
    return _private_answer(item.original.name, _("The original file is missing."))


@coordinator_required
def pending_copy(request: HttpRequest, pk: int, thumbnail: bool = False) -> HttpResponse:
    """The copy (or thumbnail) made by the upload, not yet anonymised: until the privacy check
    has made the public copies, coordinators review the photo through this."""
    item = get_photo_or_404(request, pk)
    copy = item.pending_thumbnail if thumbnail else item.pending_image
    if not copy:
        raise Http404(_("This photo has no copy awaiting the privacy check."))
    return _private_answer(copy.name, _("The copy awaiting the privacy check is missing."))


@require_POST
@coordinator_required
def visibility(request: HttpRequest, pk: int, hidden: bool) -> HttpResponse:
    """Hide a photo from the public (and from the volunteer's survey as shown to others), or show
    it again: the coordinator's decision on this one photo, whatever they decide on its survey."""
    item = get_photo_or_404(request, pk)
    if item.is_hidden != hidden:
        item.is_hidden = hidden
        item.save(update_fields=["is_hidden"])
    if hidden:
        said = _("The photo is hidden: nobody but coordinators sees it.")
    elif item.privacy_status == PrivacyStatus.DONE:
        said = _("The photo is approved: it is shown with its survey or report.")
    else:
        said = _(
            "The photo is approved: it will be shown once the privacy check has made its "
            "public copies."
        )
    messages.success(request, said)
    return redirect("review:photo", pk=pk)


@require_POST
@coordinator_required
def recheck(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_photo_or_404(request, pk)
    if item.privacy_status == PrivacyStatus.DONE:
        messages.info(request, _("The privacy check of this photo has already succeeded."))
    else:
        retry_privacy_check(item)
        messages.success(request, _("The privacy check will run again shortly."))
    return redirect("review:photo", pk=pk)


def _private_answer(name: str, missing: str) -> HttpResponse:
    response = _private_file(name, missing)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _private_file(name: str, missing: str) -> HttpResponse:
    """A private file leaves by the shortest way the deployment has; the role was checked."""
    storage = storages["private"]
    if settings.MEDIA_STORAGE == "s3":
        # A redirect to a link signed for this one object for S3_PRIVATE_URL_EXPIRY seconds,
        # rather than streaming through the application: an original of up to PHOTO_MAX_BYTES
        # does not hold one of the few workers for the whole download, nor cross the network
        # twice. The link is made only here, after the role check, opens this object alone and
        # dies within minutes; without it the bucket answers no one.
        if not storage.exists(name):
            raise Http404(missing)
        return HttpResponseRedirect(storage.url(name))
    if settings.PRIVATE_MEDIA_ACCEL_REDIRECT:
        # nginx sends the file from its internal location.
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        response = HttpResponse(content_type=kind)
        response["X-Accel-Redirect"] = settings.PRIVATE_MEDIA_ACCEL_REDIRECT + quote(name)
        return response
    try:
        return FileResponse(storage.open(name, "rb"))
    except OSError:
        raise Http404(missing) from None


@require_GET
@coordinator_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The display copy with `?areas=` blurred, made from the original by the same code as the
    public copies (mapping.photos.pipeline.public_copies) but not stored: what "Make the public
    copies again" would publish. With no areas it is the photo unblurred, which the drawing tool
    draws on; like the original, it is for coordinators only and never cached."""
    item = get_photo_or_404(request, pk)
    try:
        areas = parse_areas(request.GET.get("areas", ""), item.width, item.height)
    except BadAreas:
        return error_answer(request, 400, message=_areas_message(item))
    try:
        copies = public_copies(open_original(item), [Area(*area) for area in areas])
    except PhotoError as error:
        return error_answer(request, 404, message=photo_error_message(error))
    response = HttpResponse(copies.display, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_POST
@coordinator_required
def blur(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_photo_or_404(request, pk)
    try:
        areas = parse_areas(request.POST.get("areas", ""), item.width, item.height)
    except BadAreas:
        messages.error(request, _areas_message(item))
        return _page(request, item, request.POST.get("areas", ""), status=400)
    try:
        reblur_photo(item, areas)
    except PhotoError as error:
        messages.error(request, photo_error_message(error))
        return redirect("review:photo", pk=pk)
    messages.success(request, _("The public copies were made again with these areas blurred."))
    return redirect("review:photo", pk=pk)
