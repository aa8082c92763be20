"""The coordinators' admin of the catalogue: edit providers and services.

Registered from mapping/admin.py through `register_catalogue_admin`. Every change made here is
in Django's admin history (LogEntry); the catalogue's import (mapping/imports/, linked from the
list of services) writes one history entry per created or updated service, so an import is as
traceable as an edit by hand.
"""

from django.contrib import admin
from django.db import models
from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from mapping.admin_base import BlankToFieldMeansPrimaryKey
from mapping.models import Provider, Service

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
    # The provider by its number too: select2's empty combobox on the "add" page has no name
    # (axe-core: aria-input-field-name).
    raw_id_fields = ("provider", *ACCESSIBLE_MANY["raw_id_fields"])
    list_select_related = ("provider",)
    change_list_template = "admin/catalogue/service_change_list.html"
    formfield_overrides = URL_FIELDS_HTTPS

    def get_urls(self):
        # The catalogue's import moved to the imports of the admin (mapping/imports/); its old
        # address leads there.
        view = self.admin_site.admin_view(
            RedirectView.as_view(pattern_name="admin:mapping_importrun_new", permanent=True),
        )
        return [
            path("import/", view, {"kind": "catalogue"}, name="catalogue_import"),
            *super().get_urls(),
        ]


def register_catalogue_admin(site: admin.AdminSite) -> None:
    """Replace the plain Provider and Service admins with the catalogue's."""
    for model, model_admin in ((Provider, ProviderAdmin), (Service, ServiceAdmin)):
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, model_admin)
