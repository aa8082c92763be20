"""Reports from the public: a new barrier, a correction, or a problem with a published photo.
Nothing of a report shows until a coordinator has moderated it; the reporter follows it by its
reference (a random code, not the row's id, so that nobody can walk through other reports)."""

import re
import secrets
from datetime import date

from django.conf import settings
from django.contrib.gis.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mapping.models.fields import optional_link
from mapping.models.geo import OUT_OF_RANGE_MESSAGE, Place, in_valid_range, within_metres

# Letters and digits that cannot be mistaken for one another when read aloud or typed from paper
# (no 0/O, no 1/I): 32 symbols, 8 of them, about 10^12 references.
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
REFERENCE_LENGTH = 8

# A barrier reported this close to a place (metres) is shown on the place's page.
NEAR_PLACE_METRES = 50


def new_reference() -> str:
    """A fresh random reference, such as "K7QM-4XPA"."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{code[:4]}-{code[4:]}"


def normalise_reference(text: str | None) -> str | None:
    """The reference as stored, from what a person typed ("k7qm 4xpa", "K7QM4XPA"), or None
    when it cannot be one."""
    code = re.sub(r"[\s\-]", "", (text or "").upper())
    if len(code) != REFERENCE_LENGTH or any(c not in REFERENCE_ALPHABET for c in code):
        return None
    return f"{code[:4]}-{code[4:]}"


def validity_problem(
    valid_from: date | None, valid_until: date | None, today: date | None = None
) -> Promise | None:
    """What is wrong with the dates of a new temporary barrier, or None. Shared by the report
    form and the API so that both refuse the same dates with the same words."""
    today = today or timezone.localdate()
    if valid_from and valid_until and valid_until < valid_from:
        return _("The end of validity comes before its start.")
    if valid_until and valid_until < today:
        return _("The end of validity has already passed.")
    return None


class ReportKind(models.TextChoices):
    BARRIER = "barrier", _("New barrier")
    CORRECTION = "correction", _("Correction")
    # A lift out of order: while published and valid it closes the lift it stands by to routes
    # (mapping/routing/sql/active_barriers.sql).
    LIFT = "lift", _("Lift out of order")
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


class ReportQuerySet(models.QuerySet):
    def current(self, today: date | None = None) -> "ReportQuerySet":
        """What the public sees: published, and not past the end of its validity (the periodic
        job resolves those, mapping/reports/expiry.py; this holds until it has run)."""
        today = today or timezone.localdate()
        return self.filter(status=ReportStatus.PUBLISHED).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )

    def with_position(self) -> "ReportQuerySet":
        """Annotate `position`: the report's own point, else its place's; only those with one."""
        return self.annotate(position=Coalesce("location", "place__location")).filter(
            position__isnull=False
        )

    def about_place(self, place: Place, today: date | None = None) -> "ReportQuerySet":
        """The current reports a place's page shows: those about the place (not its photos) and
        the barriers reported within NEAR_PLACE_METRES of it."""
        near = within_metres("location", place.location, NEAR_PLACE_METRES)
        return (
            self.current(today)
            .exclude(kind=ReportKind.PHOTO)
            .filter(Q(place=place) | (near & Q(kind=ReportKind.BARRIER)))
        )


class Report(models.Model):
    reference = models.CharField(
        _("reference"), max_length=9, unique=True, editable=False, default=new_reference
    )
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

    objects = ReportQuerySet.as_manager()

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

    def validity_text(self) -> str:
        """The dates it is valid, in words of the active language; "" when it has none."""
        dates = {
            "start": self.valid_from and date_format(self.valid_from),
            "end": self.valid_until and date_format(self.valid_until),
        }
        if dates["start"] and dates["end"]:
            return gettext("Valid from %(start)s to %(end)s") % dates
        if dates["end"]:
            return gettext("Valid until %(end)s") % dates
        if dates["start"]:
            return gettext("Valid from %(start)s") % dates
        return ""
