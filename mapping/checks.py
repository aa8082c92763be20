"""System checks that validate the deployment's map and methodology settings at start-up."""

from django.conf import settings
from django.core.checks import Error, register

from mapping.methodology.rules import METHODOLOGY_VERSION, RULESETS


@register()
def check_map_settings(app_configs, **kwargs):
    errors = []
    lat, lon = settings.MAP_CENTER
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        errors.append(
            Error(
                f"MAP_CENTER_LAT={lat}, MAP_CENTER_LON={lon} is not a position on Earth.",
                hint="Set MAP_CENTER_LAT between -90 and 90 and MAP_CENTER_LON between -180 "
                "and 180 (e.g. 49.3088 and 14.1475 for Písek).",
                id="mapping.E001",
            )
        )
    if not 0 <= settings.MAP_ZOOM <= 19:
        errors.append(
            Error(
                f"MAP_ZOOM={settings.MAP_ZOOM} is outside 0..19.",
                hint="A town fits zoom 13 to 16.",
                id="mapping.E002",
            )
        )
    if settings.LEAFLET_CONFIG.get("SRID") not in (None, 4326):
        errors.append(
            Error(
                "LEAFLET_CONFIG['SRID'] must be 4326: geometries are stored in WGS 84.",
                hint="Remove SRID from LEAFLET_CONFIG or set it to 4326.",
                id="mapping.E003",
            )
        )
    return errors


@register()
def check_methodology_version(app_configs, **kwargs):
    version = getattr(settings, "METHODOLOGY_VERSION", "")
    if not version or version in RULESETS:
        return []
    return [
        Error(
            f"METHODOLOGY_VERSION={version!r} is not a known methodology version.",
            hint=f"Set METHODOLOGY_VERSION to one of {', '.join(RULESETS)}, or leave it empty "
            f"for the current one ({METHODOLOGY_VERSION}).",
            id="mapping.E004",
        )
    ]
