"""PostgreSQL's own tools for the backup: pg_dump and pg_restore of the server's major version.

The connection comes from settings.DATABASES and reaches the tools through the environment
(PGHOST, PGPASSWORD, ...): a password never stands on a command line, where any user of the
machine could read it. The binaries are Debian's for the server's major version
(/usr/lib/postgresql/<major>/bin), or those in POSTGRESQL_BIN_DIR; their version is checked.

The application's role is no superuser. The target database was created from template1 with
PostGIS and pgRouting in it, so the dump's CREATE EXTENSION of those (and the comments on
extensions, which only their owner may set, and the data of the extensions' own tables such as
spatial_ref_sys) are left out of the restore through pg_restore's --use-list.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import psycopg
from django.conf import settings
from django.utils.translation import gettext as _

from mapping.backup import BackupError

# settings.DATABASES OPTIONS that libpq reads from the environment.
SSL_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}
TOOL_SECONDS = 6 * 3600


def connection_parameters(db: dict) -> dict[str, str]:
    """libpq's parameters of a Django database (settings.DATABASES entry), empty ones left out."""
    parameters = {
        "host": db.get("HOST") or "",
        "port": str(db.get("PORT") or ""),
        "user": db.get("USER") or "",
        "password": db.get("PASSWORD") or "",
        "dbname": db["NAME"],
    }
    options = db.get("OPTIONS") or {}
    parameters.update({name: str(options[name]) for name in SSL_OPTIONS if options.get(name)})
    return {name: value for name, value in parameters.items() if value}


def tool_environment(db: dict) -> dict[str, str]:
    """This process's environment with the connection as PG* variables (never on argv)."""
    names = {"host": "PGHOST", "port": "PGPORT", "user": "PGUSER", "password": "PGPASSWORD"}
    names.update({"dbname": "PGDATABASE", **SSL_OPTIONS})
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    for name, value in connection_parameters(db).items():
        env[names[name]] = value
    return env


def connect(db: dict, **options) -> psycopg.Connection:
    try:
        return psycopg.connect(**connection_parameters(db), **options)
    except psycopg.OperationalError as error:
        raise BackupError(
            _("Cannot connect to the database %(name)s: %(error)s")
            % {"name": db["NAME"], "error": str(error).strip()}
        ) from error


def server_major(db: dict) -> int:
    with connect(db, autocommit=True) as conn:
        return conn.info.server_version // 10000


@dataclass(frozen=True)
class Tools:
    """pg_dump and pg_restore of one major version, with the connection's environment."""

    folder: Path
    env: dict[str, str]

    def run(self, name: str, *arguments: str) -> subprocess.CompletedProcess:
        command = [str(self.folder / name), *arguments]
        try:
            result = subprocess.run(
                command, env=self.env, capture_output=True, text=True, timeout=TOOL_SECONDS
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise BackupError(
                _("%(tool)s could not run: %(error)s") % {"tool": name, "error": error}
            ) from error
        if result.returncode != 0:
            raise BackupError(
                _("%(tool)s failed: %(error)s")
                % {"tool": name, "error": result.stderr.strip() or result.returncode}
            )
        return result


def tools_for(db: dict) -> Tools:
    """The tools of the server's major version; refused when they are missing or another version."""
    major = server_major(db)
    folder = Path(settings.POSTGRESQL_BIN_DIR or f"/usr/lib/postgresql/{major}/bin")
    tools = Tools(folder, tool_environment(db))
    for name in ("pg_dump", "pg_restore"):
        if not (folder / name).is_file():
            raise BackupError(
                _(
                    "%(tool)s of PostgreSQL %(major)s is not in %(folder)s. Install it "
                    "(apt-get install postgresql-client-%(major)s) or set POSTGRESQL_BIN_DIR."
                )
                % {"tool": name, "major": major, "folder": folder}
            )
        version = tools.run(name, "--version").stdout
        found = re.search(r"(\d+)(?:\.\d+)?", version)
        if not found or int(found.group(1)) != major:
            raise BackupError(
                _("%(tool)s in %(folder)s is %(version)s, the server is PostgreSQL %(major)s.")
                % {"tool": name, "folder": folder, "version": version.strip(), "major": major}
            )
    return tools


def dump(tools: Tools, target: Path, snapshot: str, exclude_data: list[str]) -> None:
    """pg_dump in the custom format, of the exported `snapshot` (what the manifest counted)."""
    arguments = ["--format=custom", f"--file={target}", f"--snapshot={snapshot}"]
    arguments += [f"--exclude-table-data={table}" for table in exclude_data]
    tools.run("pg_dump", *arguments)


TOC_LINE = re.compile(r"^\d+; \d+ \d+ (?P<what>.+)$")


def _words(line: str) -> list[str]:
    """An entry of `pg_restore --list` as words: ["TABLE", "DATA", "public", "x", "owner"]."""
    match = TOC_LINE.match(line)
    return match["what"].split() if match else []


def table_of_contents(tools: Tools, dump_file: Path) -> list[str]:
    return tools.run("pg_restore", "--list", str(dump_file)).stdout.splitlines()


def dump_extensions(toc: list[str]) -> list[str]:
    """The extensions a restore of this table of contents creates."""
    return [words[2] for words in map(_words, toc) if words[:2] == ["EXTENSION", "-"]]


def extension_data(toc: list[str]) -> list[str]:
    """Data of tables that belong to an extension (spatial_ref_sys): dumped without the table."""
    tables = {tuple(w[1:3]) for w in map(_words, toc) if w[:1] == ["TABLE"] and w[1] != "DATA"}
    data = [w for w in map(_words, toc) if w[:2] == ["TABLE", "DATA"]]
    return [".".join(w[2:4]) for w in data if tuple(w[2:4]) not in tables]


def restore_list(toc: list[str], present_extensions: set[str]) -> list[str]:
    """The table of contents without what the application's role may not restore and need not:
    the extensions already in the target, comments on extensions, and the data of tables that
    belong to an extension."""
    skipped_data = set(extension_data(toc))
    kept = []
    for line in toc:
        words = _words(line)
        if words[:2] == ["EXTENSION", "-"] and words[2] in present_extensions:
            continue
        if words[:3] == ["COMMENT", "-", "EXTENSION"]:
            continue
        if words[:2] == ["TABLE", "DATA"] and ".".join(words[2:4]) in skipped_data:
            continue
        kept.append(line)
    return kept


def extension_rows(tools: Tools, dump_file: Path, toc: list[str], folder: Path) -> dict:
    """Rows in the dump of tables that belong to an extension (user-added SRIDs, say), by table:
    the application's role cannot write them, so a restore must not drop them unnoticed."""
    tables = set(extension_data(toc))
    entries = [
        line
        for line in toc
        if _words(line)[:2] == ["TABLE", "DATA"] and ".".join(_words(line)[2:4]) in tables
    ]
    if not entries:
        return {}
    list_file = folder / "extension-data.list"
    list_file.write_text("\n".join(entries) + "\n", encoding="utf-8")
    script = tools.run("pg_restore", f"--use-list={list_file}", "--file=-", str(dump_file))
    rows: dict[str, int] = {}
    table = None
    for line in script.stdout.splitlines():
        if table is None and line.startswith("COPY "):
            table = line.split()[1].split("(")[0]
        elif table is not None and line == "\\.":
            table = None
        elif table is not None:
            rows[table] = rows.get(table, 0) + 1
    return rows


def restore(tools: Tools, dump_file: Path, toc: list[str], folder: Path) -> None:
    """pg_restore of the listed entries in one transaction: all of it, or nothing."""
    list_file = folder / "restore.list"
    list_file.write_text("\n".join(toc) + "\n", encoding="utf-8")
    tools.run(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--use-list={list_file}",
        f"--dbname={tools.env.get('PGDATABASE', '')}",
        str(dump_file),
    )
