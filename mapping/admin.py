"""The coordinators' admin: every geometry edited on a django-leaflet map, Czech and English."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from leaflet.admin import LeafletGeoAdmin, LeafletGeoAdminMixin

from mapping.admin_base import BlankToFieldMeansPrimaryKey, HidesWorkAwaitingApproval
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
    list_display = ("name", "kind", "city", "municipality", "is_demo", "updated_at")
    list_filter = ("kind", "municipality", "is_demo", "source")
    search_fields = ("name", "street", "city", "osm_id", "source_id")
    inlines = [EntranceInline]
    list_select_related = ("municipality",)


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


@admin.register(Photo)
class PhotoAdmin(HidesWorkAwaitingApproval, BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    written_by = "assessment__surveyor"
    list_display = ("__str__", "subject", "assessment", "report", "is_hidden", "created_at")
    list_filter = ("subject", "is_hidden")
    search_fields = ("alt_text",)
    raw_id_fields = ("assessment", "report")


@admin.register(Report)
class ReportAdmin(BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    list_display = ("__str__", "kind", "status", "place", "created_at")
    list_filter = ("kind", "status")
    search_fields = ("text", "place__name")
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
from mapping.routing import admin as routing_admin  # noqa: E402, F401
from mapping.ruian import admin as ruian_admin  # noqa: E402, F401
from mapping.worker import deadletter  # noqa: E402, F401  (failed background jobs)

register_catalogue_admin(admin.site)
# The index lists the imports a coordinator may run above the models.
admin.site.index_template = "admin/index_with_imports.html"
