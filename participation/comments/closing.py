"""Why a discussion takes no new comment: one French sentence, for the page and the API alike."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from consultations.registry import registry

from .rules import TOOL


def _date(moment):
    return date_format(timezone.localtime(moment), "j F Y")


def consultation_closed_reason(consultation, now=None):
    """The sentence shown instead of the form while no step opens the consultation's discussion.

    It speaks of the step the discussion sits under (``Tool.home_step``): the last closed one, or the
    next one when none has opened yet."""
    now = now or timezone.now()
    tool = registry.get(TOOL)
    if tool is None:
        return _("Comments are closed here.")
    steps = list(consultation.steps.all())
    home = tool.home_step(steps, now)
    if home is None:
        return _("Comments are closed here.")
    if home.starts_at > now:
        return _("This step opens on %(date)s: you can comment from then on.") % {"date": _date(home.starts_at)}
    sentence = _("This step has been closed since %(date)s: comments are closed.") % {"date": _date(home.ends_at)}
    reopening = min(
        (step for step in steps if step.starts_at > now and tool.actions_for(step.kind)),
        key=lambda step: step.starts_at, default=None,
    )
    if reopening is not None:
        sentence += " " + _("The discussion reopens on %(date)s, with the step “%(title)s”.") % {
            "date": _date(reopening.starts_at), "title": reopening.title,
        }
    return sentence
