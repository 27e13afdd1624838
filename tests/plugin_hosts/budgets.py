"""Host of participation.budgets alone (see base.py): without proposals, so the link to them is optional."""

from .base import settings_for

globals().update(settings_for("participation.budgets"))
