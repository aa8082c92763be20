"""System checks that validate the deployment's map, methodology and photo storage settings at
start-up."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register
from django.core.checks import Warning as CheckWarning

from barrierfree.media import MEDIA_STORAGES
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
    if settings.LEAFLET_CONFIG.get("SRID") not in (None, 3857):
        errors.append(
            Error(
                "LEAFLET_CONFIG['SRID'] is the projection the admin's maps are drawn in: the "
                "base map's tiles are Web Mercator (3857). Geometries are stored in WGS 84 "
                "whatever it says.",
                hint="Remove SRID from LEAFLET_CONFIG.",
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


@register()
def check_media_storage(app_configs, **kwargs):
    """MEDIA_STORAGE=s3 needs its buckets (and a region on AWS), and the originals must not
    lie inside the public copies' bucket or prefix (barrierfree/media.py)."""
    kind = settings.MEDIA_STORAGE
    if kind not in MEDIA_STORAGES:
        return [
            Error(
                f"MEDIA_STORAGE={kind!r} is not a known place for photos.",
                hint="Set MEDIA_STORAGE to filesystem (the default) or s3.",
                id="mapping.storage.E001",
            )
        ]
    if kind != "s3":
        return []
    s3 = settings.S3_MEDIA
    errors = [
        Error(
            f"MEDIA_STORAGE=s3 needs {name}, which is not set.",
            hint=f"Set {name} in the environment (README, Configuration).",
            id="mapping.storage.E002",
        )
        for name in s3.missing()
    ]
    errors += [
        Error(
            f"{name} cannot be used for photos in object storage.",
            hint=f"Set {name} to {instead}.",
            id="mapping.storage.E003",
        )
        for name, instead in s3.invalid()
    ]
    if s3.private_within_public():
        errors.append(
            Error(
                "S3_PUBLIC_BUCKET and S3_PRIVATE_BUCKET are one bucket, and the private "
                "originals' prefix is not apart from the public copies'.",
                hint="Use a second bucket for S3_PRIVATE_BUCKET, or set S3_PUBLIC_PREFIX and "
                "S3_PRIVATE_PREFIX to two prefixes neither of which contains the other "
                "(public and private).",
                id="mapping.storage.E004",
            )
        )
    return errors


@register(deploy=True)
def check_media_storage_over_https(app_configs, **kwargs):
    if settings.MEDIA_STORAGE != "s3" or settings.DEBUG:
        return []
    origin = settings.S3_MEDIA.public_origin()
    if origin.startswith("https://"):
        return []
    return [
        CheckWarning(
            f"Public photos would be served from {origin}, over plain http.",
            hint="Give the object storage an https:// address (S3_ENDPOINT_URL or S3_PUBLIC_URL): "
            "browsers block or warn about http images on an https site, and the private "
            "originals' signed links would cross the network readable.",
            id="mapping.storage.W001",
        )
    ]


@register(deploy=True)
def check_site_url(app_configs, **kwargs):
    if settings.SITE_URL or settings.DEBUG:
        return []
    return [
        CheckWarning(
            "SITE_URL is not set: e-mails sent by the background worker link to the local "
            "development server.",
            hint="Set SITE_URL to the map's public address, e.g. https://mapa.mesto.cz "
            "(README, Configuration).",
            id="mapping.site.W001",
        )
    ]


@register()
def check_face_model(app_configs, **kwargs):
    path = Path(settings.PHOTO_FACE_MODEL)
    if path.is_file():
        return []
    return [
        CheckWarning(
            f"The face detector's model is missing: {path}. Every photo stays private, its "
            "privacy check failing, until it is there.",
            hint="Run scripts/setup.sh (or: python scripts/face_model.py), or point "
            "PHOTO_FACE_MODEL at centerface.onnx.",
            id="mapping.photos.W001",
        )
    ]
