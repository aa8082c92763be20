"""Throw-away databases for the load benchmark (bench/bench_load.py), always dropped afterwards.

`ScratchDatabase` is a database of its own on the shared cluster, created by the application's
role (it has CREATEDB; template1 carries PostGIS and pgRouting). `ScratchCluster` is a whole
PostgreSQL cluster of its own on a free port (Debian's pg_createcluster, as root), which the
benchmark may stop and start again without touching the shared 15/main cluster; its superuser
creates the role, the database and the extensions, as a deployment's does (README, Production).
`prepare()` migrates a database and fills it the way a town starts: `migrate`, `load_demo
--commit`, `create_demo_users` and `import_osm_network` of a small pedestrian network.
"""

import contextlib
import os
import re
import secrets
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
VERSION = "15"
# A 2,925-edge network of Heidelberg's old town: the demo town (Písek) has no OpenStreetMap file.
NETWORK_FILE = ROOT / "tests/fixtures/osm/heidelberg-altstadt.osm.gz"
# "Volunteer: user dobrovolnik, password demo-dobrovolnik" (the words are translated, not the
# names): create_demo_users prints each account's name and password as the line's last words.
ACCOUNT_LINE = re.compile(r"(\S+), \S+ (\S+)$")


@dataclass(frozen=True)
class Server:
    """Where a PostgreSQL server listens, and the application role's name and password."""

    host: str
    port: int
    user: str
    password: str

    @classmethod
    def of(cls, url: str) -> "Server":
        parts = urllib.parse.urlsplit(url)
        return cls(
            parts.hostname or "127.0.0.1",
            parts.port or 5432,
            urllib.parse.unquote(parts.username or ""),
            urllib.parse.unquote(parts.password or ""),
        )

    def url(self, dbname: str) -> str:
        user, password = (urllib.parse.quote(v, safe="") for v in (self.user, self.password))
        return f"postgis://{user}:{password}@{self.host}:{self.port}/{dbname}"

    def connect(self, dbname: str) -> psycopg.Connection:
        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=dbname,
            autocommit=True,
            connect_timeout=10,
        )


class ScratchDatabase:
    def __init__(self, server: Server):
        self.server = server
        self.name = f"bf_bench_load_{secrets.token_hex(5)}"
        self.url = server.url(self.name)

    def create(self) -> "ScratchDatabase":
        with self.server.connect("postgres") as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.name)))
        return self

    def connect(self) -> psycopg.Connection:
        return self.server.connect(self.name)

    def drop(self) -> None:
        with self.server.connect("postgres") as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.name))
            )


def as_root(command: list[str]) -> list[str]:
    """The command as root: directly when we are, else through sudo without a password."""
    return command if os.geteuid() == 0 else ["sudo", "-n", *command]


def as_postgres(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return ["sudo", "-n", "-u", "postgres", *command]


def run(command: list[str], env: dict[str, str] | None = None, timeout: float = 600) -> str:
    done = subprocess.run(
        command,
        cwd=ROOT if env is not None else "/",
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr[-3000:]}"
        )
    return done.stdout


class ScratchCluster:
    """A PostgreSQL cluster of the benchmark's own, on a free port; `drop()` removes it whole."""

    def __init__(self, port: int):
        self.name = f"bf_bench_{secrets.token_hex(4)}"
        self.port = port
        self.server = Server("127.0.0.1", port, "bf_bench", secrets.token_urlsafe(16))
        self.dbname = "bf_bench"
        self.url = self.server.url(self.dbname)

    def create(self) -> "ScratchCluster":
        run(as_root(["pg_createcluster", VERSION, self.name, "--port", str(self.port)]))
        self.start()
        role, password = sql.Identifier(self.server.user), sql.Literal(self.server.password)
        self.superuser(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(role, password),
            sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(self.dbname), role),
        )
        self.superuser(
            sql.SQL("CREATE EXTENSION postgis"),
            sql.SQL("CREATE EXTENSION pgrouting"),
            dbname=self.dbname,
        )
        return self

    def superuser(self, *statements: sql.Composable, dbname: str = "postgres") -> None:
        """psql as the cluster's superuser, on its socket (peer authentication)."""
        command = ["psql", "-p", str(self.port), "-d", dbname, "-v", "ON_ERROR_STOP=1", "-qAt"]
        for statement in statements:
            command += ["-c", statement.as_string()]
        run(as_postgres(command))

    def start(self) -> None:
        control = ["pg_ctlcluster", "--skip-systemctl-redirect", VERSION, self.name]
        run(as_root([*control, "start"]))

    def stop(self) -> None:
        """A fast shutdown: open sessions are ended, their transactions rolled back."""
        control = ["pg_ctlcluster", "--skip-systemctl-redirect", VERSION, self.name]
        run(as_root([*control, "stop", "-m", "fast"]))

    def drop(self) -> None:
        clusters = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
        if any(line.split()[:2] == [VERSION, self.name] for line in clusters.splitlines()):
            run(as_root(["pg_dropcluster", "--stop", VERSION, self.name]))


def manage(env: dict[str, str], *args: str) -> str:
    return run([sys.executable, "manage.py", *args], env=env)


# The commands a town starts with, in one process: each Django start costs a second or two of CPU.
PREPARE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo", commit=True)
call_command("create_demo_users", not_production=True)
call_command("import_osm_network", {network!r}, commit=True)
"""


Account = tuple[str, str]  # (username, password)


def prepare(env: dict[str, str]) -> tuple[Account, Account]:
    """Migrate the database of `env` and fill it as a town starts; its demo volunteer and
    coordinator, each (username, password)."""
    output = manage(env, "shell", "-c", PREPARE.format(network=str(NETWORK_FILE)))
    found = [ACCOUNT_LINE.search(line.strip()) for line in output.splitlines()]
    passwords = dict(match.groups() for match in found if match)
    server = Server.of(env["DATABASE_URL"])
    dbname = urllib.parse.urlsplit(env["DATABASE_URL"]).path.lstrip("/")
    accounts = []
    with server.connect(dbname) as conn:
        for role in ("volunteer", "coordinator"):
            row = conn.execute(
                "SELECT username FROM mapping_user WHERE role = %s AND username = ANY(%s)",
                [role, list(passwords)],
            ).fetchone()
            if row is None:
                raise RuntimeError(f"create_demo_users made no {role}:\n{output}")
            accounts.append((row[0], passwords[row[0]]))
    return accounts[0], accounts[1]


def collect_static(env: dict[str, str]) -> None:
    manage(env, "collectstatic", "--noinput", "-v", "0")


def suppressed(call) -> None:
    """Clean-up that must not hide the error that brought us here."""
    with contextlib.suppress(Exception):
        call()
