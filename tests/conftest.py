"""Shared fixtures: one per role of DESIGN.md, and a client signed in as each.

They work on the site and in every plugin host of ``make test-plugins`` (Django's own User, no allauth).
"""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from .factories import UserFactory, with_totp

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
    return UserFactory(roles=["moderator"])


@pytest.fixture
def staff(db):
    """A staff member who has set up TOTP, as the site requires."""
    return with_totp(UserFactory(roles=["staff"], is_staff=True))


@pytest.fixture
def staff_without_totp(db):
    return UserFactory(roles=["staff"], is_staff=True)


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


# In a plugin host (tests/plugin_hosts), a test module that imports an app the host does not install
# tests cooperation with that app: the site's suite runs it, the host leaves it out and says so.
_left_out = {}


def _apps_a_module_imports(path, seen=None):
    """The apps a test module imports, through its sibling helpers (``from .helpers import ...``) too."""
    import ast

    seen = set() if seen is None else seen
    seen.add(path)
    names, apps_needed = set(), set()
    for node in ast.parse(path.read_text(), filename=str(path)).body:  # module level only
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            sibling = path.parent / f"{node.module.replace('.', '/')}.py"
            if sibling.exists() and sibling not in seen:
                apps_needed |= _apps_a_module_imports(sibling, seen)
    for name in names:
        parts = name.removeprefix("tests.").split(".")
        if parts[0] in ("lapartcitoyenne", "allauth"):
            apps_needed.add("allauth.account" if parts[0] == "allauth" else "lapartcitoyenne")
        elif parts[0] == "participation" and len(parts) > 1:
            apps_needed.add(f"participation.{parts[1]}")
    return apps_needed


def pytest_ignore_collect(collection_path, config):
    from django.conf import settings

    if not collection_path.name.startswith("test_") or collection_path.suffix != ".py":
        return None
    if not getattr(settings, "PLUGIN", None):
        return None
    missing = sorted(name for name in _apps_a_module_imports(collection_path) if not apps.is_installed(name))
    if missing:
        _left_out[str(collection_path.relative_to(config.rootpath))] = missing
        return True
    return None


def pytest_collection_modifyitems(config, items):
    """``@pytest.mark.needs_apps("participation.moderation")``: a test of cooperation, left out without that app."""
    kept, left = [], []
    for item in items:
        marker = item.get_closest_marker("needs_apps")
        missing = [name for name in (marker.args if marker else ()) if not apps.is_installed(name)]
        (left if missing else kept).append(item)
        if missing:
            _left_out[item.nodeid] = missing
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def pytest_terminal_summary(terminalreporter):
    if _left_out:
        terminalreporter.write_line("Left out by this plugin host (they need apps it does not install):")
        for path, missing in sorted(_left_out.items()):
            terminalreporter.write_line(f"  {path}: {', '.join(missing)}")
