"""Restore a backup folder into an empty database and empty media folders.

Nothing is touched until every file of the backup matches the manifest and the target is
known to be empty; then the media files are copied (each checked again), the database is restored
in one transaction, and its row counts are compared with the manifest's. If the copy or the
database restore fails, the files copied so far are deleted and the database stays empty.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from django.db import connections
from django.utils.translation import gettext as _

from mapping.backup import BackupError, database, manifest, postgres
from mapping.backup.backup import human_size
from mapping.backup.files import copy_with_checksum, first_file_under, stores

Say = Callable[[str], None]


def restore_backup(source: Path, say: Say) -> dict:
    """Restore the backup in `source`; returns its manifest."""
    source = source.absolute()
    described = manifest.read(source)
    _check_files(source, described, say)
    _check_target(described)
    db = connections["default"].settings_dict
    tools = postgres.tools_for(db)
    dump_file = source / manifest.DUMP
    with tempfile.TemporaryDirectory(prefix="bezbarierova-restore-") as scratch:
        toc = postgres.table_of_contents(tools, dump_file)
        _check_extensions(db, tools, dump_file, toc, Path(scratch))
        with postgres.connect(db, autocommit=True) as conn:
            present = database.present_extensions(conn)
        written: list[Path] = []
        try:
            _copy_files(source, described, written, say)
            say(_("Restoring the database %(name)s ...") % {"name": db["NAME"]})
            postgres.restore(tools, dump_file, postgres.restore_list(toc, present), Path(scratch))
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    _check_counts(db, described["tables"], say)
    return described


def _check_files(source: Path, described: dict, say: Say) -> None:
    total = sum(entry["size"] for entry in described["files"])
    say(
        _("Checking the files against the manifest: %(count)s (%(size)s) ...")
        % {"count": len(described["files"]), "size": human_size(total)}
    )
    damaged = manifest.damaged_files(source, described)
    if damaged:
        raise BackupError(
            _("The backup is damaged, nothing was restored: %(files)s")
            % {"files": "; ".join(str(damage) for damage in damaged)}
        )


def _check_target(described: dict) -> None:
    unknown = database.unknown_migrations(described["application"].get("migrations") or {})
    if unknown:
        raise BackupError(
            _(
                "The backup comes from a newer version of the application (%(version)s): this "
                "one does not know its migrations %(migrations)s. Restore it with that version."
            )
            % {"version": described["application"].get("version"), "migrations": ", ".join(unknown)}
        )
    tables = database.application_tables()
    if tables:
        raise BackupError(
            _(
                "The database %(name)s already holds the application's tables (%(tables)s). "
                "Restore only into an empty database: create a new one from template1."
            )
            % {"name": connections["default"].settings_dict["NAME"], "tables": _few(tables)}
        )
    for root in stores().values():
        found = first_file_under(root)
        if found:
            raise BackupError(
                _("%(root)s is not empty (%(file)s): restore only into empty media folders.")
                % {"root": root, "file": found}
            )


def _check_extensions(db: dict, tools, dump_file: Path, toc: list[str], scratch: Path) -> None:
    with postgres.connect(db, autocommit=True) as conn:
        problems = database.extension_problems(conn, postgres.dump_extensions(toc))
    for name, problem in problems:
        if problem == "missing":
            raise BackupError(
                _("The PostgreSQL server has no extension %(name)s: install it first.")
                % {"name": name}
            )
        raise BackupError(
            _(
                "The extension %(name)s is not in the database %(db)s and only a superuser can "
                "create it: run CREATE EXTENSION %(name)s; in it as a superuser, then restore."
            )
            % {"name": name, "db": db["NAME"]}
        )
    for table, rows in postgres.extension_rows(tools, dump_file, toc, scratch).items():
        raise BackupError(
            _(
                "The backup holds data of %(table)s (rows: %(rows)s), a table of an extension "
                "that the application's role cannot write; a superuser must restore them."
            )
            % {"rows": rows, "table": table}
        )


def _copy_files(source: Path, described: dict, written: list[Path], say: Say) -> None:
    roots = stores()
    for store, root in roots.items():
        entries = [e for e in described["files"] if e["path"].split("/")[0] == store]
        say(_("Copying files to %(root)s: %(count)s ...") % {"count": len(entries), "root": root})
        for entry in entries:
            target = root / entry["path"].split("/", 1)[1]
            size, checksum = copy_with_checksum(source / entry["path"], target)
            written.append(target)
            if (size, checksum) != (entry["size"], entry["sha256"]):
                raise BackupError(
                    _("%(path)s was not copied intact; nothing was restored.") % {"path": target}
                )


def _check_counts(db: dict, expected: dict[str, int], say: Say) -> None:
    with postgres.connect(db, autocommit=True) as conn:
        found = database.row_counts(conn, list(expected))
    wrong = [
        f"{table}: {found.get(table)} / {count}"
        for table, count in expected.items()
        if found.get(table) != count
    ]
    if wrong:
        raise BackupError(
            _(
                "The restored database does not hold what the backup counted (restored / "
                "backed up): %(tables)s. Drop the database and the media and try again."
            )
            % {"tables": "; ".join(wrong)}
        )
    say(
        _("Rows checked against the manifest: %(counts)s.")
        % {"counts": ", ".join(f"{table} {count}" for table, count in expected.items())}
    )


def _few(names: list[str], shown: int = 5) -> str:
    return ", ".join(names[:shown]) + (", ..." if len(names) > shown else "")
