"""Reports from the public: a new barrier, a correction, or a problem with a published photo.
Nothing of a report shows until a coordinator has moderated it."""

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mapping.models.fields import optional_link
from mapping.models.geo import OUT_OF_RANGE_MESSAGE, Place, in_valid_range


class ReportKind(models.TextChoices):
    BARRIER = "barrier", _("New barrier")
    CORRECTION = "correction", _("Correction")
    PHOTO = "photo", _("Problem with a photo")


class ReportStatus(models.TextChoices):
    NEW = "new", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")
    RESOLVED = "resolved", _("Resolved")


class PhotoProblem(models.TextChoices):
    WRONG_PLACE = "wrong_place", _("Wrong place")
    OUTDATED = "outdated", _("Outdated")
    OFFENSIVE = "offensive", _("Offensive")
    PRIVACY = "privacy", _("Privacy")


class Report(models.Model):
    kind = models.CharField(_("kind"), max_length=15, choices=ReportKind.choices)
    place = optional_link(Place, _("place"), models.CASCADE, related_name="reports")
    location = models.PointField(_("location"), srid=settings.SRID, null=True, blank=True)
    reported_photo = optional_link(
        "mapping.Photo", _("reported photo"), models.CASCADE, related_name="problem_reports"
    )
    photo_problem = models.CharField(
        _("problem with the photo"), max_length=15, choices=PhotoProblem.choices, blank=True
    )
    text = models.TextField(_("text"))
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("e.g. the end of road works")
    )
    status = models.CharField(
        _("status"), max_length=15, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    moderated_by = optional_link(settings.AUTH_USER_MODEL, _("moderated by"), models.SET_NULL)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderator_note = models.TextField(_("moderator's note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(place__isnull=False)
                    | Q(location__isnull=False)
                    | Q(reported_photo__isnull=False)
                ),
                name="report_has_subject",
                violation_error_message=_("Say which place, point or photo the report is about."),
            ),
            models.CheckConstraint(
                condition=Q(location__isnull=True) | in_valid_range("location"),
                name="report_location_in_range",
                violation_error_message=OUT_OF_RANGE_MESSAGE,
            ),
            models.CheckConstraint(
                condition=(
                    Q(valid_from__isnull=True)
                    | Q(valid_until__isnull=True)
                    | Q(valid_until__gte=models.F("valid_from"))
                ),
                name="report_validity_ordered",
                violation_error_message=_("The end of validity comes before its start."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"
