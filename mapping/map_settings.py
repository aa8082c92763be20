"""The one map set-up of the site: the base map every map starts from (tiles, their credit, the
town's centre, the zoom limits) and the files that draw it (the vendored Leaflet, the shared
helpers, `makeMap` in static/js/map.js). Pages take both through the `{% map_styles %}` and
`{% map_scripts %}` tags (mapping/templatetags/maps.py): the settings reach `makeMap` as
json_script ("map-settings"). django-leaflet's admin widgets read the same settings through
LEAFLET_CONFIG and load the same Leaflet (mapping/admin_base.py)."""

from django.conf import settings

LEAFLET = "vendor/leaflet-1.9.4/"

MAP_STYLES = [LEAFLET + "leaflet.css"]
MAP_SCRIPTS = ["js/helpers.js", LEAFLET + "leaflet.js", "js/map.js"]
# Leaflet's default marker, for the pages that cache their files for offline use (the survey).
MAP_IMAGES = [
    LEAFLET + "images/marker-icon.png",
    LEAFLET + "images/marker-icon-2x.png",
    LEAFLET + "images/marker-shadow.png",
]
# The public map's clusters come from the server's tiles (mapping/public/tiles.py); this small
# script draws them (no plugin: Leaflet.markercluster clustered in the browser what it was sent).
CLUSTER_STYLES: list[str] = []
CLUSTER_SCRIPTS = ["js/public/clusters.js"]


def map_settings() -> dict:
    """What makeMap needs, the same on every page; a page's own view (a place, a route, the
    view of a shared link) goes in the page's own configuration."""
    return {
        "tiles_url": settings.MAP_TILES_URL,
        "attribution": settings.MAP_TILES_ATTRIBUTION,
        "center": list(settings.MAP_CENTER),
        "zoom": settings.MAP_ZOOM,
        "min_zoom": settings.MAP_MIN_ZOOM,
        "max_zoom": settings.MAP_MAX_ZOOM,
    }
