"""The repair loop in the admin: the coordinators' list of responsible departments and owners,
the repairs (read here, worked in the review pages), the re-survey tasks, and the site's
accessibility statement (one row)."""

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mapping.admin_base import BlankToFieldMeansPrimaryKey, LeafletGeoAdmin
from mapping.models import (
    AccessibilityStatement,
    RepairContact,
    RepairEvent,
    RepairItem,
    ResurveyTask,
)


@admin.register(RepairContact)
class RepairContactAdmin(BlankToFieldMeansPrimaryKey, admin.ModelAdmin):
    list_display = ("name", "email", "municipality", "is_active")
    list_filter = ("is_active", "municipality")
    search_fields = ("name", "email")


class RepairEventInline(admin.TabularInline):
    model = RepairEvent
    extra = 0
    can_delete = False
    fields = ("at", "actor", "actor_name", "status", "planned_date", "note")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(RepairItem)
class RepairItemAdmin(BlankToFieldMeansPrimaryKey, admin.ModelAdmin):
    """Read-only: every step goes through the repair pages, which write the history."""

    list_display = ("reference", "source", "status", "assignee", "planned_date", "created_at")
    list_filter = ("status", "source", "assignee")
    search_fields = ("reference", "description", "report__reference")
    inlines = (RepairEventInline,)
    readonly_fields = (
        "reference",
        "work_page",
        "source",
        "report",
        "assessment",
        "place",
        "description",
        "requester_contact",
        "page_url",
        "assignee",
        "status",
        "planned_date",
        "answer_note",
        "token_expires_at",
        "assigned_at",
        "answered_at",
    )
    exclude = ("token_nonce",)

    @admin.display(description=_("page of the repair"))
    def work_page(self, obj: RepairItem) -> str:
        url = reverse("repairs:detail", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Assign, follow, close"))

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ResurveyTask)
class ResurveyTaskAdmin(BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    list_display = ("description", "place", "status", "created_at", "done_at")
    list_filter = ("status",)
    raw_id_fields = ("place", "repair")


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(BlankToFieldMeansPrimaryKey, admin.ModelAdmin):
    """One statement: adding is offered only while there is none."""

    list_display = ("__str__", "compliance", "statement_date", "automated_check_date")
    # A link typed without its scheme is taken as https (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not AccessibilityStatement.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
