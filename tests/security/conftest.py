"""The personas of the security tests, made as the demo users are: coordinator charlie with admin
access through the coordinators' group (like the demo's "koordinator"), volunteer alice,
self-registered dora not yet approved, and administrator erin (a superuser)."""

import pytest
from django.test import Client

from mapping.models import Role, User
from mapping.permissions import coordinators_group
from tests.factories import make_user

PASSWORD = "correct horse 42"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db) -> User:
    return make_user("alice", email="alice@example.org", is_approved=True)


@pytest.fixture
def dora(db) -> User:
    return make_user("dora", email="dora@example.org", is_approved=False)


@pytest.fixture
def charlie(db) -> User:
    coordinator = make_user(
        "charlie",
        role=Role.COORDINATOR,
        email="charlie@example.org",
        is_approved=True,
        is_staff=True,
    )
    coordinator.groups.add(coordinators_group())
    return coordinator


@pytest.fixture
def erin(db) -> User:
    return make_user(
        "erin",
        role=Role.ADMINISTRATOR,
        email="erin@example.org",
        is_approved=True,
        is_staff=True,
        is_superuser=True,
    )


def signed_in(user: User, password: str = PASSWORD) -> Client:
    """A browser that signed in through the admin's login form, as a person does."""
    client = Client()
    answer = client.post(
        "/admin/login/?next=/admin/", {"username": user.username, "password": password}
    )
    assert answer.status_code == 302, answer.content[:500]
    return client
