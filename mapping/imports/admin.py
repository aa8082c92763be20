"""The imports in the coordinators' admin: an upload page per import with what its file must
contain, the run's page (progress while its background job runs, then the report, then the
button that writes a dry run), and the list of past runs. Registered from mapping/admin.py.

Access: seeing runs needs `view_importrun`; starting or writing an import needs its kind's
permission (mapping/permissions.py gives the coordinators all three).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from mapping.admin_base import ReadOnly
from mapping.ids import is_ascii_digits
from mapping.imports import job, runs
from mapping.imports.kinds import KINDS, BadFile, Kind, kinds_for
from mapping.imports.reports import ACTION_LABELS
from mapping.imports.texts import describe
from mapping.models import ImportRun, ImportStatus
from mapping.progress import percent
from mapping.worker.heartbeat import worker_check

# The rows shown on the page (the counts cover them all); unchanged rows are left out.
ROWS_SHOWN = 500


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnly, admin.ModelAdmin):
    """Runs are made by the upload pages and the commit button, never edited, kept as history."""

    list_display = ("created_at", "kind", "file_name", "mode", "status", "summary", "created_by")
    list_display_links = ("created_at", "file_name")
    list_filter = ("kind", "status", "commit")
    list_select_related = ("created_by",)
    change_list_template = "admin/imports/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).defer("report")

    @admin.display(description=gettext_lazy("dry run or written"), ordering="commit")
    def mode(self, run: ImportRun) -> str:
        return _("written") if run.commit else _("dry run")

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("new/<str:kind>/", wrap(self.upload_view), name="mapping_importrun_new"),
            path("<int:pk>/status/", wrap(self.status_view), name="mapping_importrun_status"),
            path("<int:pk>/commit/", wrap(self.commit_view), name="mapping_importrun_commit"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        links = [(kind.title, _new_url(kind)) for kind in kinds_for(request.user)]
        return super().changelist_view(request, {**(extra_context or {}), "import_links": links})

    def upload_view(self, request: HttpRequest, kind: str) -> HttpResponse:
        chosen = _kind_for(request, kind)
        form = chosen.form(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                chosen.check(upload.read(), upload.name, form.options())
            except BadFile as error:
                form.add_error("file", str(error))
            else:
                run = runs.start(chosen, form, request.user, get_language())
                return redirect(_run_url(run), permanent=False)
        context = {
            **self._context(request, _("Import: %(kind)s") % {"kind": chosen.title}),
            "kind": chosen,
            "form": form,
            "docs": chosen.docs(),
        }
        return TemplateResponse(request, "admin/imports/upload.html", context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        run = self._run(request, object_id)
        run = job.reconcile(run)
        kind = KINDS[run.kind]
        report = run.report or {}
        rows = [row for row in report.get("rows", []) if row["action"] != "unchanged"]
        context = {
            **self._context(request, str(run)),
            "run": run,
            "kind": kind,
            "may_run": request.user.has_perm(kind.permission),
            "status": status_of(run),
            "report": report,
            "counts": _counts(report),
            "rows": [{**row, "action_label": ACTION_LABELS[row["action"]]} for row in rows][
                :ROWS_SHOWN
            ],
            "rows_left_out": max(0, len(rows) - ROWS_SHOWN),
            "committed_as": ImportRun.objects.filter(dry_run=run).first(),
        }
        return TemplateResponse(request, "admin/imports/run.html", context)

    def status_view(self, request: HttpRequest, pk: int) -> JsonResponse:
        run = job.reconcile(self._run(request, pk))
        return JsonResponse(status_of(run))

    def commit_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        dry_run = self._run(request, pk)
        if not request.user.has_perm(KINDS[dry_run.kind].permission):
            raise PermissionDenied
        try:
            run = runs.start_commit(dry_run.pk, request.user, get_language())
        except runs.NotCommittable as error:
            messages.error(request, str(error))
            return redirect(_run_url(dry_run))
        return redirect(_run_url(run))

    def _run(self, request: HttpRequest, pk) -> ImportRun:
        if not self.has_view_permission(request):
            raise PermissionDenied
        if not is_ascii_digits(str(pk)):
            raise Http404
        return get_object_or_404(ImportRun, pk=pk)

    def _context(self, request: HttpRequest, title: str) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": title,
            "changelist_url": reverse("admin:mapping_importrun_changelist"),
        }


def _kind_for(request: HttpRequest, key: str) -> Kind:
    kind = KINDS.get(key)
    if kind is None:
        raise Http404
    if not request.user.has_perm(kind.permission):
        raise PermissionDenied
    return kind


def _new_url(kind: Kind) -> str:
    return reverse("admin:mapping_importrun_new", args=[kind.key])


def _run_url(run: ImportRun) -> str:
    return reverse("admin:mapping_importrun_change", args=[run.pk])


def _counts(report: dict) -> list[tuple[str, int]]:
    counts = report.get("counts") or {}
    return [(str(ACTION_LABELS[action]), count) for action, count in counts.items()]


def status_of(run: ImportRun) -> dict:
    """What the run's page shows of the run, and polls while it is not finished."""
    if run.status == ImportStatus.RUNNING and run.stage:
        message = describe(run.stage, run.done, run.total)
    else:
        message = run.get_status_display()
    return {
        "status": run.status,
        "stage": run.stage,
        "finished": run.is_finished,
        "message": message,
        "note": run.error or _waiting_note(run),
        "done": run.done,
        "total": run.total,
        "percent": percent(run.done, run.total) if run.status == ImportStatus.RUNNING else None,
        "attempts": run.attempts,
        "url": reverse("admin:mapping_importrun_status", args=[run.pk]),
    }


def _waiting_note(run: ImportRun) -> str:
    """Why a queued run does not start, when no worker is there to take it."""
    if run.status != ImportStatus.QUEUED or worker_check() == "ok":
        return ""
    return _(
        "No background worker is running at the moment: the import starts as soon as one "
        "does (the administrator starts it with “python manage.py procrastinate worker”)."
    )
