"""Registration tells nobody who has an account: a taken username and a taken e-mail get the
same answer, word for word."""

import re

from django.test import Client
from django.urls import reverse

from mapping.models import User

NEW_PASSWORD = "a long field password 7"


def register(username: str, email: str):
    return Client().post(
        reverse("accounts:register"),
        {"username": username, "email": email, "first_name": "Eva", "last_name": "Nová",
         "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )  # fmt: skip


def without_token_and_input(html: str, username: str, email: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return html.replace(f'value="{username}"', 'value="…"').replace(f'value="{email}"', 'value="…"')


def test_a_taken_username_and_a_taken_e_mail_get_the_same_answer(alice):
    by_username = register("alice", "eva.nova@example.org")
    by_email = register("eva.nova", "alice@example.org")
    assert by_username.status_code == by_email.status_code == 200
    first = without_token_and_input(by_username.content.decode(), "alice", "eva.nova@example.org")
    second = without_token_and_input(by_email.content.decode(), "eva.nova", "alice@example.org")
    assert first == second
    assert "cannot be used" in first or "nelze použít" in first
    assert User.objects.count() == 1


def test_a_free_username_and_e_mail_still_register(alice):
    assert register("eva.nova", "eva.nova@example.org").status_code == 302
    assert User.objects.filter(username="eva.nova", is_approved=False).exists()


def test_usernames_differing_only_in_case_are_still_refused_neutrally(alice):
    answer = register("ALICE", "eva.nova@example.org")
    assert answer.status_code == 200 and not User.objects.filter(username="ALICE").exists()
    assert answer.context["form"].non_field_errors()
    assert not answer.context["form"].errors.get("username")
