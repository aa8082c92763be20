"""The files of a backup: the two media stores, copied file by file with their SHA-256.

In a backup folder the public media (MEDIA_ROOT) are under `media/` and the private originals
(storages["private"]) under `private/`, with the same relative paths as in the stores.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage, storages

CHUNK = 1024 * 1024


def stores() -> dict[str, Path]:
    """The media stores of this deployment by their folder in a backup."""
    return {
        "media": Path(default_storage.location),
        "private": Path(storages["private"].location),
    }


def files_under(root: Path) -> Iterator[Path]:
    """Every regular file under `root` (symbolic links are not followed), sorted by path."""
    if not root.is_dir():
        return
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                yield path


def first_file_under(root: Path) -> Path | None:
    return next(files_under(root), None)


def sha256_of(path: Path) -> tuple[int, str]:
    """(size, SHA-256 hex digest) of a file, read in chunks."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as source:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def copy_with_checksum(source: Path, target: Path) -> tuple[int, str]:
    """Copy a file (content, then its times and mode) to a new file; (size, SHA-256) of what
    was written. The target must not exist yet."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    with source.open("rb") as reader, target.open("xb") as writer:
        try:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
                size += len(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        except BaseException:
            # A full disk, say: no half file is left behind (this call created it).
            target.unlink(missing_ok=True)
            raise
    shutil.copystat(source, target)
    return size, digest.hexdigest()


def safe_relative(name: str) -> PurePosixPath | None:
    """A manifest's file name as a relative path that stays inside the backup, or None."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or any(part in ("", ".", "..") for part in path.parts):
        return None
    if "\\" in name or "\x00" in name:
        return None
    return path
