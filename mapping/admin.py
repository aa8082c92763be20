"""The coordinators' admin: every geometry edited on a django-leaflet map, Czech and English."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from mapping.admin_answers import AssessmentAdminForm, answer_fieldsets
from mapping.admin_base import (
    BlankToFieldMeansPrimaryKey,
    HidesWorkAwaitingApproval,
    LeafletGeoAdmin,
    LeafletGeoAdminMixin,
)
from mapping.admin_users import BarrierFreeUserAdmin
from mapping.models import (
    Assessment,
    AssessmentEvent,
    Entrance,
    Municipality,
    Photo,
    Place,
    Purpose,
    Report,
    ReportStatus,
    User,
)

admin.site.register(User, BarrierFreeUserAdmin)


@admin.register(Municipality)
class MunicipalityAdmin(BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    list_display = ("name", "code", "is_demo")
    search_fields = ("name", "code")
    list_filter = ("is_demo",)


class EntranceInline(LeafletGeoAdminMixin, admin.StackedInline):
    model = Entrance
    extra = 0


class PlaceAdminForm(forms.ModelForm):
    purposes = forms.MultipleChoiceField(
        label=_("purposes"),
        choices=Purpose.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Place
        fields = (
            "name",
            "kind",
            "purposes",
            "description",
            "street",
            "house_number",
            "city",
            "postcode",
            "ruian_address_code",
            "municipality",
            "location",
            "footprint",
            "osm_id",
            "source",
            "source_id",
            "is_demo",
        )


@admin.register(Place)
class PlaceAdmin(HidesWorkAwaitingApproval, BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    written_by = "created_by"
    form = PlaceAdminForm
    list_display = ("name", "kind", "address_town", "municipality", "is_demo", "updated_at")
    list_filter = ("kind", "municipality", "is_demo", "source")
    search_fields = ("name", "street", "city", "osm_id", "source_id")
    inlines = [EntranceInline]
    list_select_related = ("municipality",)
    readonly_fields = ("building_regulations",)

    @admin.display(description=_("Compliance with the building regulations"))
    def building_regulations(self, place: Place) -> str:
        if place.pk is None:
            return "–"
        url = reverse("review:compliance_place", args=[place.pk])
        return format_html('<a href="{}">{}</a>', url, _("Items, gaps and suggested fixes"))

    # The town of the address as typed, told apart from the RÚIAN municipality the place lies in
    # (both were headed "obec").
    @admin.display(description=_("town in the address"), ordering="city")
    def address_town(self, place: Place) -> str:
        return place.city


class PhotoInline(admin.TabularInline):
    model = Photo
    fk_name = "assessment"
    extra = 0
    fields = ("thumbnail", "alt_text", "subject", "is_hidden", "position")
    readonly_fields = ("thumbnail",)


class AssessmentEventInline(admin.TabularInline):
    model = AssessmentEvent
    extra = 0
    fields = ("at", "actor", "from_status", "to_status", "comment")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(HidesWorkAwaitingApproval, BlankToFieldMeansPrimaryKey, admin.ModelAdmin):
    written_by = "surveyor"
    list_display = (
        "place",
        "survey_date",
        "status",
        "wheelchair",
        "seniors",
        "pram",
        "surveyor",
        "disagrees_with_declared",
    )
    list_filter = ("status", "wheelchair", "seniors", "pram", "disagrees_with_declared", "is_demo")
    search_fields = ("place__name", "surveyor__username", "surveyor_name", "source_id")
    date_hierarchy = "survey_date"
    raw_id_fields = ("place",)
    list_select_related = ("place", "surveyor")
    inlines = [PhotoInline, AssessmentEventInline]
    form = AssessmentAdminForm
    # What the engine computes from the answers, and when things happened: shown, not typed.
    readonly_fields = (
        "wheelchair",
        "seniors",
        "pram",
        "has_accessible_toilet",
        "methodology_version",
        "result",
        "disagrees_with_declared",
        "submitted_at",
        "reviewed_at",
        "created_at",
        "updated_at",
    )
    main_fieldsets = (
        (None, {"fields": ("place", "status", "survey_date", "survey_kind")}),
        (
            _("Surveyor and review"),
            {
                "fields": (
                    "surveyor",
                    "surveyor_name",
                    "submitted_at",
                    "reviewed_by",
                    "reviewed_at",
                    "review_comment",
                )
            },
        ),
        (
            _("Categories computed from the answers"),
            {
                "fields": (
                    "wheelchair",
                    "seniors",
                    "pram",
                    "has_accessible_toilet",
                    "methodology_version",
                    "declared",
                    "disagrees_with_declared",
                )
            },
        ),
        (
            _("Source"),
            {
                "fields": ("source", "source_id", "is_demo", "created_at", "updated_at"),
                "classes": ["collapse"],
            },
        ),
    )

    def get_fieldsets(self, request, obj=None):
        return [*self.main_fieldsets, *answer_fieldsets()]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The model's own fields; the form adds the answers' fields itself.
        kwargs["fields"] = [
            name
            for _title, options in self.main_fieldsets
            for name in options["fields"]
            if name not in self.readonly_fields
        ]
        return super().get_form(request, obj, change, **kwargs)


@admin.register(Photo)
class PhotoAdmin(HidesWorkAwaitingApproval, BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    written_by = "assessment__surveyor"
    list_display = ("__str__", "subject", "assessment", "report", "is_hidden", "created_at")
    list_filter = ("subject", "is_hidden")
    search_fields = ("alt_text",)
    raw_id_fields = ("assessment", "report")
    actions = ("hide", "approve")

    @admin.action(description=_("Hide the selected photos"))
    def hide(self, request, queryset):
        count = queryset.update(is_hidden=True)
        self.message_user(request, _("%(count)d photos hidden.") % {"count": count})

    @admin.action(description=_("Approve the selected photos (show them again)"))
    def approve(self, request, queryset):
        count = queryset.update(is_hidden=False)
        self.message_user(request, _("%(count)d photos approved.") % {"count": count})


@admin.register(Report)
class ReportAdmin(BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    # A reporter who calls gives the reference (their follow-up page shows it).
    list_display = ("__str__", "reference", "kind", "status", "place", "valid_until", "created_at")
    list_filter = ("kind", "status")
    search_fields = ("reference", "text", "place__name")
    readonly_fields = ("reference",)
    raw_id_fields = ("place", "reported_photo")
    actions = ("publish", "reject", "hide_reported_photo")

    def _moderate(self, request, queryset, status: str) -> int:
        return queryset.update(
            status=status, moderated_by=request.user, moderated_at=timezone.now()
        )

    @admin.action(description=_("Publish the selected reports"))
    def publish(self, request, queryset):
        count = self._moderate(request, queryset, ReportStatus.PUBLISHED)
        self.message_user(request, _("%(count)d reports published.") % {"count": count})

    @admin.action(description=_("Reject the selected reports"))
    def reject(self, request, queryset):
        count = self._moderate(request, queryset, ReportStatus.REJECTED)
        self.message_user(request, _("%(count)d reports rejected.") % {"count": count})

    @admin.action(description=_("Hide the reported photos at once"))
    def hide_reported_photo(self, request, queryset):
        photos = Photo.objects.filter(problem_reports__in=queryset)
        count = photos.update(is_hidden=True)
        self._moderate(request, queryset.exclude(reported_photo=None), ReportStatus.RESOLVED)
        self.message_user(request, _("%(count)d photos hidden.") % {"count": count})


# The catalogue (providers, services: unmatched addresses, history), the imports (upload, dry
# run, progress, report, commit) and routing (surveyed barriers) keep their admins beside
# their code.
from mapping.catalogue.admin import register_catalogue_admin  # noqa: E402
from mapping.imports import admin as imports_admin  # noqa: E402, F401  (imports from the admin)
from mapping.repairs import admin as repairs_admin  # noqa: E402, F401
from mapping.routing import admin as routing_admin  # noqa: E402, F401
from mapping.ruian import admin as ruian_admin  # noqa: E402, F401
from mapping.worker import deadletter  # noqa: E402, F401  (failed background jobs)

register_catalogue_admin(admin.site)
# The index lists the imports a coordinator may run above the models.
admin.site.index_template = "admin/index_with_imports.html"
