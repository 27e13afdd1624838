"""In-process fan-out: one channel-layer group membership per room and process, not one per socket.

Channels delivers a group message to every member channel. With a thousand consumers in a room,
one event became a thousand layer messages (deep-copied by the in-memory layer), a thousand task
wake-ups and a thousand handler dispatches, before a single byte was written. Here each process
joins a room's group once, through a ``RoomHub``; the hub receives each event once, with its frame
already encoded as JSON text (by ``services.broadcast``), and hands that same text to every
consumer of the room in this process (``RoomConsumer.push``), which writes it to its socket.

The hub also puts the room's events in order for its whole process: with several processes, a
broadcast may overtake an earlier one (or Redis pub/sub may drop one), so the hub fills the gap
from the database once, instead of every consumer querying it. Consumers keep their own
exactly-once check (``last_sent``), which covers replays and the moment they join.
"""

import asyncio
import json
import logging
import weakref

from channels.db import database_sync_to_async

from .models import Room, RoomEvent
from .protocol import events_with_objects, live_message

# layer -> {group: RoomHub}; weak, so that a layer dropped by Channels (settings change) takes its hubs.
_hubs = weakref.WeakKeyDictionary()
logger = logging.getLogger(__name__)


class RoomHub:
    def __init__(self, layer, group, room_id):
        self.layer = layer
        self.group = group
        self.room_id = room_id
        self.members = set()
        self.last_seq = 0
        self.channel_name = None
        self.started = asyncio.ensure_future(self._start())
        self.task = None

    async def _start(self):
        self.channel_name = await self.layer.new_channel()
        # Join before reading last_seq: an event committed in between comes through the group.
        await self.layer.group_add(self.group, self.channel_name)
        self.last_seq = await database_sync_to_async(_last_seq)(self.room_id)
        self.task = asyncio.ensure_future(self._run())

    async def _run(self):
        while True:
            message = await self.layer.receive(self.channel_name)
            try:
                kind = message.get("type")
                if kind == "live.event":
                    await self._event(message)
                elif kind == "live.presence":
                    self._push([json.dumps({"type": "presence", "count": message["count"]})])
            except Exception:
                # One bad event must not leave the room deaf in this process; the next one fills the gap.
                logger.exception("Live room %s: could not deliver %r", self.room_id, message.get("seq"))

    async def _event(self, message):
        seq = message["seq"]
        if seq <= self.last_seq:
            return  # already delivered, through a gap filled from the database
        ready = [message]
        if seq > self.last_seq + 1:
            ready[:0] = await database_sync_to_async(_missing)(self.room_id, self.last_seq, seq - 1)
        self._push(ready)
        self.last_seq = seq

    def _push(self, items):
        for consumer in tuple(self.members):
            consumer.push(items)

    async def stop(self):
        if self.task is not None:
            self.task.cancel()
        if self.channel_name is not None:
            await self.layer.group_discard(self.group, self.channel_name)


def _last_seq(room_id):
    return Room.objects.values_list("last_seq", flat=True).get(pk=room_id)


def _missing(room_id, after, until):
    events = events_with_objects(RoomEvent.objects.filter(room_id=room_id, seq__gt=after, seq__lte=until))
    return [live_message(event) for event in events]


async def join(consumer, layer, group, room_id):
    """Add ``consumer`` to the room's hub in this process, starting the hub if it is the first."""
    hubs = _hubs.setdefault(layer, {})
    hub = hubs.get(group)
    if hub is None:
        hub = hubs[group] = RoomHub(layer, group, room_id)
    hub.members.add(consumer)
    try:
        await asyncio.shield(hub.started)
    except BaseException:
        await leave(consumer, layer, group)
        raise
    return hub


async def leave(consumer, layer, group):
    hubs = _hubs.get(layer, {})
    hub = hubs.get(group)
    if hub is None or consumer not in hub.members:
        return
    hub.members.discard(consumer)
    if not hub.members:
        # Forget it first: a consumer joining meanwhile starts a new hub rather than this stopping one.
        del hubs[group]
        await hub.stop()
