"""Storing a report from the public: the report and its optional photo, both or neither."""

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils.translation import gettext as _

from mapping.models import PhotoSubject, Report
from mapping.photo_storage import UploadLimits, save_photo
from mapping.photos import read_photo_metadata
from mapping.reports.forms import ReportForm


class ReportWithoutPosition(ValueError):
    """Neither a place, a position, nor a photo that knows where it was taken."""

    status = 400

    def __str__(self) -> str:
        return _("The photo does not say where it was taken: choose a place or give the position.")


def submit_report(form: ReportForm, upload, limits: UploadLimits) -> Report:
    """Save a valid form's report and its photo (if any) through the photo pipeline, within
    ``limits`` (the sender's: mapping.photo_storage.limits_for).

    Raises PhotoError for a photo that cannot be accepted and ReportWithoutPosition when only
    the photo could have placed the report and it cannot; then nothing is stored, no row and
    no file (save_photo removes its own files, the transaction the report).
    """
    report = form.save(commit=False)
    data = None
    if upload is not None:
        data, metadata = read_photo_metadata(
            upload, max_bytes=limits.max_bytes, max_pixels=limits.max_pixels
        )
        if form.position_missing():
            if not metadata.has_position:
                raise ReportWithoutPosition()
            report.location = Point(metadata.longitude, metadata.latitude, srid=4326)
    elif form.position_missing():
        raise ReportWithoutPosition()
    with transaction.atomic():
        report.save()
        if data is not None:
            save_photo(
                report,
                data,
                alt_text=form.cleaned_data["photo_alt"],
                subject=PhotoSubject.OTHER,
                limits=limits,
            )
    return report
