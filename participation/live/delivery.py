"""How a room's events reach one websocket: exactly once and in order, replays and live frames alike.

The consumer remembers the last sequence number it sent, drops a live frame it already sent (it
came in a replay), and fills a gap from the database before sending a frame that arrived ahead of
its predecessors. Sequence numbers are dense per room, so a gap is always visible. Replays and live
frames go out under one lock (``_delivery``).

Live events do not come through the consumer's own channel (it has none): the room's hub in this
process (``fanout``) pushes their pre-encoded text to ``push``; a short-lived task writes what is
waiting, several frames at once as one ``batch`` frame when the client has fallen behind.

Replays are read with those of the room's other clients (``replays``) and filtered as live frames
are: by the rights the connection had when it connected (``can_hide``, its own ``user_id``).
"""

import asyncio
import logging

from .protocol import may_receive
from .replays import replays_of

# Frames waiting for one slow client before they are dropped and replayed from the database instead.
MAX_PENDING = 200
logger = logging.getLogger(__name__)


class DeliveryMixin:
    """Needs ``room_id``, ``user_id``, ``can_hide``, ``_send()`` and the
    ``_inbox``/``_delivery``/``_writer`` the consumer sets up."""

    last_sent = 0
    _writer = None

    async def resume(self, after):
        """Send every event after ``after`` from the database, then go on live from there."""
        async with self._delivery:
            await self._replay_from(after)

    async def _replay_from(self, after):
        """Under the delivery lock. ``after`` beyond what this connection sent is taken as that: a
        client cannot make the server skip events it has not sent."""
        self.last_sent = min(after, self.last_sent)
        await self._catch_up(until=None)
        await self._send({"type": "resumed", "last_seq": self.last_sent})

    async def _catch_up(self, until):
        replays = replays_of(self.room_id)
        while True:
            # Read with the other clients of the room replaying at the same time (``replays``), each
            # event encoded once; this connection keeps what it may receive, as for live events.
            page = await replays.page(self.last_sent, until)
            if not page.items:
                return
            # A page of the replay (up to REPLAY_LIMIT events) in one frame: after a restart, every
            # client reconnects and replays at once.
            await self._send_text([
                frame for _, kind, user_id, frame in page.items if may_receive(kind, user_id, self.user_id, self.can_hide)
            ])
            self.last_sent = page.items[-1][0]
            if page.complete:
                # The last page: what is committed after it comes live, through the hub (and the
                # inbox, held under the delivery lock); another query would cost each reconnection.
                return

    def push(self, items):
        """Called by the room's hub with live events (layer messages) or presence frames (text) ready at once."""
        self._inbox.extend(items)
        if len(self._inbox) > MAX_PENDING:
            # A client that stopped reading must not hold the room's events in memory: keep only the
            # newest event, whose seq shows the gap, filled from the database when the client drains,
            # and the newest head count (text frames are presence counts), which nothing would repeat.
            counts = [item for item in self._inbox if isinstance(item, str)]
            events = [item for item in self._inbox if not isinstance(item, str)]
            self._inbox = counts[-1:] + events[-1:]
        if self._writer is None or self._writer.done():
            # Started eagerly: when the server takes the frame at once (nothing to wait for), it is
            # written right here, without a trip through the event loop per client. A writer that
            # has to wait (a replay holds the lock, a full socket buffer) becomes an ordinary task,
            # and what arrives meanwhile goes out with it in one batch.
            self._writer = asyncio.Task(self._write_pending(), loop=asyncio.get_running_loop(), eager_start=True)

    async def _write_pending(self):
        try:
            async with self._delivery:
                while self._inbox:
                    items, self._inbox = self._inbox, []
                    await self._send_text(await self._frames(items))
        except Exception:
            # Nobody awaits this task: the socket closed under it, or a replay failed; the client
            # resumes from its last seq when it reconnects.
            logger.debug("Live room %s: delivery stopped", self.room_id, exc_info=True)

    async def _frames(self, items):
        frames = []
        for item in items:
            if isinstance(item, str):
                frames.append(item)
                continue
            seq = item["seq"]
            if seq <= self.last_sent:
                continue
            if seq > self.last_sent + 1:
                await self._send_text(frames)
                frames = []
                await self._catch_up(until=seq - 1)
            if may_receive(item["audience"], item["user_id"], self.user_id, self.can_hide):
                frames.append(item["frame"])
            self.last_sent = seq
        return frames

    async def _send_text(self, frames):
        """One frame as it is; several as one ``batch`` frame, joined without decoding them again."""
        if len(frames) == 1:
            await self.send(text_data=frames[0])
        elif frames:
            await self.send(text_data='{"type": "batch", "frames": [' + ", ".join(frames) + "]}")

