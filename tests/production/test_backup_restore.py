"""`manage.py backup DIR` and `manage.py restore DIR`, run as an operator runs them.

The demo town with photos (both media stores hold files) is backed up, restored into a new
database made from template1 (the application's role is no superuser) and new media folders,
and the restored deployment answers every open-data download and every place page byte for byte
as the original does: two gunicorn servers, one on each database, asked the same questions.
A backup is refused into a database that has the application's tables, and a backup with one
changed byte is refused, naming the file, before anything is touched.
"""

import hashlib
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from mapping.models import Photo, Place
from mapping.opendata.views import DOWNLOADS
from tests.production.backups import demo_town_with_photos, deployment, manage
from tests.script_runs import connect, server_url
from tests.servers import AppServer, database_url_of_the_tests

pytestmark = pytest.mark.django_db(transaction=True)

# What two deployments may not share: the CSRF token of each answer.
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
COMPARED_HEADERS = ("Content-Type", "Content-Disposition", "ETag", "Last-Modified", "Link")
# GDAL writes the time of writing into a GeoPackage; both servers' GDAL get the same clock.
GDAL_CLOCK = {"OGR_CURRENT_DATE": "2026-01-01T00:00:00Z"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def application_tables(dbname: str) -> list[str]:
    with connect(dbname) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND "
            "(tablename LIKE 'mapping_%' OR tablename LIKE 'django_%')"
        ).fetchall()
    return [row[0] for row in rows]


def back_up(tmp_path: Path) -> Path:
    folder = tmp_path / "backups" / "tonight"
    done = manage("backup", str(folder), env=deployment(database_url_of_the_tests(), tmp_path))
    assert done.returncode == 0, done.stderr
    return folder


def test_the_manifest_lists_every_file_with_its_checksum_and_the_counts(tmp_path):
    photos = demo_town_with_photos()
    folder = back_up(tmp_path)

    manifest = json.loads((folder / "manifest.json").read_text())
    listed = {entry["path"]: entry for entry in manifest["files"]}
    for name, entry in listed.items():
        assert (entry["size"], entry["sha256"]) == (
            (folder / name).stat().st_size,
            sha256(folder / name),
        ), name
    live = {f"media/{name}" for name in files_of(tmp_path / "media")}
    live |= {f"private/{name}" for name in files_of(tmp_path / "private")}
    assert set(listed) == {"database.dump", *live}
    for photo in photos:
        assert listed[f"private/{photo.original.name}"]["sha256"] == sha256(
            tmp_path / "private" / photo.original.name
        )
        assert f"media/{photo.image.name}" in listed and f"media/{photo.thumbnail.name}" in listed
    assert manifest["tables"]["mapping_place"] == Place.objects.count() > 0
    # The demo town's own photos (drawings) and the two saved through the pipeline.
    assert manifest["tables"]["mapping_photo"] == Photo.objects.count() > len(photos) == 2
    assert "0001_initial" in manifest["application"]["migrations"]["mapping"]
    assert manifest["format_version"] == 1 and manifest["created_at"].endswith("Z")
    assert not [p for p in folder.parent.iterdir() if p.name != "tonight"]


def test_the_restored_deployment_answers_as_the_original(
    tmp_path, scratch_database, production_environment
):
    photos = demo_town_with_photos()
    folder = back_up(tmp_path)
    restored = tmp_path / "restored"
    done = manage("restore", str(folder), env=deployment(server_url(scratch_database), restored))
    assert done.returncode == 0, done.stderr
    assert "mapping_place" in done.stdout  # the counts it checked

    assert files_of(restored / "media") == files_of(tmp_path / "media")
    assert files_of(restored / "private") == files_of(tmp_path / "private")
    environment = {**production_environment, **GDAL_CLOCK}
    servers = [
        AppServer(tmp_path, environment, name="original"),
        AppServer(
            restored,
            {**environment, "DATABASE_URL": server_url(scratch_database)},
            name="restored",
        ),
    ]
    try:
        original, copy = (server.wait_until_serving() for server in servers)
        # Every download, the score's page and files and the catalogue record, each once.
        links = re.findall(r'href="(/data/[^"#]+)', original.get("/data/").body.decode())
        downloads = sorted(set(links))
        assert len(downloads) > len(DOWNLOADS)
        pages = [f"/misto/{pk}/" for pk in Place.objects.order_by("pk").values_list("pk", flat=1)]
        shown_photos = []
        for path in downloads + pages:
            first, second = original.get(path, Host="localhost"), copy.get(path, Host="localhost")
            assert first.status == second.status, path
            for header in COMPARED_HEADERS:
                assert first.headers[header] == second.headers[header], (path, header)
            assert CSRF_FIELD.sub(rb"\1\2", first.body) == CSRF_FIELD.sub(rb"\1\2", second.body)
            shown_photos += re.findall(r'"(/media/[^"]+)"', first.body.decode("latin-1"))
        for photo in photos:
            assert {f"/media/{photo.image.name}", f"/media/{photo.thumbnail.name}"} <= set(
                shown_photos
            )
        for path in shown_photos:
            assert original.get(path).body == copy.get(path).body != b""
    finally:
        for server in servers:
            server.stop()


def test_a_database_with_the_applications_tables_is_refused(tmp_path, english):
    demo_town_with_photos(count=1)
    folder = back_up(tmp_path)
    places = Place.objects.count()
    (tmp_path / "media").rename(tmp_path / "media-moved")  # the media check would come later

    with pytest.raises(CommandError) as refusal:
        call_command("restore", str(folder))
    message = str(refusal.value)
    assert "already holds the application's tables (mapping_" in message
    assert f"database {connection.settings_dict['NAME']} " in message
    assert Place.objects.count() == places
    assert not (tmp_path / "media").exists()


def test_one_changed_byte_in_a_photo_is_refused_naming_the_file(tmp_path, scratch_database):
    [photo] = demo_town_with_photos(count=1)
    folder = back_up(tmp_path)
    damaged = folder / "private" / photo.original.name
    content = bytearray(damaged.read_bytes())
    content[len(content) // 2] ^= 0x01
    damaged.write_bytes(bytes(content))

    restored = tmp_path / "restored"
    done = manage("restore", str(folder), env=deployment(server_url(scratch_database), restored))
    assert done.returncode == 1
    # Named as the manifest names it, with what is wrong ("checksum" in any language's words).
    assert f" private/{photo.original.name} (" in done.stderr
    assert f"media/{photo.image.name}" not in done.stderr  # only the damaged file is named
    # Refused before anything was touched: no table, not even a media folder made.
    assert application_tables(scratch_database) == []
    assert not (restored / "media").exists() and not (restored / "private").exists()


def test_a_backup_from_a_newer_version_is_refused_naming_its_migrations(tmp_path, english):
    folder = back_up(tmp_path)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["application"]["migrations"]["mapping"].append("0999_from_the_future")
    (folder / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(CommandError) as refusal:
        call_command("restore", str(folder))
    assert "newer version of the application" in str(refusal.value)
    assert "mapping.0999_from_the_future" in str(refusal.value)


def test_a_backup_inside_a_media_folder_is_refused(tmp_path, english):
    with pytest.raises(CommandError) as refusal:
        call_command("backup", str(tmp_path / "private" / "backups" / "tonight"))
    assert f"inside {tmp_path / 'private'}" in str(refusal.value)
    assert not (tmp_path / "private").exists()
