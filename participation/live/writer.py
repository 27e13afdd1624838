"""One writer per room and process: the sends of all its clients saved together, in order.

Saved one by one, each message of a room cost its own transaction, room lock, checks and broadcast,
on Channels' single database thread: about twenty a second per room, and a burst of messages
queued behind one another. Here a consumer hands a message or question to its room's writer and
goes on reading frames; the writer takes everything that is waiting (up to ``WRITE_BATCH``), saves
it in one transaction (``services.post_sends``) on the write threads, and answers each send with its
saved row or its refusal; the committed events go out as one broadcast. Nothing waits for a timer:
a lone send is saved at once, and what arrives while a batch is being saved makes the next one.

The queue is bounded (``WRITE_QUEUE`` sends per room and process): beyond, ``submit`` refuses the
send at once with ``busy`` (the consumer answers it with an error frame), so nothing is ever
dropped without an answer.

Once a batch is committed, its write thread hands the events to the event loop
(``call_soon_threadsafe``) and returns at once: it used to wait there (``async_to_sync``) for the
loop to take the broadcast, behind the fan-out of the batch before, while the next batch waited for
the thread. The room's broadcasts go out from the loop one after another, in commit order
(``_publishing``); the sends are acknowledged once committed, whether or not the fan-out is done.
An author's account-wide rights (a citizen, a facilitator of the event) are read once per
connection and ``RIGHTS_MEMO_SECONDS``; blocks (from their shared cache), sanctions, the room's state
and the pace are read with each batch.
"""

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from channels.layers import get_channel_layer
from consultations.moderation import BLOCK_MEMO_SECONDS

from . import services
from .actions import current_users
from .conf import live_setting
from .dbthreads import writing
from .per_loop import room_object

logger = logging.getLogger(__name__)
# How long an author's account-wide rights read for one batch serve the next ones of the connection.
RIGHTS_MEMO_SECONDS = BLOCK_MEMO_SECONDS


def busy_refusal():
    return services.Refused(
        "busy", _("Too many messages are waiting in the room: this one was not saved. Send it again in a moment."),
        retry_after=1,
    )


@dataclass
class Pending:
    """A send waiting for its room's writer; ``consumer`` resolves who sends it, at the time of the batch."""

    consumer: object
    kind: str
    body: object
    client_id: object
    address: object
    future: asyncio.Future = field(default=None)


class RoomWriter:
    def __init__(self, room_id):
        self.room_id = room_id
        self.loop = asyncio.get_running_loop()
        self.queue = deque()
        self.task = None
        # Committed events waiting to be broadcast from the loop, in commit order: (group, messages).
        self.outbox = deque()
        self.publisher = None

    def submit(self, pending):
        """The future of ``pending``'s result (a saved row or a ``Refused``); ``busy`` at once if full."""
        pending.future = self.loop.create_future()
        if len(self.queue) >= live_setting("WRITE_QUEUE"):
            pending.future.set_result(busy_refusal())
            return pending.future
        self.queue.append(pending)
        if self.task is None or self.task.done():
            self.task = self.loop.create_task(self._run())
        return pending.future

    async def _run(self):
        while self.queue:
            size = live_setting("WRITE_BATCH")
            batch = [self.queue.popleft() for _ in range(min(size, len(self.queue)))]
            try:
                results = await writing(_save)(self.room_id, batch, self.publish_soon)
            except Exception:
                # The database or the cache failed: nothing of the batch was saved (one transaction).
                logger.exception("Live room %s: a batch of %s sends failed", self.room_id, len(batch))
                results = [None] * len(batch)
            for pending, result in zip(batch, results):
                if not pending.future.done():
                    pending.future.set_result(result)

    def publish_soon(self, group, messages):
        """On the write thread, once committed: the events handed to the loop, without waiting for it."""
        self.loop.call_soon_threadsafe(self._queue_publication, group, messages)

    def _queue_publication(self, group, messages):
        self.outbox.append((group, messages))
        if self.publisher is None or self.publisher.done():
            # Eager: with the in-memory layer the events reach the hub here, without another loop turn.
            self.publisher = asyncio.Task(self._publishing(), loop=self.loop, eager_start=True)

    async def _publishing(self):
        layer = get_channel_layer()
        while self.outbox:
            group, messages = self.outbox.popleft()
            if layer is None:
                continue
            try:
                await layer.group_send(group, {"type": "live.events", "events": messages})
            except Exception:
                # Saved all the same: clients get these events from the database (the next event's
                # gap, or their resume).
                logger.warning("Live room %s: a batch's events not broadcast", self.room_id, exc_info=True)


def _save(room_id, batch, publish):
    """On a write thread: each send's author as the session and the database see them now (once per
    connection), then the batch saved in one transaction, its events handed to ``publish``."""
    consumers = {id(pending.consumer): pending.consumer for pending in batch}
    users = current_users(consumers.values())
    now = time.monotonic()
    known = {}
    for key, consumer in consumers.items():
        memo = getattr(consumer, "write_rights", None)  # (read at, user id, rights)
        if memo is not None and memo[1] == users[key].pk and now - memo[0] < RIGHTS_MEMO_SECONDS:
            known[memo[1]] = memo[2]
    remembered = set(known)
    sends = [
        services.Send(pending.kind, users[id(pending.consumer)], pending.body, pending.client_id, pending.address)
        for pending in batch
    ]
    results = services.post_sends(room_id, sends, known=known, publish=publish)
    for key, consumer in consumers.items():
        pk = users[key].pk
        if pk is not None and pk in known and pk not in remembered:
            consumer.write_rights = (now, pk, known[pk])
    return results


# room id -> its writer in this process (each test's event loop gets its own).
_writers = {}


def writer_of(room_id):
    return room_object(_writers, room_id, RoomWriter)
