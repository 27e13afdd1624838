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


def polls_section(event):
    """The polls launched during the session, with the results the public saw (hidden ones are not given)."""
    room = Room.objects.filter(event=event).first()
    if room is None:
        return ""
    lines = []
    for poll in queries.transcript_polls(room):
        results = poll.get("results")
        if not results:
            continue
        lines += [f"#### {quote(poll['question'])}", ""]
        if results.get("words") is not None:
            lines += [f"- {quote(word['word'])} : {word['count']}" for word in results["words"]]
        else:
            lines += [
                f"- {quote(choice['label'])} : {choice['count']} ({choice.get('percent', 0)} %)" for choice in results["choices"]
            ]
        lines.append("")
    if not lines:
        return ""
    return "\n".join([f"### {_('Polls of the session')}", "", *lines]).rstrip()
