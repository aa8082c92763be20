"""What the background jobs (mapping/worker/) keep beside procrastinate's own tables: the error
of each failed attempt, the coordinators' view of the jobs that failed for good, and the record
of the re-survey reminders already sent."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from procrastinate.contrib.django.models import ProcrastinateJob


class FailedJob(ProcrastinateJob):
    """A job of procrastinate's table as the dead-letter view shows it (mapping/worker/
    deadletter.py): the admin lists only those that failed for good. Read-only, as procrastinate
    keeps its tables; the retry goes through procrastinate's own function."""

    class Meta:
        proxy = True
        verbose_name = _("failed background job")
        verbose_name_plural = _("failed background jobs")


class JobError(models.Model):
    """The error of one failed attempt of a job: procrastinate records that an attempt failed,
    not why. Written by the worker (mapping/worker/failures.py), read by the dead-letter view."""

    job_id = models.BigIntegerField(_("job"), db_index=True)
    task_name = models.CharField(_("task"), max_length=128)
    attempt = models.PositiveIntegerField(_("attempt"))
    error = models.TextField(_("error"))
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        db_table = "mapping_job_error"
        verbose_name = _("job error")
        verbose_name_plural = _("job errors")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.task_name} #{self.job_id} ({self.attempt}): {self.error[:80]}"


class ResurveyReminder(models.Model):
    """A volunteer was reminded that their approved survey of a place has grown older than
    settings.SURVEY_MAX_AGE_YEARS: one reminder per such survey, ever (mapping/review/
    reminders.py)."""

    assessment = models.OneToOneField(
        "mapping.Assessment",
        verbose_name=_("assessment"),
        on_delete=models.CASCADE,
        related_name="resurvey_reminder",
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.CASCADE
    )
    created_at = models.DateTimeField(_("reminded"), auto_now_add=True)

    class Meta:
        verbose_name = _("re-survey reminder")
        verbose_name_plural = _("re-survey reminders")

    def __str__(self) -> str:
        return f"{self.volunteer} – {self.assessment}"
