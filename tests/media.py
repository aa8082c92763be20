"""Where a test's photos went, whichever storage holds them (MEDIA_STORAGE): the files in the
test's public and private folders, or the objects in its two buckets."""

from pathlib import Path, PurePath

from tests.s3 import stored_objects


def stored_media_files(settings) -> list[PurePath]:
    if settings.MEDIA_STORAGE == "s3":
        return stored_objects(settings.S3_MEDIA)
    roots = [Path(settings.MEDIA_ROOT), Path(settings.STORAGES["private"]["OPTIONS"]["location"])]
    return [path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()]
