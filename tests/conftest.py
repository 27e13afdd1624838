"""Shared fixtures: one per role of DESIGN.md, and a client signed in as each.

They work on the site and in every plugin host of ``make test-plugins`` (Django's own User, no allauth).
"""

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from .factories import UserFactory, with_totp
from .plugin_hosts.collection import (  # noqa: F401  (hooks: which tests a plugin host leaves out)
    pytest_collection_modifyitems,
    pytest_ignore_collect,
    pytest_terminal_summary,
)

ROLES = ["visitor", "citizen", "council_member", "facilitator", "moderator", "staff"]


@pytest.fixture(autouse=True)
def _media_and_locale(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "fr"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Tests create many accounts: a fast hasher keeps the suite quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def citizen(db):
    return UserFactory(display_name="Awa")


@pytest.fixture
def unverified_user(db):
    return UserFactory(verified=False)


@pytest.fixture
def council_member(db):
    return UserFactory(roles=["council_member"])


@pytest.fixture
def facilitator(db):
    return UserFactory(roles=["facilitator"])


@pytest.fixture
def moderator(db):
    """A moderator who has set up TOTP, as the site requires of their role."""
    return with_totp(UserFactory(roles=["moderator"]))


@pytest.fixture
def moderator_without_totp(db):
    return UserFactory(roles=["moderator"])


@pytest.fixture
def staff(db):
    """A staff member who has set up TOTP, as the site requires."""
    return with_totp(UserFactory(is_staff=True))


@pytest.fixture
def staff_without_totp(db):
    return UserFactory(is_staff=True)


@pytest.fixture
def user_for_role(request, db):
    """Parametrise with a role name; returns None for the visitor."""

    def make(role):
        if role == "visitor":
            return None
        return request.getfixturevalue(role)

    return make


@pytest.fixture
def client_for():
    def make(user):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def api_for():
    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make

