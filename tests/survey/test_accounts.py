"""Volunteers register themselves (approved later) or accept a coordinator's one-time invitation."""

import re

from django.urls import reverse

from mapping.models import Role, User
from mapping.survey.accounts import make_invitation_token
from tests.personas import client_for

PASSWORD = "a long field password 7"


def test_a_self_registered_volunteer_waits_for_approval(client, db):
    answer = client.post(
        reverse("accounts:register"),
        {"username": "eva", "email": "eva@example.org", "password1": PASSWORD,
         "password2": PASSWORD},
    )  # fmt: skip
    assert answer.status_code == 302
    eva = User.objects.get(username="eva")
    assert eva.role == Role.VOLUNTEER and not eva.is_approved
    assert client.get(reverse("survey:app")).context["config"]["can_submit"] is False


def test_an_invitation_link_creates_an_approved_volunteer_once(charlie, mailoutbox):
    page = client_for(charlie).post(reverse("accounts:volunteers"), {"email": "filip@example.org"})
    link = page.context["link"]
    assert link in mailoutbox[0].body
    path = re.sub(r"^https?://[^/]+", "", link)
    visitor = client_for(None)
    body = {"username": "filip", "password1": PASSWORD, "password2": PASSWORD}
    assert visitor.post(path, body).status_code == 302
    filip = User.objects.get(username="filip")
    assert filip.email == "filip@example.org" and filip.is_approved
    again = client_for(None).post(path, {**body, "username": "filip2"})
    assert again.status_code == 400
    assert not User.objects.filter(username="filip2").exists()


def test_a_forged_or_expired_invitation_is_refused(charlie, settings):
    assert client_for(None).get("/ucet/pozvanka/forged-token/").status_code == 400
    token = make_invitation_token("gita@example.org", charlie)
    settings.INVITATION_MAX_AGE_DAYS = -1
    assert client_for(None).get(f"/ucet/pozvanka/{token}/").status_code == 400


def test_a_coordinator_approves_a_waiting_volunteer(charlie, dora):
    client = client_for(charlie)
    assert dora in client.get(reverse("accounts:volunteers")).context["pending"]
    client.post(reverse("accounts:approve_volunteer", args=[dora.pk]))
    dora.refresh_from_db()
    assert dora.is_approved


def test_the_login_page_signs_a_volunteer_in(client, alice):
    answer = client.post(
        reverse("accounts:login") + "?next=/pruzkum/",
        {"username": "alice", "password": "correct horse 42", "next": "/pruzkum/"},
    )
    assert answer.status_code == 302 and answer["Location"] == "/pruzkum/"
