"""What every plugin host proves about its plugin (``make test-plugins`` runs this file in each)."""

import sys

from django.apps import apps
from django.conf import settings
from django.core import checks

from .base import with_requirements


def test_the_plugin_runs_without_the_site():
    assert not [name for name in sys.modules if name.startswith(("lapartcitoyenne", "allauth"))]


def test_only_the_plugin_and_its_declared_apps_are_installed():
    suite = {config.name for config in apps.get_app_configs() if config.name.startswith(("consultations", "participation."))}
    assert suite == {name for name in with_requirements(settings.PLUGIN) if name.startswith(("consultations", "participation."))}


def test_the_system_checks_pass_on_djangos_own_user(db):
    assert settings.AUTH_USER_MODEL == "auth.User"
    assert [message for message in checks.run_checks() if message.level >= checks.WARNING] == []
