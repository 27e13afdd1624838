"""Host of participation.proposals alone (see base.py)."""

from .base import settings_for

globals().update(settings_for("participation.proposals"))
