"""The uploaded files of the imports, kept in the private storage while their runs need them.

The private storage (settings.STORAGES["private"]: a folder, or a bucket with MEDIA_STORAGE=s3)
is never served under MEDIA_URL, and every worker machine reaches it, as it reaches the photo
originals. Files live under `imports/` with a random name that keeps the upload's type.
"""

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from django.core.files.storage import Storage, storages

FOLDER = "imports"


def storage() -> Storage:
    return storages["private"]


def suffix_of(file_name: str, suffixes: tuple[str, ...]) -> str:
    """The longest of `suffixes` that `file_name` ends in (".osm.gz" before ".gz")."""
    lower = file_name.lower()
    matching = [suffix for suffix in suffixes if lower.endswith(suffix)]
    return max(matching, key=len) if matching else ""


def save(upload, suffix: str) -> str:
    """Store the uploaded file; returns its name in the storage."""
    return storage().save(f"{FOLDER}/{uuid.uuid4().hex}{suffix}", upload)


def read(name: str) -> bytes:
    with storage().open(name, "rb") as stored:
        data: bytes = stored.read()
    return data


@contextmanager
def local_path(name: str) -> Iterator[Path]:
    """A path on this machine with the file's content and type (a reader that wants a path,
    as pyosmium does): the file itself on a folder storage, a temporary copy from a bucket."""
    try:
        path = Path(storage().path(name))
    except NotImplementedError:
        path = None
    if path is not None:
        yield path
        return
    suffix = "".join(Path(name).suffixes)
    with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
        with storage().open(name, "rb") as stored:
            shutil.copyfileobj(stored, copy)
        copy.flush()
        yield Path(copy.name)


def exists(name: str) -> bool:
    return bool(name) and storage().exists(name)


def delete(name: str) -> None:
    if name:
        storage().delete(name)


def stored_files() -> list[tuple[str, datetime]]:
    """Every file under imports/ with the time it was written."""
    try:
        names = storage().listdir(FOLDER)[1]
    except FileNotFoundError:  # nothing uploaded yet
        return []
    return [(f"{FOLDER}/{n}", storage().get_modified_time(f"{FOLDER}/{n}")) for n in names]
