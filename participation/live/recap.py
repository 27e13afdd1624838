"""The live room's part of the summary after the session (consultations.recaps): answered questions, transcript."""

from django.urls import reverse
from django.utils.translation import gettext as _

from consultations.identity import public_name
from consultations.recaps import absolute, quote

from . import queries
from .models import Room


def live_section(event):
    room = Room.objects.filter(event=event).first()
    if room is None:
        return ""
    lines = []
    answered = list(queries.answered_questions(room))
    if answered:
        lines += [f"### {_('Questions answered during the session')}", ""]
        lines += [f"- {quote(question.body)} ({quote(public_name(question.author))})" for question in answered]
        lines.append("")
    transcript = absolute(reverse("live:transcript", args=[event.slug]))
    lines += [f"### {_('Transcript of the live room')}", "", f"[{_('Read the transcript of the live room')}]({transcript})"]
    return "\n".join(lines)
