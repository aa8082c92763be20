"""Guessing passwords: after LOGIN_FAILURE_LIMIT failures the login is locked for
LOGIN_LOCKOUT_MINUTES, on the site's login and the admin's, with a 429 page in the site's layout
that says how long to wait. The attack that worked: 100 wrong passwords, then the right one."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.personas import PASSWORD

LOGIN = "/ucet/prihlaseni/"
ADMIN_LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    settings.AXES_FAILURE_LIMIT = 5
    settings.LOGIN_ACCOUNT_FAILURE_LIMIT = 20
    settings.LOGIN_LOCKOUT_MINUTES = 15
    settings.AXES_COOLOFF_TIME = timedelta(minutes=15)


def sign_in(client: Client, username: str, password: str, url: str = LOGIN, **headers):
    return client.post(url, {"username": username, "password": password}, **headers)


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_a_hundred_wrong_passwords_lock_the_login_and_the_right_one_then_fails(alice):
    client = Client()
    answers = [sign_in(client, "alice", f"guess {n}").status_code for n in range(100)]
    assert answers[:4] == [200] * 4  # the form again, with its error
    assert set(answers[4:]) == {429}
    locked = sign_in(client, "alice", PASSWORD)
    assert locked.status_code == 429 and not is_signed_in(client)
    assert locked["Retry-After"] == str(15 * 60)


def test_the_lockout_page_says_how_long_to_wait_in_czech_and_english(alice):
    for _n in range(5):
        sign_in(Client(), "alice", "wrong")
    czech = sign_in(Client(), "alice", PASSWORD).content.decode()
    assert '<html lang="cs"' in czech and "<h1>" in czech
    assert "za 15 min." in czech and reverse("accounts:password_reset") in czech
    english = sign_in(Client(), "alice", PASSWORD, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in english and "Try again in 15 min." in english


def test_the_admin_login_is_locked_the_same_way(erin):
    client = Client()
    for _n in range(5):
        sign_in(client, "erin", "wrong", ADMIN_LOGIN)
    answer = sign_in(client, "erin", PASSWORD, ADMIN_LOGIN)
    assert answer.status_code == 429 and not is_signed_in(client)
    assert "15" in answer.content.decode()


def test_the_login_works_again_after_the_lockout_and_success_clears_the_count(alice):
    for _n in range(5):
        sign_in(Client(), "alice", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    client = Client()
    assert sign_in(client, "alice", PASSWORD).status_code == 302 and is_signed_in(client)
    for _n in range(4):
        sign_in(Client(), "alice", "wrong")
    assert sign_in(Client(), "alice", PASSWORD).status_code == 302  # 4, not 4 + 5


def test_a_guesser_at_one_address_does_not_lock_the_owner_out_elsewhere(alice):
    for _n in range(5):
        sign_in(Client(), "alice", "wrong", REMOTE_ADDR="203.0.113.7")
    assert sign_in(Client(), "alice", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    owner = Client()
    assert sign_in(owner, "alice", PASSWORD, REMOTE_ADDR="198.51.100.2").status_code == 302


def test_a_botnet_guessing_one_account_from_many_addresses_is_locked_out(alice):
    for n in range(20):
        sign_in(Client(), "alice", "wrong", REMOTE_ADDR=f"203.0.113.{n + 1}")
    answer = sign_in(Client(), "alice", PASSWORD, REMOTE_ADDR="198.51.100.2")
    assert answer.status_code == 429


def test_one_address_trying_many_accounts_is_locked_out(alice, dora):
    for n in range(20):
        sign_in(Client(), f"user{n}", "wrong", REMOTE_ADDR="203.0.113.7")
    assert sign_in(Client(), "dora", PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert sign_in(Client(), "dora", PASSWORD, REMOTE_ADDR="198.51.100.2").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(alice):
    """The address is mapping.clients.client_address: without trusted proxies the header is
    ignored, so a new X-Forwarded-For on every try is still the same address."""
    for n in range(5):
        sign_in(Client(), "alice", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}")
    answer = sign_in(Client(), "alice", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert answer.status_code == 429


def test_a_username_longer_than_any_account_is_counted_not_a_server_error(alice):
    client = Client()
    answers = [sign_in(client, "x" * 300, "wrong").status_code for _n in range(6)]
    assert answers == [200] * 4 + [429] * 2
