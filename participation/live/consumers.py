"""The websocket of a live room. Thin: it checks who is there, replays, and hands actions to services.

Delivery is exactly once and in order: the consumer remembers the last sequence number it sent,
drops a live frame it already sent (it came in a replay), and fills a gap from the database
before sending a frame that arrived ahead of its predecessors. Sequence numbers are dense per
room, so a gap is always visible. Replays and live frames go out under one lock, and a connection
holds it from its ``hello`` to the end of its replay: what the hub pushes meanwhile waits and is
then sent only if the replay did not already send it.

Live events do not come through the consumer's own channel (it has none): the room's hub in this
process (``fanout``) pushes their pre-encoded text to ``push``; a short-lived task writes what is
waiting, several frames at once as one ``batch`` frame when the client has fallen behind.

Nothing a client sends can kill the consumer: frames are checked by ``frames``, any failure is an
error frame, and leaving the hub happens in a ``finally`` around the whole connection.
"""

import asyncio
import json
import logging
from collections import Counter

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from . import fanout, frames
from . import rules as live_rules
from . import services
from .conf import live_setting
from .models import Room, SanctionKind
from .protocol import audience, event_frame, may_receive, room_data

# Frames waiting for one slow client before they are dropped and replayed from the database instead.
MAX_PENDING = 200
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_MANY = 4429
CLOSE_TRY_AGAIN_LATER = 1013

_send_fields = {"body": frames.text, "client_id": frames.client_key}
_sanction_fields = {"user": frames.identifier, "minutes": frames.whole_number, "reason": frames.text}

# Client frame type -> the consumer method that performs it, and the fields it reads, each with its check.
ACTIONS = {
    "message.send": ("send_message", _send_fields),
    "question.ask": ("ask_question", _send_fields),
    "question.vote": ("vote", {"question": frames.identifier}),
    "message.approve": ("approve_message", {"message": frames.identifier}),
    "message.hide": ("hide_message", {"message": frames.identifier, "reason": frames.text}),
    "question.approve": ("approve_question", {"question": frames.identifier}),
    "question.hide": ("hide_question", {"question": frames.identifier, "reason": frames.text}),
    "question.answer": ("answer_question", {"question": frames.identifier}),
    "question.pin": ("pin_question", {"question": frames.optional_identifier}),
    "question.project": ("project_question", {"question": frames.optional_identifier}),
    "user.mute": ("mute_user", _sanction_fields),
    "user.ban": ("ban_user", _sanction_fields),
    "room.update": (
        "update_room",
        {"state": frames.text, "slow_mode_seconds": frames.whole_number, "premoderated": frames.flag},
    ),
}

# The actions that carry a client_id: services pace them, after recognising a resend.
SENDS = {"send_message", "ask_question"}

# Open websockets per client address in this process.
_connections = Counter()
logger = logging.getLogger(__name__)


def _unavailable():
    return _("The live room is unavailable at the moment: it reconnects by itself as soon as it can.")


class RoomConsumer(AsyncWebsocketConsumer):
    # No channel of its own: the room's hub brings its events (and with Redis down, connecting
    # must not fail before the consumer can say so).
    channel_layer_alias = None
    room_id = None
    hub = None
    address = None
    last_sent = 0
    _writer = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Frames pushed by the hub wait here; the lock keeps replays and live frames in seq order.
        self._inbox = []
        self._delivery = asyncio.Lock()

    async def __call__(self, scope, receive, send):
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self._leave()

    async def connect(self):
        self.user = self.scope.get("user") or AnonymousUser()
        self.user_id = await database_sync_to_async(lambda: self.user.pk)()
        slug = self.scope["url_route"]["kwargs"]["slug"]
        room = await database_sync_to_async(self._load_room)(event__slug=slug)
        if room is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if not self.can_follow:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if not self._admit(self._address()):
            await self._refuse("too_many", _("Too many connections from your address."), CLOSE_TOO_MANY)
            return
        self.room_id = room.pk
        try:
            after, bad_after = frames.query_after(self.scope), None
        except frames.BadFrame as bad:
            after, bad_after = None, bad
        # Held from hello to the end of the replay: live events pushed meanwhile wait, then go out
        # only if the replay did not send them.
        async with self._delivery:
            try:
                # Join before reading last_seq: an event committed in between is pushed, and waits for the lock.
                self.hub = await fanout.join(self, get_channel_layer(), room.group_name, room.pk)
            except Exception:
                logger.warning("Live room %s: channel layer unreachable", room.pk, exc_info=True)
                await self._refuse("unavailable", _unavailable(), CLOSE_TRY_AGAIN_LATER)
                return
            # The room and the rights as of that last_seq, read together: a change made while joining
            # is counted in last_seq, so it is never sent, and the hello must show it.
            room = await database_sync_to_async(self._load_room)(pk=room.pk)
            if room is None or not self.can_follow:
                await self.close(code=CLOSE_NOT_FOUND if room is None else CLOSE_FORBIDDEN)
                return
            self.last_sent = room.last_seq
            await self._hello(room)
            if bad_after is not None:
                await self._error(bad_after.code, bad_after.detail)
            elif after is not None:
                await self._replay_from(after)

    def _admit(self, address):
        if _connections[address] >= live_setting("MAX_CONNECTIONS_PER_ADDRESS"):
            return False
        _connections[address] += 1
        self.address = address
        return True

    async def _refuse(self, code, detail, close_code):
        """Accepted then closed, so that the browser can read why (a refused handshake says nothing)."""
        await self.accept()
        await self._error(code, detail)
        await self.close(code=close_code)

    async def _leave(self):
        """Everything the connection holds in the process, let go however it ended."""
        if self.address is not None:
            _connections[self.address] -= 1
            if _connections[self.address] <= 0:
                del _connections[self.address]
            self.address = None
        if self.hub is not None:
            hub, self.hub = self.hub, None
            await fanout.leave(self, hub)

    async def _hello(self, room):
        await self.accept()
        await self._send(
            {
                "type": "hello",
                "room": await database_sync_to_async(room_data)(room),
                "you": {
                    "id": self.user_id,
                    "can_write": self.can_write,
                    "can_vote": self.can_vote,
                    "can_facilitate": self.can_facilitate,
                    "can_hide": self.can_hide,
                },
                "presence": self.hub.presence(),
            }
        )

    def _load_room(self, **lookup):
        room = Room.objects.select_related("event").filter(**lookup).first()
        if room is not None:
            user = self.user
            self.can_follow = live_rules.can_follow(user, room)
            self.can_write = live_rules.can_write(user, room)
            self.can_vote = live_rules.can_vote(user, room)
            self.can_facilitate = live_rules.can_facilitate(user, room)
            self.can_hide = live_rules.can_hide(user, room)
        return room

    async def _send(self, payload):
        await self.send(text_data=json.dumps(payload, ensure_ascii=False))

    async def _error(self, code, detail, ref=None, retry_after=None):
        await self._send({"type": "error", "code": code, "detail": str(detail), "ref": ref, "retry_after": retry_after})

    # Incoming frames

    async def receive(self, text_data=None, bytes_data=None):
        ref = None
        try:
            frame = frames.decode(text_data, live_setting("MAX_FRAME_LENGTH"))
            ref = frames.ref(frame.get("ref"))
            await self._handle(frame, ref)
        except frames.BadFrame as bad:
            await self._error(bad.code, bad.detail, ref)
        except Exception:
            # The database or the cache (rate limits) failed: nothing was saved (a write is one
            # transaction, broadcast after its commit); the person is told and may try again.
            logger.exception("Live room %s: frame failed", self.room_id)
            await self._error("unavailable", _unavailable(), ref)

    async def _handle(self, frame, ref):
        kind = frame.get("type")
        if kind == "ping":
            await self._send({"type": "pong", "ref": ref})
            return
        if kind == "resume":
            await self.resume(frames.whole_number("after", frame.get("after")))
            return
        method, spec = ACTIONS.get(kind, (None, None)) if isinstance(kind, str) else (None, None)
        if method is None:
            await self._error("unknown_type", _("Unknown frame type."), ref)
            return
        values = frames.fields(frame, spec)
        try:
            result = await database_sync_to_async(self._act)(method, values)
        except services.Refused as refusal:
            await self._error(refusal.code, refusal.message, ref, refusal.retry_after)
            return
        ack = {"type": "ack", "ref": ref, "id": getattr(result, "pk", None)}
        if values.get("client_id") is not None:
            ack["client_id"] = str(values["client_id"])
            ack["already_saved"] = getattr(result, "already_saved", False)
        await self._send(ack)

    def _act(self, method, frame):
        user = self._current_user()
        # Facilitators are exempt from every rate limit, as in services. A send checks the address's
        # pace in services, once it knows the send is not a resend of one already saved.
        if not self.can_facilitate and method not in SENDS:
            services.check_address_pace(self._address())
        return getattr(self, method)(user, frame)

    def _address(self):
        return (self.scope.get("client") or ("",))[0]

    def _current_user(self):
        """The user as the database and the session see them now, not as they were at connect."""
        if not self.user.is_authenticated:
            return AnonymousUser()
        session = self.scope.get("session")
        key = getattr(session, "session_key", None)
        if not key or not session.exists(key):
            return AnonymousUser()
        user = get_user_model().objects.filter(pk=self.user.pk, is_active=True).first()
        return user or AnonymousUser()

    def send_message(self, user, frame):
        return services.post_message(
            self.room_id, user, frame.get("body"), client_id=frame.get("client_id"), address=self._address()
        )

    def ask_question(self, user, frame):
        return services.ask_question(
            self.room_id, user, frame.get("body"), client_id=frame.get("client_id"), address=self._address()
        )

    def vote(self, user, frame):
        return services.vote(self.room_id, user, frame.get("question"))

    def approve_message(self, user, frame):
        return services.moderate_message(self.room_id, user, frame.get("message"), approve=True)

    def hide_message(self, user, frame):
        return services.moderate_message(
            self.room_id, user, frame.get("message"), approve=False, reason=frame.get("reason")
        )

    def approve_question(self, user, frame):
        return services.moderate_question(self.room_id, user, frame.get("question"), "approve")

    def hide_question(self, user, frame):
        return services.moderate_question(
            self.room_id, user, frame.get("question"), "hide", reason=frame.get("reason")
        )

    def answer_question(self, user, frame):
        return services.moderate_question(self.room_id, user, frame.get("question"), "answer")

    def pin_question(self, user, frame):
        return services.feature_question(self.room_id, user, frame.get("question"), "pinned")

    def project_question(self, user, frame):
        return services.feature_question(self.room_id, user, frame.get("question"), "projected")

    def mute_user(self, user, frame):
        return services.sanction(
            self.room_id, user, frame.get("user"), SanctionKind.MUTE, frame.get("minutes"), frame.get("reason")
        )

    def ban_user(self, user, frame):
        return services.sanction(
            self.room_id, user, frame.get("user"), SanctionKind.BAN, frame.get("minutes"), frame.get("reason")
        )

    def update_room(self, user, frame):
        changes = {k: frame[k] for k in ("state", "slow_mode_seconds", "premoderated") if k in frame}
        if not changes:
            raise services.Refused("invalid", _("Nothing to change."))
        return services.update_room(self.room_id, user, **changes)

    # Replay and live delivery

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
        while True:
            frames = await database_sync_to_async(self._replay_frames)(self.last_sent, until)
            if not frames:
                return
            # A page of the replay (up to REPLAY_LIMIT events) in one frame: after a restart, every
            # client reconnects and replays at once.
            await self._send_text([frame for _, frame in frames if frame is not None])
            self.last_sent = frames[-1][0]

    def _replay_frames(self, after, until):
        user = self._current_user()
        frames = []
        room = Room.objects.select_related("event").get(pk=self.room_id)
        moderates = bool(user.is_authenticated and live_rules.can_hide(user, room))
        for event in services.replay(room, after, until=until):
            kind, user_id = audience(event)
            visible = may_receive(kind, user_id, user.pk, moderates)
            frames.append((event.seq, json.dumps(event_frame(event), ensure_ascii=False) if visible else None))
        return frames

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

