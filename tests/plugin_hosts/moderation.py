"""Host of participation.moderation alone (see base.py), moderating the host's own notes."""

from .base import settings_for

globals().update(settings_for("participation.moderation"))
INSTALLED_APPS = ["tests.plugin_hosts.notes", *INSTALLED_APPS]  # noqa: F821 (set just above)
