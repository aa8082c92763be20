"""Write a backup folder: the database dump, both media stores, and the manifest.

The folder is written under a hidden name beside the target and renamed only when complete, so
a folder with the target's name is always a whole backup (a timer's rotation relies on it).
The database is dumped first and the files copied after: a photo saved meanwhile leaves a file
without a row (swept as an orphan after a restore), never a row without its file unless a photo
is deleted during the backup.
"""

from __future__ import annotations

import importlib.metadata
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.db import connections
from django.utils.translation import gettext as _

from mapping.backup import BackupError, database, manifest, postgres
from mapping.backup.files import copy_with_checksum, files_under, sha256_of, stores

Say = Callable[[str], None]


def make_backup(target: Path, say: Say) -> dict:
    """Back up the deployment into `target` (a new or empty folder); returns the manifest."""
    target = target.absolute()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(
            _("%(path)s exists and is not an empty folder: choose a new one.") % {"path": target}
        )
    for root in stores().values():
        if target.is_relative_to(root.absolute()):
            raise BackupError(
                _("%(path)s is inside %(root)s, which the backup copies: choose another folder.")
                % {"path": target, "root": root}
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    # mkdtemp: readable by its owner only; the backup holds personal data and private photos.
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        written = _write(work, say)
        if target.exists():
            target.rmdir()
        work.rename(target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return written


def _write(work: Path, say: Say) -> dict:
    db = connections["default"].settings_dict
    tools = postgres.tools_for(db)
    left_out = database.cache_tables()
    say(
        _("Dumping the database %(name)s with %(tool)s ...")
        % {"name": db["NAME"], "tool": tools.folder / "pg_dump"}
    )
    with database.exported_snapshot(db) as (conn, snapshot):
        tables = database.row_counts(conn, database.main_tables())
        migrations = database.applied_migrations(conn)
        server_version = conn.info.parameter_status("server_version")
        postgres.dump(tools, work / manifest.DUMP, snapshot, left_out)
    size, checksum = sha256_of(work / manifest.DUMP)
    files = [{"path": manifest.DUMP, "size": size, "sha256": checksum}]
    say(_("Database dumped: %(size)s.") % {"size": human_size(size)})
    for store, root in stores().items():
        files += _copy_store(store, root, work / store, say)
    written = {
        "format": manifest.FORMAT,
        "format_version": manifest.FORMAT_VERSION,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "application": {"version": application_version(), "migrations": migrations},
        "database": {
            "name": db["NAME"],
            "server_version": server_version,
            "dump": manifest.DUMP,
            "data_left_out": left_out,
        },
        "tables": tables,
        "files": files,
    }
    manifest.write(work, written)
    return written


def _copy_store(store: str, root: Path, target: Path, say: Say) -> list[dict]:
    say(_("Copying the files of %(root)s ...") % {"root": root})
    entries, total = [], 0
    for path in files_under(root):
        relative = path.relative_to(root).as_posix()
        try:
            size, checksum = copy_with_checksum(path, target / relative)
        except FileNotFoundError:
            say(_("%(path)s was deleted during the backup; left out.") % {"path": path})
            continue
        entries.append({"path": f"{store}/{relative}", "size": size, "sha256": checksum})
        total += size
    say(
        _("Files copied from %(root)s: %(count)s (%(size)s).")
        % {"count": len(entries), "size": human_size(total), "root": root}
    )
    return entries


def application_version() -> str:
    try:
        return importlib.metadata.version("bezbarierova-mapa")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def human_size(size: float) -> str:
    """1234567 -> "1.2 MB" (decimal units, as disks are sold)."""
    if size < 1000:
        return f"{size:.0f} B"
    for unit in ("kB", "MB", "GB"):
        size /= 1000
        if size < 1000 or unit == "GB":
            break
    return f"{size:.1f} {unit}"
