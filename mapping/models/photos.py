"""Photos of an assessment or of a public report.

The original upload stays private to coordinators. The upload makes copies without metadata that
stay private too (``pending_image``, ``pending_thumbnail``) until the privacy check in the
background has found the faces; then the public copies (``image``, ``thumbnail``) are made with
them blurred (mapping.photo_privacy; docs/decisions/0008). The database refuses public copies of
a photo whose check has not succeeded.
"""

from django.contrib.gis.db import models
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.db.models import Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _

from mapping.models.fields import optional_link
from mapping.models.published import published_q


class PrivateStorage(LazyObject):
    """STORAGES["private"] (a folder, or the private bucket with MEDIA_STORAGE=s3), looked up
    again after STORAGES changes, like Django's default_storage: a field's storage is fixed when
    the model class is made, and Photo.original must still reach the originals when a test
    moves them to a bucket."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed, dispatch_uid="mapping.private_storage_changed")
def _private_storage_changed(*, setting: str, **kwargs) -> None:
    if setting == "STORAGES":
        private_storage._wrapped = empty


def _private_storage():
    return private_storage


class PhotoSubject(models.TextChoices):
    ENTRANCE = "entrance", _("Entrance")
    RAMP = "ramp", _("Ramp")
    DOOR = "door", _("Door")
    LIFT = "lift", _("Lift")
    TOILET = "toilet", _("Toilet")
    PARKING = "parking", _("Parking")
    PATH = "path", _("Path")
    OTHER = "other", _("Other")


class PrivacyStatus(models.TextChoices):
    PENDING = "pending", _("Privacy check pending")
    DONE = "done", _("Privacy check done")
    FAILED = "failed", _("Privacy check failed")


class PhotoQuerySet(models.QuerySet):
    def visible(self) -> "PhotoQuerySet":
        """Photos that may be shown where their assessment is: not hidden, and their public
        copies made by the privacy check (a photo never checked has none)."""
        return self.filter(is_hidden=False, privacy_status=PrivacyStatus.DONE)

    def published(self) -> "PhotoQuerySet":
        """The photos the public sees: visible, of a published assessment."""
        return self.visible().filter(published_q("assessment"))


class Photo(models.Model):
    assessment = optional_link(
        "mapping.Assessment", _("assessment"), models.CASCADE, related_name="photos"
    )
    report = optional_link("mapping.Report", _("report"), models.CASCADE, related_name="photos")
    original = models.FileField(
        _("original"), storage=_private_storage, upload_to="photos/original/", blank=True
    )
    # Made by the privacy check; empty until it has succeeded.
    image = models.ImageField(_("public image"), upload_to="photos/display/", blank=True)
    thumbnail = models.ImageField(_("thumbnail"), upload_to="photos/thumb/", blank=True)
    # Made by the upload, private until the privacy check has made the public copies.
    pending_image = models.FileField(
        _("copy awaiting the privacy check"),
        storage=_private_storage,
        upload_to="photos/pending/",
        blank=True,
    )
    pending_thumbnail = models.FileField(
        _("thumbnail awaiting the privacy check"),
        storage=_private_storage,
        upload_to="photos/pending/",
        blank=True,
    )
    width = models.PositiveIntegerField(_("width"), default=0)
    height = models.PositiveIntegerField(_("height"), default=0)
    alt_text = models.TextField(
        _("text alternative"), help_text=_("What the photo shows, for people who cannot see it.")
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        blank=True,
        help_text=_("Who made the photo and under which licence, when it is not the surveyor's."),
    )
    subject = models.CharField(
        _("shows"), max_length=20, choices=PhotoSubject.choices, default=PhotoSubject.OTHER
    )
    exif_location = models.PointField(_("position from EXIF"), srid=4326, null=True, blank=True)
    exif_direction = models.FloatField(_("direction from EXIF (degrees)"), null=True, blank=True)
    taken_at = models.DateTimeField(_("taken"), null=True, blank=True)
    blur_areas = models.JSONField(
        _("blurred areas"),
        default=list,
        blank=True,
        help_text=_("Rectangles [x, y, width, height] in the original's pixels."),
    )
    privacy_status = models.CharField(
        _("privacy check"),
        max_length=10,
        choices=PrivacyStatus.choices,
        default=PrivacyStatus.PENDING,
    )
    privacy_areas = models.JSONField(
        _("areas found by the privacy check"),
        default=list,
        blank=True,
        help_text=_(
            "Objects {x, y, width, height, kind, score} in the original's pixels, as the "
            "detector found them."
        ),
    )
    privacy_detector = models.CharField(_("detector"), max_length=40, blank=True)
    privacy_detector_version = models.CharField(_("detector version"), max_length=80, blank=True)
    privacy_checked_at = models.DateTimeField(_("privacy check finished"), null=True, blank=True)
    privacy_error = models.TextField(_("why the privacy check failed"), blank=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(assessment__isnull=False, report__isnull=True)
                    | Q(assessment__isnull=True, report__isnull=False)
                ),
                name="photo_belongs_to_one_owner",
                violation_error_message=_(
                    "A photo belongs either to an assessment or to a report."
                ),
            ),
            models.CheckConstraint(
                condition=Q(privacy_status=PrivacyStatus.DONE) | Q(image="", thumbnail=""),
                name="photo_public_only_after_privacy_check",
                violation_error_message=_(
                    "A photo has public copies only once the privacy check has made them."
                ),
            ),
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("alt_text")), 0),
                name="photo_alt_text_required",
                violation_error_message=_("Describe what the photo shows (text alternative)."),
            ),
        ]

    def __str__(self) -> str:
        return self.alt_text[:60]
