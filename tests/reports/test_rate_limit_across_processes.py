"""The report limit holds across server processes, concurrent requests and a forged header.

One client sends 40 reports at once, alternating two real server processes, half through the
form and half through the API, each with another X-Forwarded-For: the documented limit of 10
reports an hour per client lets exactly 10 through, whichever store counts (PostgreSQL, Redis).
"""

import json
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest
from django.utils.crypto import get_random_string

from mapping.models import Report
from tests.servers import request, serving

pytestmark = pytest.mark.django_db(transaction=True)

REPORTS = 40
LIMIT = 10
ACCEPTED = {"form": 302, "api": 201}


@pytest.fixture(params=["postgresql", "redis"])
def store_env(request):
    """The servers' environment for each store of the counters."""
    if request.param == "redis":
        return {"REDIS_URL": request.getfixturevalue("redis_url")}
    return {"REDIS_URL": ""}


def _send(base: str, number: int, token: str) -> tuple[str, object]:
    """Report `number` through the form (even) or the API (odd): (door, response)."""
    forged = {"X-Forwarded-For": f"203.0.113.{number}"}
    position = {"kind": "barrier", "latitude": "49.3", "longitude": "14.15"}
    if number % 2 == 0:
        body = urlencode({**position, "text": f"Formulář {number}", "csrfmiddlewaretoken": token})
        headers = {
            **forged,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={token}",
        }
        return "form", request(base, "POST", "/nahlasit/", body.encode(), headers)
    body = json.dumps({**position, "text": f"API {number}"})
    headers = {**forged, "Content-Type": "application/json"}
    return "api", request(base, "POST", "/api/v1/reports/", body.encode(), headers)


def test_forty_concurrent_reports_through_two_processes_give_ten(store_env, tmp_path):
    env = {"DEBUG": "true", "REPORTS_PER_HOUR": str(LIMIT), "TRUSTED_PROXY_COUNT": "0"}
    token = get_random_string(32)
    with (
        serving(2, {**env, **store_env}, tmp_path) as bases,
        ThreadPoolExecutor(max_workers=16) as pool,
    ):
        # Reports 0, 1 go to the first process, 2, 3 to the second...: both doors reach both.
        sending = pool.map(lambda n: _send(bases[n // 2 % 2], n, token), range(REPORTS))
        answers = list(sending)
    accepted = [door for door, answer in answers if answer.status == ACCEPTED[door]]
    limited = [answer for _door, answer in answers if answer.status == 429]
    assert len(accepted) == LIMIT, sorted((door, answer.status) for door, answer in answers)
    assert len(limited) == REPORTS - LIMIT
    assert Report.objects.count() == LIMIT
    assert all(int(answer.getheader("Retry-After")) > 0 for answer in limited)
