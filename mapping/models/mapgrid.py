"""The map's country-level grid: the published places counted per grid cell, mobility or sensory
profile and symbol, so that the map at zoom 9 and below (a region to the whole country) is drawn
from a few thousand rows instead of every place (mapping.public.grid builds it, mapping.public.tiles
reads it).

A cell is a 64-pixel square of a web-mercator tile: at `level` (the tile's zoom + 2) there are
2 ** level cells across the world, and cx, cy are its column and row. Every level the grid serves
is stored, each added up from the one below, so that a tile reads its 16 cells and no more.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MapGridCell(models.Model):
    level = models.SmallIntegerField(_("level"))
    profile = models.CharField(_("profile"), max_length=16)
    cx = models.IntegerField(_("cell column"))
    cy = models.IntegerField(_("cell row"))
    symbol = models.CharField(_("symbol"), max_length=16)
    places = models.IntegerField(_("places"))
    # Sums of the places' coordinates, so that a cluster of cells sits at its places' centre.
    sum_lon = models.FloatField(_("sum of longitudes"))
    sum_lat = models.FloatField(_("sum of latitudes"))

    class Meta:
        verbose_name = _("map grid cell")
        verbose_name_plural = _("map grid cells")
        indexes = [
            models.Index(fields=["level", "profile", "cy", "cx"], name="mapgrid_profile_cell_idx")
        ]

    def __str__(self) -> str:
        return f"{self.level}/{self.cx}/{self.cy} {self.profile} {self.symbol}: {self.places}"


class MapGridBuild(models.Model):
    """One row per build of the grid: the newest tells the tiles' cache which grid they read."""

    built_at = models.DateTimeField(_("built"), auto_now_add=True)
    source_changed = models.DateTimeField(_("data changed"), null=True, blank=True)
    cells = models.IntegerField(_("cells"), default=0)

    class Meta:
        verbose_name = _("map grid build")
        verbose_name_plural = _("map grid builds")

    def __str__(self) -> str:
        return f"{self.built_at:%Y-%m-%d %H:%M}: {self.cells}"
