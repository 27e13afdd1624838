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

Presence is counted, never added up: each hub knows its own live connections (its members, which
a consumer leaves in a ``finally``, even when it crashes) and announces that number to the group
when it changes and every ``PRESENCE_REFRESH`` seconds. The room's count is the sum of the numbers
announced by the hubs heard from within the last ``3 × PRESENCE_REFRESH`` seconds, so a process
killed with its clients stops counting by itself, and a crashed socket never stays counted.

Poll results are coalesced here too: an answer marks its poll as changed (``live.poll``, from any
process); the hub reads the results once at most every ``POLL_FLUSH_INTERVAL`` seconds and hands
every client one ``poll.results`` frame for all the answers that came meanwhile.
"""

import asyncio
import json
import logging
import time
import uuid
import weakref

from django.core.cache import cache

from .conf import live_setting
from .dbthreads import reading
from .models import Room, RoomEvent
from .poll_results import results_frames
from .protocol import events_with_objects, live_message

# layer -> {group: RoomHub}; weak, so that a layer dropped by Channels (settings change) takes its hubs.
_hubs = weakref.WeakKeyDictionary()
logger = logging.getLogger(__name__)


def presence_key(room_id):
    """The cache key of the room's last known count, for the page shown before the websocket connects."""
    return f"live:presence:{room_id}"


def _presence_ttl():
    return 3 * live_setting("PRESENCE_REFRESH")


class RoomHub:
    def __init__(self, layer, group, room_id):
        self.layer = layer
        self.group = group
        self.room_id = room_id
        self.hub_id = uuid.uuid4().hex
        self.members = set()
        # The other processes' hubs of the room: hub id -> (their live connections, heard until).
        self.peers = {}
        self.shown_presence = None
        self.last_seq = 0
        self.channel_name = None
        self._announcing = None
        self.started = asyncio.ensure_future(self._start())
        self.task = None
        self.refresh = None
        self.stopping = None
        self.changed_polls = set()
        self._poll_flush = None

    async def _start(self):
        self.channel_name = await self.layer.new_channel()
        # Join before reading last_seq: an event committed in between comes through the group.
        await self.layer.group_add(self.group, self.channel_name)
        self.last_seq = await reading(_last_seq)(self.room_id)
        self.task = asyncio.ensure_future(self._run())
        self.refresh = asyncio.ensure_future(self._refresh())
        # The other processes answer with their own counts.
        await self._announce(ask=True)

    def presence(self):
        now = time.monotonic()
        self.peers = {hub: heard for hub, heard in self.peers.items() if heard[1] > now}
        return len(self.members) + sum(count for count, _ in self.peers.values())

    def members_changed(self):
        """Announce the new count soon: arrivals within PRESENCE_INTERVAL make one announcement."""
        if self._announcing is None or self._announcing.done():
            self._announcing = asyncio.ensure_future(self._announce_later())

    async def _announce_later(self):
        await asyncio.sleep(live_setting("PRESENCE_INTERVAL"))
        # A change from now on schedules its own announcement: this one has counted already.
        self._announcing = None
        await self._announce()

    async def _refresh(self):
        while True:
            await asyncio.sleep(live_setting("PRESENCE_REFRESH"))
            await self._announce()

    async def _announce(self, ask=False):
        self._show_presence()
        message = {"type": "live.presence", "hub": self.hub_id, "count": len(self.members), "ask": ask}
        try:
            await self.layer.group_send(self.group, message)
            await cache.aset(presence_key(self.room_id), self.presence(), _presence_ttl())
        except Exception:
            # The next refresh announces it again; meanwhile each process shows what it knows.
            logger.warning("Live room %s: presence not announced", self.room_id, exc_info=True)

    def _heard(self, message):
        hub = message.get("hub")
        if hub is None or hub == self.hub_id:
            return
        if message["count"]:
            self.peers[hub] = (message["count"], time.monotonic() + _presence_ttl())
        else:
            self.peers.pop(hub, None)
        if message.get("ask"):
            self.members_changed()
        self._show_presence()

    def _show_presence(self):
        count = self.presence()
        if count != self.shown_presence:
            self.shown_presence = count
            self._push([json.dumps({"type": "presence", "count": count})])

    async def _run(self):
        while True:
            message = await self.layer.receive(self.channel_name)
            try:
                kind = message.get("type")
                if kind == "live.event":
                    await self._events([message])
                elif kind == "live.events":
                    await self._events(message["events"])
                elif kind == "live.presence":
                    self._heard(message)
                elif kind == "live.poll":
                    self.poll_changed(message["poll"])
            except Exception:
                # One bad event must not leave the room deaf in this process; the next one fills the gap.
                logger.exception("Live room %s: could not deliver %r", self.room_id, message.get("seq"))

    async def _events(self, messages):
        """Events of one broadcast (one, or a writer's batch: ``live.events``), handed to every client
        at once, so that each writes them as one frame."""
        ready = []
        for message in messages:
            seq = message["seq"]
            if seq <= self.last_seq:
                continue  # already delivered, through a gap filled from the database
            if seq > self.last_seq + 1:
                ready += await reading(_missing)(self.room_id, self.last_seq, seq - 1)
            ready.append(message)
            self.last_seq = seq
        if ready:
            self._push(ready)

    def poll_changed(self, poll_id):
        """Results of ``poll_id`` changed: flushed with every other change within the interval."""
        self.changed_polls.add(poll_id)
        interval = live_setting("POLL_FLUSH_INTERVAL")
        if interval is not None and (self._poll_flush is None or self._poll_flush.done()):
            self._poll_flush = asyncio.ensure_future(self._flush_later(interval))

    async def _flush_later(self, interval):
        await asyncio.sleep(interval)
        # A change from now on schedules the next flush: this one reads the results as they are.
        self._poll_flush = None
        await self.flush_polls()

    async def flush_polls(self):
        """One ``poll.results`` frame per changed poll to each client: the full results for those who
        run the room, the number of answers only for the others while the results are hidden."""
        changed, self.changed_polls = self.changed_polls, set()
        for poll_id in sorted(changed):
            try:
                public, full = await reading(results_frames)(poll_id)
            except Exception:
                logger.warning("Live room %s: poll %s results not read", self.room_id, poll_id, exc_info=True)
                continue
            if public is None:
                continue
            for consumer in tuple(self.members):
                consumer.push([full if consumer.sees_all_results else public])

    def _push(self, items):
        for consumer in tuple(self.members):
            consumer.push(items)

    async def stop(self):
        for task in (self.task, self.refresh, self._announcing, self._poll_flush):
            if task is not None:
                task.cancel()
        if self.channel_name is not None:
            await self._announce()  # 0: the other processes stop counting this one at once
            await self.layer.group_discard(self.group, self.channel_name)


def _last_seq(room_id):
    return Room.objects.values_list("last_seq", flat=True).get(pk=room_id)


def _missing(room_id, after, until):
    events = events_with_objects(RoomEvent.objects.filter(room_id=room_id, seq__gt=after, seq__lte=until))
    return [live_message(event) for event in events]


def hub_of(layer, group):
    """The room's hub in this process, if a client is connected (tests drive its flush)."""
    return _hubs.get(layer, {}).get(group)


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
        await leave(consumer, hub)
        raise
    hub.members_changed()
    return hub


async def leave(consumer, hub):
    """Remove ``consumer`` from ``hub`` (at once, before any await: a cancelled cleanup still does it)."""
    if consumer not in hub.members:
        return
    hub.members.discard(consumer)
    if hub.members:
        hub.members_changed()
        return
    hubs = _hubs.get(hub.layer, {})
    if hubs.get(hub.group) is hub:
        # Forget it first: a consumer joining meanwhile starts a new hub rather than this stopping one.
        del hubs[hub.group]
    if not hub.started.done():
        # Left while the hub was still starting (a connection cancelled at shutdown): stop it once started.
        hub.started.add_done_callback(lambda started: _stop_if_started(hub, started))
    elif _stop_if_started(hub, hub.started):
        await hub.stopping


def _stop_if_started(hub, started):
    if started.cancelled() or started.exception() is not None:
        return False
    hub.stopping = asyncio.ensure_future(hub.stop())
    return True
