"""LOG_FORMAT=json: gunicorn with the production configuration writes nothing but JSON lines; a
request is exactly one access line with its method, path, status, duration, client address, user
and request id (taken from X-Request-ID or made, and echoed); a failing request's traceback stays
inside its one JSON line, tied to the request by the same id."""

import json
import logging
import re
import sys
from datetime import datetime

import pytest
from django.conf import settings
from django.test import Client

from barrierfree.jsonlog import JsonFormatter, log_context
from mapping.models import ReviewStatus
from tests.factories import make_assessment, make_place
from tests.servers import (
    DEPLOYMENT_CONFIG,
    TEST_WORKERS,
    AppServer,
    TcpRelay,
    database_url_of_the_tests,
)

pytestmark = pytest.mark.django_db(transaction=True)

FIELDS = {"time", "level", "logger", "message", "method", "path", "status", "duration_ms"}
FIELDS |= {"client", "user_id", "request_id"}


def json_lines(server: AppServer) -> list[dict]:
    """Every line the server wrote, each of which must be a JSON object."""
    lines = server.log.read_text(encoding="utf-8").splitlines()
    assert lines
    return [json.loads(line) for line in lines]


def of_request(lines: list[dict], identifier: str) -> list[dict]:
    return [line for line in lines if line.get("request_id") == identifier]


@pytest.fixture
def relay():
    relay = TcpRelay(int(settings.DATABASES["default"]["PORT"] or 5432)).restore()
    yield relay
    relay.cut()


@pytest.fixture
def server(tmp_path, production_environment, relay):
    env = {
        **production_environment,
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "WARNING",  # the access lines are written whatever the level
        "DATABASE_URL": database_url_of_the_tests(port=relay.port),
    }
    server = AppServer(tmp_path, env, options=(*TEST_WORKERS, *DEPLOYMENT_CONFIG))
    yield server.wait_until_serving()
    server.stop()


def test_a_request_is_one_json_line_with_its_fields(server, django_user_model):
    place = make_place("Radnice")
    make_assessment(place, status=ReviewStatus.APPROVED)
    volunteer = django_user_model.objects.create_user("jana", password="x-long-password-1")
    browser = Client()
    browser.force_login(volunteer)
    session = browser.cookies[settings.SESSION_COOKIE_NAME].value

    answer = server.get(
        f"/misto/{place.pk}/?q=N%C3%A1dra%C5%BEn%C3%AD+12",
        **{"X-Request-ID": "nginx-4f1c2a", "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"},
    )
    assert answer.status == 200 and answer.headers["X-Request-ID"] == "nginx-4f1c2a"
    anonymous = server.get("/healthz")
    made = anonymous.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)

    lines = json_lines(server)
    [line] = of_request(lines, "nginx-4f1c2a")
    assert set(line) >= FIELDS
    assert (line["method"], line["path"], line["status"]) == ("GET", f"/misto/{place.pk}/", 200)
    assert (line["client"], line["user_id"]) == ("127.0.0.1", volunteer.pk)
    assert (line["level"], line["logger"]) == ("INFO", "mapping.access")
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert datetime.fromisoformat(line["time"]).tzinfo is not None
    assert "q=" not in line["path"] + line["message"]  # no query string: it may hold an address
    [health] = of_request(lines, made)
    assert (health["path"], health["user_id"]) == ("/healthz", None)
    assert any(line["logger"] == "gunicorn.error" for line in lines)  # gunicorn's own, as JSON


def test_a_failing_requests_traceback_stays_inside_its_json_line(server, relay):
    place = make_place("Radnice")
    make_assessment(place, status=ReviewStatus.APPROVED)
    relay.cut()
    answer = server.get(f"/misto/{place.pk}/", **{"X-Request-ID": "cut-1"})
    assert answer.status == 503

    lines = of_request(json_lines(server), "cut-1")
    access = [line for line in lines if line["logger"] == "mapping.access"]
    errors = [line for line in lines if line["logger"] == "django.request"]
    assert len(access) == 1 and access[0]["status"] == 503
    assert len(errors) == 1 and errors[0]["level"] == "ERROR"
    assert errors[0]["exception"].startswith("Traceback (most recent call last):")
    assert "OperationalError" in errors[0]["exception"]
    assert errors[0]["exception"].count("\n") > 5  # the whole traceback, in one line of the log


def test_the_formatter_keeps_a_record_with_line_breaks_on_one_line():
    try:
        raise ValueError("první řádek\ndruhý\u2028třetí")
    except ValueError:
        failure = sys.exc_info()
    record = logging.LogRecord(
        "mapping.jobs", logging.ERROR, __file__, 1, "job %s\nfailed", ("backup",), failure
    )
    with log_context(job="backup", job_id="j1"):
        line = JsonFormatter().format(record)
    assert len(line.splitlines()) == 1
    entry = json.loads(line)
    assert entry["message"] == "job backup\nfailed" and entry["job_id"] == "j1"
    assert entry["exception"].endswith("ValueError: první řádek\ndruhý\u2028třetí")
