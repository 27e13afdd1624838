"""Replays shared between the clients of a room that reconnect at the same time.

After a restart or a network blip, a hundred clients reconnect within a second and each asks for
the events after its own last seq: read and encoded client by client, that was a query and fifty
``json.dumps`` per client, on the threads the process shares with its writes. Here a room's
replays in one process are read together, as its writes are (``writer``): a request waits for the
read in progress to end, then every request waiting is answered by one query per cluster of
nearby starting points, each event encoded once. Nothing waits for a timer.

A read always starts after the request that it answers was made (never an older read reused): the
client has joined the room's hub by then, so what is committed after the read reaches it live.

Each event comes with its audience (``protocol.audience``), and each client keeps what it may
receive, as it does for live events.
"""

import asyncio
import json
import logging

from .conf import live_setting
from .dbthreads import reading
from .models import RoomEvent
from .per_loop import room_object
from .protocol import audience, event_frame, events_with_objects

logger = logging.getLogger(__name__)


class Page:
    """Events after one ``after``: ``items`` ``(seq, audience kind, user id, frame text)`` in order;
    ``complete`` when nothing more was committed up to ``until`` (or up to now) at the time of the read."""

    __slots__ = ("items", "complete")

    def __init__(self, items, complete):
        self.items = items
        self.complete = complete


class RoomReplays:
    def __init__(self, room_id):
        self.room_id = room_id
        self.loop = asyncio.get_running_loop()
        self.waiting = []  # (after, until, future)
        self.task = None

    def page(self, after, until=None):
        """The future of the ``Page`` after ``after`` (at most ``REPLAY_LIMIT`` events)."""
        future = self.loop.create_future()
        self.waiting.append((after, until, future))
        if self.task is None or self.task.done():
            self.task = self.loop.create_task(self._run())
        return future

    async def _run(self):
        while self.waiting:
            batch, self.waiting = self.waiting, []
            try:
                pages = await reading(read_pages)(self.room_id, [(after, until) for after, until, _ in batch])
            except Exception as error:
                for _, _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_, _, future), page in zip(batch, pages):
                if not future.done():
                    future.set_result(page)


def clusters(requests, limit):
    """Indexes of ``requests`` ``(after, until)`` grouped so that one read answers each group: the same
    ``until``, starting points at most ``limit`` apart (a read covers the lowest one's page plus the gap)."""
    groups = []
    order = sorted(range(len(requests)), key=lambda i: (requests[i][1] is not None, requests[i][1] or 0, requests[i][0]))
    for index in order:
        after, until = requests[index]
        last = groups[-1] if groups else None
        if last is not None and last[0] == until and after - last[1] <= limit:
            last[2].append(index)
        else:
            groups.append([until, after, [index]])
    return [(until, low, indexes) for until, low, indexes in groups]


def read_pages(room_id, requests):
    """On a read thread: a ``Page`` per request ``(after, until)``, one query per cluster."""
    limit = live_setting("REPLAY_LIMIT")
    pages = [None] * len(requests)
    encoded = {}  # seq -> item: an event is encoded once, whatever the number of clusters it is in
    for until, low, indexes in clusters(requests, limit):
        high = max(requests[i][0] for i in indexes)
        # Sequence numbers are dense: with ``high - low`` more rows, the highest starting point
        # still gets a full page, so a read cut by its limit leaves every request a full page.
        fetch = limit + (high - low)
        events = RoomEvent.objects.filter(room_id=room_id, seq__gt=low)
        if until is not None:
            events = events.filter(seq__lte=until)
        rows = list(events_with_objects(events)[:fetch])
        items = []
        for event in rows:
            item = encoded.get(event.seq)
            if item is None:
                kind, user_id = audience(event)
                item = encoded[event.seq] = (event.seq, kind, user_id, json.dumps(event_frame(event), ensure_ascii=False))
            items.append(item)
        cut = len(rows) == fetch
        for i in indexes:
            after = requests[i][0]
            mine = [item for item in items if item[0] > after]
            page = mine[:limit]
            pages[i] = Page(page, complete=not cut and len(page) == len(mine))
    return pages


# room id -> its replays in this process (each test's event loop gets its own).
_replays = {}


def replays_of(room_id):
    return room_object(_replays, room_id, RoomReplays)
