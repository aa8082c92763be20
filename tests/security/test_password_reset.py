"""A forgotten password: a one-time link by e-mail sets a new one. The request answers the same
whether or not an account has the address, and is rate-limited per client address."""

import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse

NEW_PASSWORD = "a brand new field password 8"
RESET = "/ucet/zapomenute-heslo/"


@pytest.fixture(autouse=True)
def _one_address_limit(settings):
    settings.PASSWORD_RESETS_PER_HOUR = 3


def ask(email: str, client: Client | None = None, **headers):
    return (client or Client()).post(RESET, {"email": email}, follow=True, **headers)


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/ucet/nove-heslo/\S+)", message.body).group(1)


def test_the_login_page_links_to_the_reset(db):
    assert RESET in Client().get(reverse("accounts:login")).content.decode()


def test_the_e_mailed_link_sets_a_new_password_that_signs_in(alice, mailoutbox):
    answer = ask("Alice@Example.org")
    assert answer.status_code == 200
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["alice@example.org"]
    assert "alice" in mailoutbox[0].body and "heslo" in mailoutbox[0].subject.lower()
    client = Client()
    form = client.get(link_in(mailoutbox[0]), follow=True)  # Django swaps the token for a session
    assert form.status_code == 200 and form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert done.redirect_chain[-1][0] == reverse("accounts:password_reset_complete")
    visitor = Client()
    answer = visitor.post(
        reverse("accounts:login"), {"username": "alice", "password": NEW_PASSWORD}
    )
    assert answer.status_code == 302 and "_auth_user_id" in visitor.session
    again = Client().get(link_in(mailoutbox[0]), follow=True)
    assert not again.context["validlink"]  # used once


def test_an_unknown_address_gets_the_same_page_and_no_mail(alice, mailoutbox):
    known = ask("alice@example.org")
    unknown = ask("nobody@example.org")
    assert len(mailoutbox) == 1
    assert known.redirect_chain == unknown.redirect_chain
    strip = lambda page: re.sub(r'value="[^"]*"', "", page.content.decode())  # noqa: E731
    assert strip(known) == strip(unknown)


def test_requests_from_one_address_are_limited(alice, mailoutbox):
    answers = [ask("alice@example.org").status_code for _n in range(3)]
    assert answers == [200] * 3
    limited = Client().post(RESET, {"email": "alice@example.org"})
    assert limited.status_code == 429 and len(mailoutbox) == 3
    other = ask("alice@example.org", REMOTE_ADDR="198.51.100.2")
    assert other.status_code == 200 and len(mailoutbox) == 4


def test_a_new_password_lifts_the_login_lockout(alice, mailoutbox, settings):
    for _n in range(settings.LOGIN_FAILURE_LIMIT):
        Client().post(reverse("accounts:login"), {"username": "alice", "password": "wrong"})
    assert AccessAttempt.objects.exists()
    ask("alice@example.org")
    client = Client()
    form = client.get(link_in(mailoutbox[0]), follow=True)
    client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    answer = Client().post(
        reverse("accounts:login"), {"username": "alice", "password": NEW_PASSWORD}
    )
    assert answer.status_code == 302
