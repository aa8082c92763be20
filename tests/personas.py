"""The people of the tests, one definition each, available to every test module (tests/conftest.py
imports them): made as the demo users and real deployments make them.

- alice and bob: approved volunteers;
- dora: a self-registered volunteer a coordinator has not approved yet;
- charlie: a coordinator with admin access through the coordinators' group, like the demo's
  "koordinator";
- erin: an administrator (a superuser).

`client_for(user)` is a browser already signed in as the user; `signed_in(user)` signs in through
the admin's login form, as a person does, for the tests of the login itself.
"""

import pytest
from django.test import Client

from mapping.models import Role, User
from mapping.permissions import coordinators_group
from tests.factories import make_user

PASSWORD = "correct horse 42"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Several personas per test: PBKDF2 would spend seconds hashing their passwords.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db) -> User:
    return make_user("alice", email="alice@example.org", is_approved=True)


@pytest.fixture
def bob(db) -> User:
    return make_user("bob", email="bob@example.org", is_approved=True)


@pytest.fixture
def dora(db) -> User:
    """A self-registered volunteer not yet approved by a coordinator."""
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


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def signed_in(user: User, password: str = PASSWORD) -> Client:
    """A browser that signed in through the admin's login form, as a person does."""
    client = Client()
    answer = client.post(
        "/admin/login/?next=/admin/", {"username": user.username, "password": password}
    )
    assert answer.status_code == 302, answer.content[:500]
    return client
