"""Poll answers written together: what a server process receives while it writes is written next, at once.

A thousand people answering within seconds are a thousand frames. Handled one transaction each, in
the one thread where Django's database work runs, they queue up — and the chat's messages queue
behind them. Here the first answer is written at once; those that arrive meanwhile wait for it and
are then checked and written together (``polls_services.answer_polls``: the same checks for each
person, a few queries for all, one results notice per poll), so the queue never grows by more than
a batch. Each frame still gets its own ``ack`` or ``error``, after the checks of any action: the
session still signed in, the account active (read for the whole batch), the address's pace.
"""

import asyncio

from channels.db import database_sync_to_async
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.models import Session
from django.utils import timezone

from . import polls_services
from .checks import Refused, check_address_pace
from .per_loop import room_object

# Answers written in one transaction at most: the chat's messages wait for the batch under way (the
# same database thread), so it stays short; each person's identity check is still a read or two.
MAX_BATCH = 50
# Session engines whose sessions are rows of django.contrib.sessions: read for the whole batch at once.
_DATABASE_SESSIONS = {"django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"}

_rooms = {}  # room id -> _RoomAnswers in this process


class _RoomAnswers:
    def __init__(self, room_id):
        self.room_id = room_id
        self.loop = asyncio.get_running_loop()
        self.waiting = []  # (consumer, checked fields, future)
        self.writer = None

    def add(self, consumer, values):
        future = self.loop.create_future()
        self.waiting.append((consumer, values, future))
        if self.writer is None or self.writer.done():
            self.writer = asyncio.ensure_future(self._write_waiting())
        return future

    async def _write_waiting(self):
        while self.waiting:
            batch, self.waiting = self.waiting[:MAX_BATCH], self.waiting[MAX_BATCH:]
            try:
                outcomes = await database_sync_to_async(_write)(self.room_id, batch)
            except Exception as error:  # the database failed: each frame is told, nothing was saved
                outcomes = [error] * len(batch)
            for (_, _, future), outcome in zip(batch, outcomes):
                if future.done():  # the connection went away meanwhile
                    continue
                if isinstance(outcome, BaseException):
                    future.set_exception(outcome)
                else:
                    future.set_result(outcome)


def answer(consumer, values):
    """Awaitable: the consumer's answer saved (an answer with ``changed``), or ``Refused`` raised."""
    return room_object(_rooms, consumer.room_id, _RoomAnswers).add(consumer, values)


def _current_users(consumers):
    """Each consumer's user as the database and the session see them now (``_current_user`` of
    ``actions``, for many at once): AnonymousUser for a session gone or an account made inactive."""
    keys = [getattr(consumer.scope.get("session"), "session_key", None) for consumer in consumers]
    if settings.SESSION_ENGINE in _DATABASE_SESSIONS:
        live = set(Session.objects.filter(session_key__in=[k for k in keys if k], expire_date__gt=timezone.now())
                   .values_list("session_key", flat=True))
    else:
        live = {key for consumer, key in zip(consumers, keys) if key and consumer.scope["session"].exists(key)}
    ids = {consumer.user.pk for consumer, key in zip(consumers, keys) if consumer.user.is_authenticated and key in live}
    users = get_user_model().objects.filter(pk__in=ids, is_active=True).in_bulk()
    # One object per answer: the checks keep what they read on it for this batch only.
    return [
        users.get(consumer.user.pk) if consumer.user.is_authenticated and key in live and consumer.user.pk in users
        else AnonymousUser()
        for consumer, key in zip(consumers, keys)
    ]


def _write(room_id, batch):
    outcomes = [None] * len(batch)
    answers, positions = [], []
    for position, ((consumer, values, _), user) in enumerate(zip(batch, _current_users([item[0] for item in batch]))):
        try:
            # As for any action (actions.ActionsMixin._act): facilitators are exempt from the pace.
            if not consumer.can_facilitate:
                check_address_pace(consumer._address())
        except Refused as refusal:
            outcomes[position] = refusal
            continue
        answers.append((user, values.get("poll"), values.get("options", ()), values.get("scale"), values.get("text", "")))
        positions.append(position)
    if answers:
        for position, outcome in zip(positions, polls_services.answer_polls(room_id, answers)):
            outcomes[position] = outcome
    return outcomes
