"""What every ModelAdmin of the project shares."""

from django.contrib.admin import ModelAdmin, options, widgets
from django.db import models
from django.forms import Media
from django.utils.translation import gettext_lazy as _
from leaflet import PLUGIN_FORMS, PLUGINS
from leaflet.admin import LeafletAdminWidget
from leaflet.admin import LeafletGeoAdminMixin as BundledLeafletGeoAdminMixin

from mapping.map_settings import MAP_SCRIPTS, MAP_STYLES
from mapping.models.accounts import AWAITING_APPROVAL, User


class MapAdminWidget(LeafletAdminWidget):
    """django-leaflet's map widget on the site's own Leaflet and set-up (mapping/map_settings.py)
    instead of the copy django-leaflet bundles: one Leaflet on every page."""

    @property
    def media(self):
        return Media(
            js=[*MAP_SCRIPTS, "leaflet/leaflet.extras.js", *PLUGINS[PLUGIN_FORMS]["js"]],
            css={
                "screen": [
                    *MAP_STYLES,
                    *PLUGINS[PLUGIN_FORMS]["css"],
                    "leaflet/leaflet_django.css",
                ]
            },
        )


class LeafletGeoAdminMixin(BundledLeafletGeoAdminMixin):
    widget = MapAdminWidget


class LeafletGeoAdmin(LeafletGeoAdminMixin, ModelAdmin):
    pass


class HidesWorkAwaitingApproval:
    """What a volunteer awaiting approval wrote is theirs alone (mapping/survey/submission.py):
    a coordinator's admin lists and opens none of it; an administrator's shows everything, so
    that spam can be cleaned away. `written_by` is the path from the model to its author."""

    written_by = ""

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.exclude(**{f"{self.written_by}__in": User.objects.filter(AWAITING_APPROVAL)})


class BlankToFieldMeansPrimaryKey:
    """An empty `?_to_field=` on a change or delete page reaches Django's ModelAdmin.get_object
    as "" (Django 5.2 checks the parameter with `if to_field and ...` but then passes it on),
    which looks for a field named "" and fails with FieldDoesNotExist: a 500. Empty means the
    primary key, as when the parameter is absent."""

    def get_object(self, request, object_id, from_field=None):
        return super().get_object(request, object_id, from_field or None)


class ReadOnly:
    """Rows that something else writes (an import, a job): listed and opened, never added,
    changed or deleted in the admin."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class LabelledSplitDateTime(widgets.AdminSplitDateTime):
    """Django's date and time inputs of a date-time field, each with a name of its own: the
    admin writes "Date:" and "Time:" as bare text beside them, which a screen reader does not
    tie to the inputs (axe-core: label). Every date-time field of the admin gets it."""

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs)
        self.widgets[0].attrs["aria-label"] = _("Date")
        self.widgets[1].attrs["aria-label"] = _("Time")


options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField] = {
    **options.FORMFIELD_FOR_DBFIELD_DEFAULTS[models.DateTimeField],
    "widget": LabelledSplitDateTime,
}
