"""What the manifest says about the database, read in the snapshot that pg_dump dumps.

The counts and the migrations are read inside one REPEATABLE READ transaction whose snapshot
pg_dump is given (`--snapshot`), so they describe exactly the dumped data even while the site
keeps working; a restore compares the restored database with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from django.conf import settings
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from psycopg import sql

from mapping import models
from mapping.backup.postgres import connect

# The tables whose row counts the manifest keeps: the product's own data.
MAIN_MODELS = (
    models.User,
    models.Municipality,
    models.Place,
    models.Entrance,
    models.Assessment,
    models.AssessmentEvent,
    models.Photo,
    models.Provider,
    models.Service,
    models.Report,
    models.Barrier,
    models.AddressPoint,
    models.NetworkNode,
    models.NetworkEdge,
    models.NetworkAddress,
)


def main_tables() -> list[str]:
    return [model._meta.db_table for model in MAIN_MODELS]


def cache_tables() -> list[str]:
    """The database cache's tables: derived data, rebuilt by the site, not worth a backup."""
    return [
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    ]


@contextmanager
def exported_snapshot(db: dict) -> Iterator[tuple[psycopg.Connection, str]]:
    """A read-only REPEATABLE READ transaction and the name of its snapshot for pg_dump."""
    with connect(db) as conn:
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        (snapshot,) = conn.execute("SELECT pg_export_snapshot()").fetchone()
        try:
            yield conn, snapshot
        finally:
            conn.rollback()


def row_counts(conn: psycopg.Connection, tables: list[str]) -> dict[str, int]:
    """Rows per table, for the tables that exist."""
    counts = {}
    for table in tables:
        (exists,) = conn.execute("SELECT to_regclass(%s) IS NOT NULL", [table]).fetchone()
        if exists:
            query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            counts[table] = conn.execute(query).fetchone()[0]
    return counts


def applied_migrations(conn: psycopg.Connection) -> dict[str, list[str]]:
    rows = conn.execute("SELECT app, name FROM django_migrations ORDER BY app, id").fetchall()
    applied: dict[str, list[str]] = {}
    for app, name in rows:
        applied.setdefault(app, []).append(name)
    return applied


def unknown_migrations(applied: dict[str, list[str]]) -> list[str]:
    """Migrations of a backup that this code does not have (the backup is from a newer version)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in applied.items()
        for name in names
        if (app, name) not in known
    ]


def application_tables() -> list[str]:
    """Tables of the application that exist in the configured database."""
    existing = set(connection.introspection.table_names())
    ours = set(connection.introspection.django_table_names())
    ours |= {"django_migrations", *cache_tables()}
    # The product's own tables first: they say most about what the database holds.
    return sorted(existing & ours, key=lambda name: (not name.startswith("mapping_"), name))


def extension_problems(conn: psycopg.Connection, wanted: list[str]) -> list[tuple[str, str]]:
    """(extension, problem) for each extension the restore must create but cannot."""
    present = {row[0] for row in conn.execute("SELECT extname FROM pg_extension")}
    (superuser,) = conn.execute(
        "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    problems = []
    for name in wanted:
        if name in present:
            continue
        (trusted,) = conn.execute(
            "SELECT bool_or(trusted) FROM pg_available_extension_versions WHERE name = %s", [name]
        ).fetchone()
        if trusted is None:
            problems.append((name, "missing"))
        elif not trusted and not superuser:
            problems.append((name, "superuser"))
    return problems


def present_extensions(conn: psycopg.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT extname FROM pg_extension")}
