"""Host of participation.comments alone (see base.py)."""

from .base import settings_for

globals().update(settings_for("participation.comments"))
