"""One limit on public reports per client, the form and the API together, in either store."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mapping.models import RateLimitCounter, Report

pytestmark = pytest.mark.django_db

FORM = "/nahlasit/"
API = "/api/v1/reports/"
POSITION = {"kind": "barrier", "latitude": "49.3", "longitude": "14.15"}


@pytest.fixture(params=["postgresql", "redis"], autouse=True)
def store(request, settings):
    settings.REDIS_URL = request.getfixturevalue("redis_url") if request.param == "redis" else ""
    return request.param


def _by_form(client, text="Obrubník", **headers):
    return client.post(FORM, {**POSITION, "text": text}, **headers)


def _by_api(client, text="Obrubník", **headers):
    return client.post(API, {**POSITION, "text": text}, content_type="application/json", **headers)


def test_the_form_and_the_api_share_one_limit(client, settings):
    settings.REPORTS_PER_HOUR = 4
    answers = [(_by_form if n % 2 else _by_api)(client, f"Hlášení {n}") for n in range(8)]
    accepted = [a for a in answers if a.status_code in (201, 302)]
    assert len(accepted) == 4
    assert [a.status_code for a in answers[4:]] == [429] * 4
    assert Report.objects.count() == 4


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("cs", "Z této adresy přišlo příliš mnoho hlášení (nejvýše 1 za hodinu)."),
        ("en", "Too many reports from this address (at most 1 an hour)."),
    ],
)
def test_a_limited_form_keeps_the_text_and_says_when_to_try_again(
    client, settings, language, message
):
    settings.REPORTS_PER_HOUR = 1
    assert _by_form(client).status_code == 302
    refused = _by_form(client, "Schod u pošty", HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 429
    assert 3500 < int(refused["Retry-After"]) <= 3600
    page = refused.content.decode()
    assert message in page
    assert 'role="alert"' in page and 'class="site-header"' in page
    assert "Schod u pošty" in page  # nothing typed is lost
    assert Report.objects.count() == 1


def test_the_api_answers_a_limited_report_in_its_error_shape(client, settings):
    settings.REPORTS_PER_HOUR = 1
    assert _by_api(client).status_code == 201
    refused = _by_api(client, HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 3500
    english = "Too many reports from this address (at most 1 an hour). You can send the next "
    english += "one in 60 min."
    assert refused.json() == {
        "error": english,
        "code": "throttled",
        "message": english,
        "message_cs": "Z této adresy přišlo příliš mnoho hlášení (nejvýše 1 za hodinu). Další "
        "můžete poslat za 60 min.",
        "message_en": english,
    }


def test_another_client_has_its_own_count(client, settings):
    settings.REPORTS_PER_HOUR = 1
    assert _by_form(client, REMOTE_ADDR="192.0.2.1").status_code == 302
    assert _by_form(client, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert _by_api(client, REMOTE_ADDR="192.0.2.2").status_code == 201


def test_without_trusted_proxies_a_forwarded_for_header_changes_nothing(client, settings):
    settings.REPORTS_PER_HOUR = 2
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [
        _by_api(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(4)
    ]
    assert statuses == [201, 201, 429, 429]


def test_behind_one_proxy_the_rightmost_forwarded_address_is_the_client(client, settings):
    """The proxy appends the address it saw; what the client wrote stands to its left."""
    settings.REPORTS_PER_HOUR = 2
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    forged = [
        _by_api(client, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.9", **proxy).status_code
        for n in range(4)
    ]
    assert forged == [201, 201, 429, 429]
    # Another client behind the same proxy is counted on its own.
    assert _by_form(client, HTTP_X_FORWARDED_FOR="203.0.113.10", **proxy).status_code == 302


@pytest.mark.parametrize("store", ["postgresql"], indirect=True)  # Redis expires keys itself
def test_a_new_window_starts_when_the_old_one_has_ended(client, settings, store):
    settings.REPORTS_PER_HOUR = 1
    stale = RateLimitCounter.objects.create(
        key="ratelimit:reports:gone", count=5, window_ends=timezone.now() - timedelta(hours=2)
    )
    assert _by_form(client).status_code == 302
    assert _by_form(client).status_code == 429
    assert not RateLimitCounter.objects.filter(pk=stale.pk).exists()  # cleaned up on the way
    RateLimitCounter.objects.update(window_ends=timezone.now() - timedelta(hours=1))
    assert _by_form(client).status_code == 302
    (counter,) = RateLimitCounter.objects.all()
    assert counter.count == 1
    assert "192.0.2" not in counter.key and "127.0.0.1" not in counter.key
