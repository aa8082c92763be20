"""manifest.json of a backup: what it holds, from which application, and every file's checksum.

{
  "format": "bezbarierova-mapa-backup", "format_version": 1,
  "created_at": "2026-12-02T02:30:00Z",
  "application": {"version": "0.1.0", "migrations": {"mapping": ["0001_initial", ...], ...}},
  "database": {"name": "...", "server_version": "15.20", "dump": "database.dump",
               "data_left_out": ["barrierfree_cache"]},
  "tables": {"mapping_place": 26, ...},
  "files": [{"path": "database.dump", "size": 123, "sha256": "..."},
            {"path": "media/photos/display/....jpg", ...}, {"path": "private/...", ...}]
}
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from mapping.backup import BackupError
from mapping.backup.files import files_under, safe_relative, sha256_of

NAME = "manifest.json"
FORMAT = "bezbarierova-mapa-backup"
FORMAT_VERSION = 1
DUMP = "database.dump"
STORE_FOLDERS = ("media", "private")


def write(folder: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    (folder / NAME).write_text(text, encoding="utf-8")


def read(folder: Path) -> dict:
    """The manifest of a backup folder, its form checked; refused with a message otherwise."""
    path = folder / NAME
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(
            _("%(path)s does not exist: this is not a backup.") % {"path": path}
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(
            _("%(path)s cannot be read: %(error)s") % {"path": path, "error": error}
        ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("%(path)s is not the manifest of a backup.") % {"path": path})
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            _("The backup is in format version %(found)s; this application reads version %(ours)s.")
            % {"found": manifest.get("format_version"), "ours": FORMAT_VERSION}
        )
    files = manifest.get("files")
    for entry in files if isinstance(files, list) else [files]:
        _check_entry(entry, path)
    if not isinstance(manifest.get("tables"), dict) or DUMP not in {e["path"] for e in files}:
        raise BackupError(_("%(path)s is not the manifest of a backup.") % {"path": path})
    return manifest


def _check_entry(entry: object, path: Path) -> None:
    valid = (
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
        and safe_relative(entry["path"]) is not None
        and (entry["path"] == DUMP or entry["path"].split("/")[0] in STORE_FOLDERS)
    )
    if not valid:
        raise BackupError(
            _("%(path)s lists a file it should not: %(entry)s") % {"path": path, "entry": entry}
        )


@dataclass(frozen=True)
class Damage:
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path} ({self.problem})"


def damaged_files(folder: Path, manifest: dict, progress=None) -> list[Damage]:
    """Every file that is missing, differs from its size or checksum, or is not listed."""
    damaged = []
    listed = {entry["path"] for entry in manifest["files"]}
    for entry in manifest["files"]:
        path = folder / entry["path"]
        if not path.is_file() or path.is_symlink():
            damaged.append(Damage(entry["path"], _("missing")))
            continue
        size, checksum = sha256_of(path)
        if size != entry["size"]:
            damaged.append(Damage(entry["path"], _("size differs")))
        elif checksum != entry["sha256"]:
            damaged.append(Damage(entry["path"], _("checksum differs")))
        if progress:
            progress(size)
    for store in STORE_FOLDERS:
        for path in files_under(folder / store):
            name = path.relative_to(folder).as_posix()
            if name not in listed:
                damaged.append(Damage(name, _("not in the manifest")))
    return damaged
