"""An import a coordinator started from the admin (mapping/imports/): its file, its progress as
the background job reports it, and its report."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    MAPYBEZBARIER = "mapybezbarier", _("Mapy bez bariér (JSON or XML)")
    VOZEJKMAP = "vozejkmap", _("VozejkMap.cz (GeoJSON)")
    NETWORK = "network", _("Pedestrian network (OpenStreetMap)")
    CATALOGUE = "catalogue", _("Catalogue of social services")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("waiting for the background worker")
    RUNNING = "running", _("running")
    DONE = "done", _("finished")
    FAILED = "failed", _("failed")


class ImportRun(models.Model):
    """One run of an import: a dry run, or the commit of a dry run a coordinator has read.

    The uploaded file is kept in the private storage (`file`) while the run may still need it:
    until its job ends for a commit or a failure, until the dry run is committed (the commit
    takes the file over) or its file expires (settings.IMPORT_KEEP_DRY_RUN_HOURS). `file` is
    blank once the file is gone.
    """

    kind = models.CharField(_("import"), max_length=20, choices=ImportKind.choices)
    commit = models.BooleanField(_("written"), default=False)
    dry_run = models.OneToOneField(
        "self",
        verbose_name=_("dry run"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committed_as",
    )
    options = models.JSONField(_("options"), default=dict, blank=True)
    file = models.CharField(_("stored file"), max_length=200, blank=True)
    file_name = models.CharField(_("file"), max_length=255)
    file_size = models.PositiveBigIntegerField(_("size (bytes)"), default=0)
    language = models.CharField(_("language"), max_length=10, default="cs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    job_id = models.BigIntegerField(_("background job"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    started_at = models.DateTimeField(_("running since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=20, blank=True)
    done = models.PositiveIntegerField(_("items done"), default=0)
    total = models.PositiveIntegerField(_("items in all"), null=True, blank=True)
    report = models.JSONField(_("report"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    error = models.TextField(_("why it failed"), blank=True)

    class Meta:
        verbose_name = _("data import")
        verbose_name_plural = _("data imports")
        ordering = ["-created_at", "-id"]
        permissions = [
            ("import_places", _("Can import places (Mapy bez bariér, VozejkMap)")),
            ("import_catalogue", _("Can import the catalogue of social services")),
            ("import_network", _("Can replace the pedestrian network")),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.file_name} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
