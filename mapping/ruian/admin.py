"""RÚIAN address points in the admin: read-only, searchable (imported from mapping/admin.py)."""

from django.contrib import admin
from django.db.models import CharField, Func, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from mapping.admin_base import LeafletGeoAdmin, ReadOnly
from mapping.models import AddressPoint


@admin.register(AddressPoint)
class AddressPointAdmin(ReadOnly, LeafletGeoAdmin):
    """Only `import_ruian_addresses` writes them: a hand edit would be undone by the next import."""

    list_display = ("label", "code", "part_name", "postcode", "municipality_code", "valid_from")
    list_filter = ("building_number_type",)
    search_fields = ("label",)  # see get_search_results
    search_help_text = _("An address point code, a postcode, or a street, town or part of it.")
    show_full_result_count = False  # a national import has ~3 million rows: no count(*)
    modifiable = False

    def get_search_results(self, request, queryset, search_term):
        """A code or a postcode exactly; else any part of the address, diacritics and case ignored,
        through the trigram index addresspoint_search_trgm (same expression)."""
        term = " ".join(search_term.split())
        if not term:
            return queryset, False
        if term.isdigit():
            return queryset.filter(Q(code=int(term)) | Q(postcode=term)), False
        document = RawSQL(
            "bf_unaccent(lower(mapping_addresspoint.label || ' ' "
            "|| mapping_addresspoint.part_name))",
            [],
            output_field=CharField(),
        )
        wanted = Func(Lower(Value(term)), function="bf_unaccent", output_field=CharField())
        return queryset.alias(document=document).filter(document__contains=wanted), False
