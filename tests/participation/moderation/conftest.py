import pytest
from rest_framework.test import APIClient

from .helpers import make_item


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_for():
    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return make


@pytest.fixture
def item(db):
    """Parametrise indirectly with a kind key; returns (obj, author)."""

    def make(kind, **kwargs):
        return make_item(kind, **kwargs)

    return make
