"""The dead-letter view: background jobs that failed for good, for coordinators in the admin.

A job that spent its retries (mapping/worker/queues.py) stays in procrastinate's table as
"failed". Here a coordinator sees what it was (the task, its arguments), why it failed (the
error of its last attempt, mapping/worker/failures.py), how often it was tried and when it last
failed, and may queue it again: a retried job gets one more attempt (and its retry strategy's
further waits only if its attempts are not spent), through procrastinate's own retry function.
Nothing here edits or deletes a job.
"""

import json

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from procrastinate import utils
from procrastinate.contrib.django import app
from procrastinate.contrib.django.admin import ProcrastinateJobAdmin
from procrastinate.contrib.django.models import ProcrastinateEvent, ProcrastinateJob

from mapping.models import FailedJob, JobError

TASK_LABELS = {
    "send_decision_email": _("E-mail to a volunteer about a decision"),
    "send_resurvey_reminder": _("Re-survey reminder to a volunteer"),
    "send_repair_assignment": _("E-mail to a department about a barrier to repair"),
    "schedule_resurvey_reminders": _("Scheduling of re-survey reminders"),
    "sweep_orphaned_photo_files": _("Sweep of orphaned photo files"),
    "resolve_expired_reports": _("End of expired temporary barriers"),
    "requeue_stalled_jobs": _("Jobs of stopped workers queued again"),
    "clean_old_jobs": _("Removal of old finished jobs"),
    "recategorize_assessments": _("Re-categorisation of assessments"),
    "run_import": _("Import started in the admin"),
    "sweep_import_files": _("Removal of the files of finished imports"),
    "check_photo_privacy": _("Privacy check of a photo"),
}


def retry_jobs(jobs) -> int:
    """Queue the failed jobs among `jobs` again, to run at once. Returns how many."""
    count = 0
    for job in jobs.filter(status="failed"):
        app.job_manager.retry_job_by_id(
            job.id, utils.utcnow(), job.priority, job.queue_name, job.lock
        )
        count += 1
    return count


@admin.register(FailedJob)
class FailedJobAdmin(admin.ModelAdmin):
    list_display = ("id", "task", "arguments", "last_error", "attempt_count", "failed_at")
    list_display_links = ("id", "task")
    list_filter = ("task_name", "queue_name")
    fields = ("task", "arguments", "queue", "attempt_count", "failed_at", "errors")
    readonly_fields = fields
    actions = ("retry",)
    ordering = ("-id",)

    def get_queryset(self, request):
        last_error = JobError.objects.filter(job_id=OuterRef("pk")).order_by("-at", "-id")
        failed = ProcrastinateEvent.objects.filter(job=OuterRef("pk"), type="failed")
        return (
            super()
            .get_queryset(request)
            .filter(status="failed")
            .annotate(
                last_error_text=Subquery(last_error.values("error")[:1]),
                last_failed_at=Subquery(failed.order_by("-at").values("at")[:1]),
            )
        )

    # Read-only: no form to save (procrastinate's models refuse writes), no deletion. The change
    # permission is what the retry action asks for.
    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return obj is None and super().has_change_permission(request)

    @admin.display(description=_("task"), ordering="task_name")
    def task(self, job: FailedJob) -> str:
        label = TASK_LABELS.get(job.task_name)
        return f"{label} ({job.task_name})" if label else job.task_name

    @admin.display(description=_("queue"), ordering="queue_name")
    def queue(self, job: FailedJob) -> str:
        return job.queue_name

    @admin.display(description=_("attempts"), ordering="attempts")
    def attempt_count(self, job: FailedJob) -> int:
        return job.attempts

    @admin.display(description=_("arguments"))
    def arguments(self, job: FailedJob) -> str:
        return format_html("<code>{}</code>", json.dumps(job.args, ensure_ascii=False))

    @admin.display(description=_("last error"))
    def last_error(self, job: FailedJob) -> str:
        return job.last_error_text or "–"

    @admin.display(description=_("failed at"), ordering="last_failed_at")
    def failed_at(self, job: FailedJob):
        return job.last_failed_at

    @admin.display(description=_("errors of every attempt"))
    def errors(self, job: FailedJob) -> str:
        errors = JobError.objects.filter(job_id=job.pk).order_by("attempt", "at")
        if not errors:
            return "–"
        items = format_html_join("", "<li>{}</li>", ((error.error,) for error in errors))
        return format_html("<ol>{}</ol>", items)

    @admin.action(description=_("Retry the selected jobs"), permissions=["change"])
    def retry(self, request, queryset):
        count = retry_jobs(queryset)
        self.message_user(request, _("Jobs queued again: %(count)d.") % {"count": count})


class JobAdmin(ProcrastinateJobAdmin):
    """procrastinate's own list of every job, its arguments without the inline style that the
    site's CSP (style-src without 'unsafe-inline') would block; its summary's template is
    overridden the same way (templates/procrastinate/admin/summary.html)."""

    @admin.display(description="Args")
    def pretty_args(self, instance: ProcrastinateJob) -> str:
        return format_html("<pre>{}</pre>", json.dumps(instance.args, indent=2)[:2000])


admin.site.unregister(ProcrastinateJob)
admin.site.register(ProcrastinateJob, JobAdmin)
