"""The OpenAPI document is valid, and no request it allows makes the server fail (schemathesis)."""

import pytest
import schemathesis
from django.core import signals
from django.core.cache import cache
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from barrierfree.wsgi import application
from tests.factories import make_assessment, make_place

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", application)


@pytest.fixture
def published_town(db):
    # Requests go straight to the WSGI application, inside the test's transaction: keep the
    # connection open across them, as Django's own test client does.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    cache.clear()
    for index in range(3):
        make_assessment(make_place(f"Místo {index}", lon=14.14 + index / 100))
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_no_request_the_api_documents_makes_the_server_fail(case, published_town):
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, response.text[:500])
    case.validate_response(response, checks=[schemathesis.checks.not_a_server_error])


def test_the_openapi_document_validates_without_warnings():
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
