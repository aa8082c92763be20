"""The coordinators' admin for surveyed barriers (imported from mapping/admin.py)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mapping.admin_base import BlankToFieldMeansPrimaryKey, LeafletGeoAdmin
from mapping.models import Barrier


@admin.register(Barrier)
class BarrierAdmin(BlankToFieldMeansPrimaryKey, LeafletGeoAdmin):
    list_display = ("__str__", "kind", "blocks", "valid_from", "valid_until", "is_active")
    list_filter = ("kind", "blocks")
    search_fields = ("description",)
    raw_id_fields = ("report", "assessment")
    readonly_fields = ("created_at",)

    @admin.display(boolean=True, description=_("in force"))
    def is_active(self, barrier: Barrier) -> bool:
        now = timezone.now()
        return (barrier.valid_from is None or barrier.valid_from <= now) and (
            barrier.valid_until is None or barrier.valid_until > now
        )
