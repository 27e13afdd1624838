"""Poll answers written together: what a server process receives while it writes is written next, at once.

A thousand people answering within seconds are a thousand frames. Handled one transaction each, in
the one thread where Django's database work runs, they queue up — and the chat's messages queue
behind them. Here each answer is first checked on its own, as any action is (the session, the
account, the address's pace, ``rules.can_answer_polls``: reads only), in a worker thread, so that
many are checked at once while the database answers; then the first is written at once and those
checked meanwhile wait for it and are written together (``polls_services.save_checked_answers``: a
constant number of writes, one results notice per poll). Each frame still gets its own ``ack`` or
``error``.
"""

import asyncio

from channels.db import database_sync_to_async

from . import polls_services
from .checks import check_address_pace

# Answers written in one transaction at most: a big room's worth, without holding the lock for long.
MAX_BATCH = 250

_rooms = {}  # room id -> _RoomAnswers in this process


class _RoomAnswers:
    def __init__(self, room_id):
        self.room_id = room_id
        self.loop = asyncio.get_running_loop()
        self.waiting = []  # (checked user, checked fields, future)
        self.writer = None

    def add(self, user, values):
        future = self.loop.create_future()
        self.waiting.append((user, values, future))
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


async def answer(consumer, values):
    """The consumer's answer saved (an answer with ``changed``), or ``Refused`` raised."""
    user = await database_sync_to_async(_checked_user, thread_sensitive=False)(consumer)
    room = _rooms.get(consumer.room_id)
    if room is None or room.loop is not asyncio.get_running_loop():
        room = _rooms[consumer.room_id] = _RoomAnswers(consumer.room_id)
    return await room.add(user, values)


def _checked_user(consumer):
    user = consumer._current_user()
    # As for any action (actions.ActionsMixin._act): facilitators are exempt from the pace.
    if not consumer.can_facilitate:
        check_address_pace(consumer._address())
    polls_services.check_can_answer(consumer.room_id, user)
    return user


def _write(room_id, batch):
    answers = [
        (user, values.get("poll"), values.get("options", ()), values.get("scale"), values.get("text", ""))
        for user, values, _ in batch
    ]
    return polls_services.save_checked_answers(room_id, answers)
