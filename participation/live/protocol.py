"""The frames the server sends: one function per shape, used by the websocket, the HTTP history and the API.

An event frame is ``{"type": <kind>, "seq": n, "at": iso, "actor": {...} | null, "data": {...}}``.
Its data describe the object as it is *now*, so a replay never shows a message that has since
been hidden. See docs/live.md for every frame.
"""

import json
from functools import lru_cache

from consultations.identity import public_name
from consultations.text import render_markdown

from .models import EventKind, Status
from .poll_results import poll_data

MODERATED_ONLY = "restricted"
EVERYONE = "all"


def person(user):
    if user is None:
        return None
    return {"id": user.pk, "name": public_name(user)}


@lru_cache(maxsize=4096)
def _html(body):
    """A text's HTML, rendered once per process: a hundred clients reconnecting at once replay the
    same recent messages, and rendering each for each of them held the process (a pure function)."""
    return str(render_markdown(body))


def message_data(message):
    hidden = message.status == Status.HIDDEN
    return {
        "id": message.pk,
        "author": person(message.author),
        "body": "" if hidden else message.body,
        "html": "" if hidden else _html(message.body),
        "status": message.status,
        "created_at": message.created_at.isoformat(),
    }


def question_data(question):
    hidden = question.status == Status.HIDDEN
    return {
        "id": question.pk,
        "author": person(question.author),
        "body": "" if hidden else question.body,
        "html": "" if hidden else _html(question.body),
        "status": question.status,
        "answered": question.answered,
        "votes": question.vote_count,
        "created_at": question.created_at.isoformat(),
    }


def room_data(room):
    return {
        "id": room.pk,
        "event": room.event.slug,
        "state": room.state,
        "is_open": room.is_open(),
        "premoderated": room.premoderated,
        "slow_mode_seconds": room.slow_mode_seconds,
        "pinned_question": room.pinned_question_id,
        "projected_question": room.projected_question_id,
        "last_seq": room.last_seq,
        "current_poll": room.current_poll_id,
    }


def event_frame(event):
    data = dict(event.data)
    if event.message_id:
        data["message"] = message_data(event.message)
    if event.question_id:
        data["question"] = question_data(event.question)
    if event.poll_id:
        data["poll"] = poll_data(event.poll)
    if event.sanction_id:
        sanction = event.sanction
        data["sanction"] = {
            "user": person(sanction.user),
            "kind": sanction.kind,
            "until": sanction.until.isoformat(),
            "reason": sanction.reason,
        }
    return {
        "type": event.kind,
        "seq": event.seq,
        "at": event.created_at.isoformat(),
        "actor": person(event.actor),
        "data": data,
    }


def live_message(event):
    """The channel-layer message that carries one event to every process: its frame encoded once."""
    audience_kind, user_id = audience(event)
    return {
        "type": "live.event",
        "seq": event.seq,
        "frame": json.dumps(event_frame(event), ensure_ascii=False),
        "audience": audience_kind,
        "user_id": user_id,
    }


def audience(event):
    """Who receives the event: everyone, or the room's facilitators plus one person (its author or target).

    Returns ``(EVERYONE, None)`` or ``(MODERATED_ONLY, user_id)``.
    """
    if event.kind == EventKind.USER_SANCTIONED:
        return MODERATED_ONLY, event.sanction.user_id
    if event.kind == EventKind.POLL_CREATED:
        return MODERATED_ONLY, None  # a prepared poll is the facilitators' until launched
    if event.kind == EventKind.HIDDEN_NOTICE:
        return MODERATED_ONLY, (event.message if event.message_id else event.question).author_id
    if event.message_id and event.message.status == Status.PENDING:
        return MODERATED_ONLY, event.message.author_id
    if event.question_id and event.question.status == Status.PENDING:
        return MODERATED_ONLY, event.question.author_id
    return EVERYONE, None


def may_receive(audience_kind, user_id, viewer_id, viewer_moderates):
    return audience_kind == EVERYONE or viewer_moderates or (viewer_id is not None and viewer_id == user_id)


def events_with_objects(queryset):
    """The related rows an event frame reads, in the same query."""
    return queryset.select_related(
        "actor", "message__author", "question__author", "sanction__user", "poll"
    ).prefetch_related("poll__options").order_by("seq")
