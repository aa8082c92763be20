"""Official Czech addresses: the address points of RÚIAN (ČÚZK), imported from its CSV files.

Replaced row by row by `import_ruian_addresses` (mapping/ruian/importer.py), never edited by
hand; the primary key is the address point's own code ("Kód ADM"), which the national registry of
social services (RPSS) and `Place.ruian_address_code` use as well.
"""

from django.conf import settings
from django.contrib.gis.db import models
from django.contrib.postgres.indexes import GistIndex
from django.db.models import F, Func
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


def _as_geography(expression):
    return Func(expression, function="", template="(%(expressions)s)::geography")


class BuildingNumberType(models.TextChoices):
    # "Typ SO" of the CSV: číslo popisné or číslo evidenční (temporary and recreational buildings).
    DESCRIPTIVE = "č.p.", _("č.p. (descriptive number)")
    REGISTRATION = "č.ev.", _("č.ev. (registration number)")


class AddressPoint(models.Model):
    code = models.BigIntegerField(_("RÚIAN address point code"), primary_key=True)
    municipality_code = models.CharField(_("municipality code"), max_length=6)
    municipality_name = models.CharField(_("municipality"), max_length=200)
    # Městský obvod / městská část (Praha 7, Ostrava's districts); empty elsewhere.
    district_name = models.CharField(_("city district"), max_length=200, blank=True)
    part_name = models.CharField(_("part of the municipality"), max_length=200, blank=True)
    street = models.CharField(_("street"), max_length=200, blank=True)
    building_number_type = models.CharField(
        _("building number type"), max_length=5, choices=BuildingNumberType.choices
    )
    house_number = models.PositiveIntegerField(_("house number"))
    orientation_number = models.PositiveIntegerField(_("orientation number"), null=True, blank=True)
    orientation_letter = models.CharField(_("orientation number letter"), max_length=1, blank=True)
    postcode = models.CharField(_("postcode"), max_length=5, blank=True)
    # The address as Czechs write it (mapping/ruian/formatting.py), for search and display.
    label = models.CharField(_("address"), max_length=400)
    # Its GiST index is declared below with the others.
    geom = models.PointField(_("position"), srid=settings.SRID, spatial_index=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)

    class Meta:
        verbose_name = _("RÚIAN address point")
        verbose_name_plural = _("RÚIAN address points")
        ordering = ["municipality_name", "street", "house_number"]
        indexes = [
            GistIndex(fields=["geom"], name="addresspoint_geom_gist"),
            GistIndex(_as_geography(F("geom")), name="addresspoint_geog_gist"),
            models.Index("municipality_code", "house_number", name="addresspoint_municipality_idx"),
            # Catalogue addresses name their town, not its code: found by the folded name.
            models.Index(
                Func(Lower("municipality_name"), function="bf_unaccent"),
                "house_number",
                name="addresspoint_town_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.label
