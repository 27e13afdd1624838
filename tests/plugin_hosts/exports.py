"""Host of participation.exports alone (see base.py)."""

from .base import settings_for

globals().update(settings_for("participation.exports"))
