"""Backup and restore of a whole deployment: the database and both media stores.

`backup.make_backup(folder)` writes a pg_dump of the application's database (custom format),
copies of the public media (MEDIA_ROOT) and of the private originals (storages["private"]),
and a manifest.json listing every file with its size and SHA-256, the application's version and
migrations, and row counts of the main tables, all taken in one database snapshot.

`restore.restore_backup(folder)` checks every file against the manifest before it touches
anything, then fills an empty database (created from template1, with PostGIS and pgRouting
already there: the application's role is no superuser) and empty media folders, and checks the
result against the manifest.

The management commands `backup` and `restore` are thin doors to these two.
"""


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message (translated) says why and what to do."""
