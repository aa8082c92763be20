"""The nightly backup as systemd runs it (deploy/nightly-backup, from the backup service): a new
complete backup, then the backups older than BACKUP_KEEP_DAYS deleted, and nothing else; a
failed night deletes nothing. The service and the timer are valid systemd units; pg_dump gets the
password through its environment only, and tools of another major version are refused."""

import io
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tests.production.backups import deployment
from tests.servers import ROOT, database_url_of_the_tests

pytestmark = pytest.mark.django_db(transaction=True)

SCRIPT = ROOT / "deploy" / "nightly-backup"
UNITS = ROOT / "deploy" / "systemd"
DAY = 24 * 3600


def aged(folder: Path, days: float) -> Path:
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text("{}")
    moment = time.time() - days * DAY
    os.utime(folder, (moment, moment))
    return folder


def night(tmp_path: Path, root: Path, **env: str) -> subprocess.CompletedProcess:
    environment = deployment(database_url_of_the_tests(), tmp_path, BACKUP_ROOT=str(root))
    environment.update(PYTHON=str(ROOT / ".venv" / "bin" / "python"), **env)
    return subprocess.run(
        ["/bin/sh", str(SCRIPT)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def backups(tmp_path) -> Path:
    root = tmp_path / "backups"
    aged(root / "backup-2026-01-01T023000Z", days=20)
    aged(root / "backup-2026-01-18T023000Z", days=3)
    aged(root / ".backup-2026-01-20T023000Z.partial-k2j3", days=2)
    aged(root / "notes", days=30)
    return root


def test_a_night_writes_a_backup_and_deletes_only_the_old_ones(tmp_path, backups):
    done = night(tmp_path, backups, BACKUP_KEEP_DAYS="14")
    assert done.returncode == 0, done.stderr
    left = sorted(path.name for path in backups.iterdir())
    kept = {"backup-2026-01-18T023000Z", "notes"}
    new = [name for name in left if name not in kept]
    assert [name for name in left if not name.startswith("backup-")] == ["notes"]
    assert "backup-2026-01-18T023000Z" in left and "backup-2026-01-01T023000Z" not in left
    assert len(new) == 1 and new[0].startswith("backup-20") and new[0].endswith("Z")
    manifest = json.loads((backups / new[0] / "manifest.json").read_text())
    assert manifest["database"]["name"] == connection.settings_dict["NAME"]
    assert (backups / new[0] / "database.dump").stat().st_size > 0


def test_a_failed_night_deletes_nothing(tmp_path, backups):
    before = sorted(path.name for path in backups.iterdir())
    unreachable = database_url_of_the_tests().rsplit("/", 1)[0] + "/no_such_database_h7"
    done = night(tmp_path, backups, BACKUP_KEEP_DAYS="14", DATABASE_URL=unreachable)
    assert done.returncode != 0
    assert "no_such_database_h7" in done.stderr and "Traceback" not in done.stderr
    assert sorted(path.name for path in backups.iterdir()) == before
    refused = night(tmp_path, backups, BACKUP_KEEP_DAYS="0")
    assert refused.returncode == 2 and "BACKUP_KEEP_DAYS" in refused.stderr
    assert sorted(path.name for path in backups.iterdir()) == before


def test_the_service_and_the_timer_are_valid_units(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze is not installed")
    units = [UNITS / "bezbarierova-mapa-backup.service", UNITS / "bezbarierova-mapa-backup.timer"]
    checked = subprocess.run(
        ["systemd-analyze", "verify", *map(str, units)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert checked.returncode == 0, checked.stderr
    service = units[0].read_text()
    start = next(line for line in service.splitlines() if line.startswith("ExecStart="))
    assert start.endswith("/srv/bezbarierova-mapa/app/deploy/nightly-backup") and SCRIPT.is_file()


def wrapper(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def test_pg_dump_gets_the_password_through_its_environment_only(tmp_path, settings):
    """Wrappers stand in for pg_dump and pg_restore: they write down their arguments and
    PGPASSWORD, then run Debian's binaries of the server's version."""
    real = Path(f"/usr/lib/postgresql/{connection.pg_version // 10000}/bin")
    tools, log = tmp_path / "bin", tmp_path / "calls.log"
    tools.mkdir()
    for name in ("pg_dump", "pg_restore"):
        record = f'printf "%s\\n" "{name} $*" "PGPASSWORD=$PGPASSWORD" >> {log}'
        wrapper(tools, name, f'{record}\nexec {real / name} "$@"')
    settings.POSTGRESQL_BIN_DIR = str(tools)

    call_command("backup", str(tmp_path / "backup"), stdout=io.StringIO())

    lines = log.read_text().splitlines()
    password = connection.settings_dict["PASSWORD"]
    dumps = [line for line in lines if line.startswith("pg_dump --format=custom")]
    assert len(dumps) == 1
    arguments = dumps[0].split()
    given = [
        argument
        for argument in arguments
        if argument == password
        or f":{password}@" in argument
        or "password=" in argument
        or argument.startswith(("-W", "--password"))
    ]
    assert given == []
    assert lines[lines.index(dumps[0]) + 1] == f"PGPASSWORD={password}"


def test_tools_of_another_major_version_are_refused(tmp_path, settings, english):
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("pg_dump", "pg_restore"):
        wrapper(tools, name, f'echo "{name} (PostgreSQL) 13.16"')
    settings.POSTGRESQL_BIN_DIR = str(tools)
    with pytest.raises(CommandError) as refusal:
        call_command("backup", str(tmp_path / "backup"))
    assert "pg_dump in" in str(refusal.value) and "13.16" in str(refusal.value)
    assert f"PostgreSQL {connection.pg_version // 10000}" in str(refusal.value)
    assert not (tmp_path / "backup").exists()
    assert [path.name for path in tmp_path.iterdir() if "backup" in path.name] == []
