"""While the database cannot be reached, the site answers 503 with Retry-After (a page in the
site's layout for people, JSON for scripts, a failing /healthz for load balancers), and it
recovers by itself when the database is back: a real server process, its database connection
cut and restored by a relay between it and PostgreSQL."""

import json

import pytest
from django.conf import settings

from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.servers import AppServer, TcpRelay, database_url_of_the_tests

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def relay():
    relay = TcpRelay(int(settings.DATABASES["default"]["PORT"] or 5432)).restore()
    yield relay
    relay.cut()


@pytest.fixture
def server(relay, tmp_path, production_environment):
    env = {**production_environment, "DATABASE_URL": database_url_of_the_tests(port=relay.port)}
    # Persistent connections, as in production: the cut breaks them under the server's feet.
    server = AppServer(tmp_path, {**env, "DATABASE_CONN_MAX_AGE": "60"})
    yield server.wait_until_serving()
    server.stop()


def published_place():
    place = make_place("Radnice")
    make_assessment(place, status=ReviewStatus.APPROVED)
    return place


def test_a_cut_database_gives_503_pages_json_and_health_then_the_service_recovers(server, relay):
    place = published_place()
    assert server.get(f"/misto/{place.pk}/").status == 200
    # No worker runs beside this server: reported, but the web server stays in rotation.
    health = server.get("/healthz")
    assert health.status == 200
    assert json.loads(health.body) == {
        "status": "degraded",
        "checks": {"database": "ok", "migrations": "ok", "worker": "no worker running"},
    }

    relay.cut()
    response = server.get(f"/misto/{place.pk}/", **{"Accept-Language": "en"})
    page = response.body.decode()
    assert (response.status, response.headers["Retry-After"]) == (503, "30")
    assert '<html lang="en"' in page and "The map is briefly unavailable" in page
    assert '<nav class="site-nav"' in page
    response = server.get("/api/v1/places/", **{"Accept-Language": "cs"})
    answer = json.loads(response.body)
    assert (response.status, response.headers["Retry-After"]) == (503, "30")
    assert answer["code"] == "unavailable"
    assert answer["error"].startswith("Databáze mapy teď není dostupná")
    response = server.get("/healthz")
    assert response.status == 503
    assert json.loads(response.body)["checks"]["database"].startswith("unreachable")

    relay.restore()
    assert server.get(f"/misto/{place.pk}/").status == 200
    assert server.get("/healthz").status == 200


def test_health_reports_migrations_not_applied(server):
    """A deployment half done (new code, old schema) is taken out of rotation."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'mapping' AND name = "
            "(SELECT max(name) FROM django_migrations WHERE app = 'mapping') RETURNING name"
        )
        (last,) = cursor.fetchone()
    try:
        response = server.get("/healthz")
    finally:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO django_migrations (app, name, applied) VALUES ('mapping', %s, now())",
                [last],
            )
    assert response.status == 503
    assert json.loads(response.body)["checks"]["migrations"] == "1 migrations not applied"
