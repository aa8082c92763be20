"""A coordinator manages volunteers in the admin but never makes anyone an administrator: the
attack that worked (tick "superuser" on an account, set the administrator's password, sign in as
the administrator) fails at every step, and what coordinators must do still works."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from mapping.models import Role, User
from mapping.permissions import COORDINATOR_PERMISSIONS, coordinator_permissions
from tests.personas import PASSWORD, signed_in
from tests.security.forms import form_data

NEW_PASSWORD = "stolen admin password 99"


def change_url(user: User) -> str:
    return reverse("admin:mapping_user_change", args=[user.pk])


def password_url(user: User) -> str:
    return reverse("admin:auth_user_password_change", args=[user.pk])


def post_change(client: Client, user: User, **changes) -> object:
    """Open the account's change page and save it with `changes` on top of what it shows."""
    page = client.get(change_url(user))
    data = form_data(page.content.decode(), "user_form") if page.status_code == 200 else {}
    data.update(changes)
    return client.post(change_url(user), data)


def test_a_coordinator_cannot_make_anyone_an_administrator_nor_take_over_one(alice, charlie, erin):
    group = Group.objects.get(name="coordinators")
    coordinator = signed_in(charlie)
    forged = {
        "is_superuser": "on",
        "is_staff": "on",
        "groups": [str(group.pk)],
        "user_permissions": [str(p.pk) for p in coordinator_permissions()[:3]],
        "role": Role.ADMINISTRATOR,
    }
    # Step 1: tick superuser (and staff, groups, permissions, role) on a volunteer's account.
    post_change(coordinator, alice, **forged)
    alice.refresh_from_db()
    assert not (alice.is_superuser or alice.is_staff)
    assert alice.role == Role.VOLUNTEER
    assert not alice.groups.exists() and not alice.user_permissions.exists()
    # ... and on the coordinator's own account.
    post_change(coordinator, charlie, **forged)
    charlie.refresh_from_db()
    assert not charlie.is_superuser and charlie.role == Role.COORDINATOR
    # Step 2: set the administrator's password through the admin's password form.
    answer = coordinator.post(
        password_url(erin), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert answer.status_code == 403
    # Step 3: sign in as the administrator with that password.
    attacker = Client()
    answer = attacker.post(
        "/admin/login/?next=/admin/", {"username": "erin", "password": NEW_PASSWORD}
    )
    assert answer.status_code == 200  # the login form again, with its error
    assert not attacker.session.get("_auth_user_id")
    erin.refresh_from_db()
    assert erin.check_password(PASSWORD) and erin.is_superuser


def test_a_coordinator_neither_sees_nor_changes_an_administrators_account(charlie, erin):
    coordinator = signed_in(charlie)
    listing = coordinator.get(reverse("admin:mapping_user_changelist"))
    assert "erin" not in {user.username for user in listing.context["cl"].result_list}
    assert coordinator.get(change_url(erin)).status_code == 302  # "does not exist"
    post_change(coordinator, erin, is_active="", email="charlie@example.org")
    erin.refresh_from_db()
    assert erin.is_active and erin.email == "erin@example.org"
    assert coordinator.get(reverse("admin:mapping_user_add")).status_code == 403


def test_a_coordinator_cannot_set_a_volunteers_password_nor_e_mail(alice, charlie):
    coordinator = signed_in(charlie)
    page = coordinator.get(change_url(alice)).content.decode()
    assert password_url(alice) not in page and "is_superuser" not in page
    answer = coordinator.post(
        password_url(alice), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert answer.status_code == 403
    post_change(coordinator, alice, email="charlie+alice@example.org")
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD) and alice.email == "alice@example.org"


def test_a_coordinator_still_approves_deactivates_and_promotes_volunteers(alice, dora, charlie):
    coordinator = signed_in(charlie)
    page = coordinator.get(change_url(dora)).content.decode()
    assert 'value="administrator"' not in page  # the role offers volunteer and coordinator
    assert post_change(coordinator, dora, is_approved="on").status_code == 302
    dora.refresh_from_db()
    assert dora.is_approved
    data = form_data(coordinator.get(change_url(alice)).content.decode(), "user_form")
    data.pop("is_active")
    assert coordinator.post(change_url(alice), data).status_code == 302
    assert post_change(coordinator, dora, role=Role.COORDINATOR).status_code == 302
    alice.refresh_from_db()
    dora.refresh_from_db()
    assert not alice.is_active
    assert dora.role == Role.COORDINATOR and not dora.is_staff


def test_an_administrator_still_does_everything(alice, charlie, erin):
    administrator = signed_in(erin)
    group = Group.objects.get(name="coordinators")
    answer = post_change(
        administrator,
        alice,
        is_staff="on",
        is_superuser="on",
        groups=[str(group.pk)],
        role=Role.ADMINISTRATOR,
        email="alice@example.net",
    )
    assert answer.status_code == 302
    alice.refresh_from_db()
    assert alice.is_superuser and alice.is_staff and alice.role == Role.ADMINISTRATOR
    assert list(alice.groups.all()) == [group] and alice.email == "alice@example.net"
    answer = administrator.post(
        password_url(charlie), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert answer.status_code == 302
    assert signed_in(charlie, NEW_PASSWORD)
    answer = administrator.post(
        reverse("admin:mapping_user_add"),
        {"username": "gita", "usable_password": "true", "password1": NEW_PASSWORD,
         "password2": NEW_PASSWORD},
    )  # fmt: skip
    assert answer.status_code == 302 and User.objects.filter(username="gita").exists()


@pytest.mark.django_db
def test_the_coordinators_group_holds_exactly_its_written_list():
    group = Group.objects.get(name="coordinators")  # made by migrate (post_migrate)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert codenames == set(COORDINATOR_PERMISSIONS)
    assert not {"add_user", "delete_user"} & codenames
    assert not group.permissions.exclude(content_type__app_label="mapping").exists()
