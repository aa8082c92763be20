"""The application's database role is no superuser (README, Security and Production).

An SQL injection or a stolen password of the application's role must not reach the server's files,
other databases or other roles: the role owns its database and nothing more. The extensions that
need a superuser (PostGIS, pgRouting) are created once by the cluster's administrator
(scripts/setup.sh locally; the README's Production section for a town's server).
"""

from django.db import connection


def test_the_application_connects_as_a_role_without_superuser_or_role_rights(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rolsuper, rolcreaterole, rolbypassrls, rolreplication "
            "FROM pg_roles WHERE rolname = current_user"
        )
        superuser, create_role, bypass_rls, replication = cursor.fetchone()
    assert (superuser, create_role, bypass_rls, replication) == (False, False, False, False)


def test_the_role_cannot_read_the_servers_files(db):
    """What a superuser could (pg_read_file, COPY FROM a server path) is refused."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT has_function_privilege('pg_read_file(text)', 'EXECUTE'), "
            "pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')"
        )
        assert cursor.fetchone() == (False, False)
