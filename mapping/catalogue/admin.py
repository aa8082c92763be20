"""The coordinators' admin of the catalogue: edit providers and services, import a file.

Registered from mapping/admin.py through `register_catalogue_admin`. Every change made here is
in Django's admin history (LogEntry); a committed import writes one history entry per created or
updated service, so an import is as traceable as an edit by hand.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from mapping.admin_base import BlankToFieldMeansPrimaryKey
from mapping.catalogue.importer import CREATED, UPDATED, import_records
from mapping.catalogue.readers import FORMATS, SOURCE_NAMES, guess_format, read_records
from mapping.catalogue.records import CatalogueFileError
from mapping.models import Provider, Service

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# Web addresses typed without a scheme are https (and Django 5.2 warns without this choice).
URL_FIELDS_HTTPS = {models.URLField: {"assume_scheme": "https"}}


# The municipalities served in a plain labelled list (a few per town), the places by their numbers
# with a search window: the admin's autocomplete (select2) leaves its search boxes without a label
# and breaks list semantics, and its two-list filter puts ARIA on a <span>, which axe-core reports
# (Act 99/2019 covers these work pages too).
ACCESSIBLE_MANY = {"raw_id_fields": ("places",)}


class ServiceInline(admin.StackedInline):
    model = Service
    extra = 0
    raw_id_fields = ACCESSIBLE_MANY["raw_id_fields"]
    show_change_link = True
    formfield_overrides = URL_FIELDS_HTTPS


class ProviderAdmin(BlankToFieldMeansPrimaryKey, admin.ModelAdmin):
    list_display = ("name", "ico", "legal_form", "service_count", "source", "is_demo")
    search_fields = ("name", "ico")
    list_filter = ("source", "is_demo")
    inlines = [ServiceInline]
    formfield_overrides = URL_FIELDS_HTTPS

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).annotate(service_count=Count("services"))

    @admin.display(description=_("services"), ordering="service_count")
    def service_count(self, provider: Provider) -> int:
        return provider.service_count


class UnmatchedAddressFilter(admin.SimpleListFilter):
    title = _("place on the map")
    parameter_name = "on_map"

    def lookups(self, request, model_admin):
        return (
            ("yes", _("Linked to a place")),
            ("no", _("Address not on the map yet")),
        )

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(places__isnull=False).distinct()
        if self.value() == "no":
            return queryset.filter(places__isnull=True).exclude(Q(address=""))
        return queryset


class ServiceAdmin(BlankToFieldMeansPrimaryKey, admin.ModelAdmin):
    list_display = ("name", "provider", "service_type", "registry_id", "address")
    list_filter = (UnmatchedAddressFilter, "service_type", "source", "is_demo")
    search_fields = ("name", "provider__name", "registry_id", "address")
    autocomplete_fields = ("provider",)
    raw_id_fields = ACCESSIBLE_MANY["raw_id_fields"]
    list_select_related = ("provider",)
    change_list_template = "admin/catalogue/service_change_list.html"
    formfield_overrides = URL_FIELDS_HTTPS

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="catalogue_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        report = None
        form = CatalogueImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                data = upload.read()
                fmt = form.cleaned_data["format"] or guess_format(upload.name, data)
                records = read_records(data, fmt)
            except CatalogueFileError as error:
                form.add_error("file", str(error))
            else:
                report = import_records(
                    records, source=SOURCE_NAMES[fmt], commit=form.cleaned_data["commit"]
                )
                if report.committed:
                    _log_import(request, report, upload.name)
                    messages.success(request, _("The import was written to the catalogue."))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import the catalogue"),
            "form": form,
            "report": report,
            "changelist_url": reverse("admin:mapping_service_changelist"),
        }
        return TemplateResponse(request, "admin/catalogue/import.html", context)


class CatalogueImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "The coordinator's spreadsheet (.csv or .xlsx), the national registry's JSON (RPSS) "
            "or the Příbor directory (.json)."
        ),
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Recognise from the file"))] + [(f, f.upper()) for f in FORMATS],
    )
    commit = forms.BooleanField(
        label=_("Write to the catalogue"),
        required=False,
        help_text=_("Leave unticked for a dry run: see the report first, nothing is saved."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


def _log_import(request: HttpRequest, report, filename: str) -> None:
    for status, flag in ((CREATED, ADDITION), (UPDATED, CHANGE)):
        ids = [row.service_id for row in report.rows if row.status == status and row.service_id]
        if ids:
            LogEntry.objects.log_actions(
                user_id=request.user.pk,
                queryset=Service.objects.filter(pk__in=ids),
                action_flag=flag,
                change_message=str(_("Imported from %(file)s") % {"file": filename}),
            )


def register_catalogue_admin(site: admin.AdminSite) -> None:
    """Replace the plain Provider and Service admins with the catalogue's."""
    for model, model_admin in ((Provider, ProviderAdmin), (Service, ServiceAdmin)):
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)
