"""A host that forgot an app the proposals need: ``manage.py check`` must say which (tests/consultations/test_plugin_checks.py)."""

from .base import settings_for

globals().update(settings_for("participation.proposals"))
INSTALLED_APPS = [name for name in INSTALLED_APPS if name != "participation.councils"]  # noqa: F821
