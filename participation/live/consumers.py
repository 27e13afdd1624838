"""The websocket of a live room. Thin: it checks who is there, says hello, replays, and hands actions on.

What a frame does is in ``actions`` (each type, its fields, the service it calls); how events reach
the socket, exactly once and in order, is in ``delivery``. A connection holds the delivery lock from
its ``hello`` to the end of its replay: what the hub pushes meanwhile waits and is then sent only if
the replay did not already send it.

Nothing a client sends can kill the consumer: frames are checked by ``frames``, any failure is an
error frame, and leaving the hub happens in a ``finally`` around the whole connection.
"""

import asyncio
import json
import logging
from collections import Counter, deque

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.layers import get_channel_layer
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from . import attendance, fanout, frames, poll_batches, polls_services, queries
from . import rules as live_rules
from . import services
from .actions import ACTIONS, SENDS, ActionsMixin
from .conf import live_setting
from .dbthreads import connecting, reading, writing
from .delivery import DeliveryMixin
from .writer import Pending, busy_refusal, writer_of
from .models import Room
from .protocol import room_data
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_MANY = 4429
CLOSE_TRY_AGAIN_LATER = 1013

# Open websockets per client address in this process.
_connections = Counter()
logger = logging.getLogger(__name__)


def _room_id(slug):
    return Room.objects.filter(event__slug=slug).values_list("pk", flat=True).first()


def _unavailable():
    return _("The live room is unavailable at the moment: it reconnects by itself as soon as it can.")


class RoomConsumer(ActionsMixin, DeliveryMixin, AsyncWebsocketConsumer):
    # No channel of its own: the room's hub brings its events (and with Redis down, connecting
    # must not fail before the consumer can say so).
    channel_layer_alias = None
    room_id = None
    sees_all_results = False
    user_id = None
    hub = None
    address = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Frames pushed by the hub wait here; the lock keeps replays and live frames in seq order.
        self._inbox = []
        self._delivery = asyncio.Lock()
        # Sends handed to the room's writer, answered in the order they came: (ref, client_id, future).
        self._unacked = deque()
        self._answering = None

    async def dispatch(self, message):
        """Channels' own, without its ``aclose_old_connections()`` before every message: that hop goes
        through Channels' single database thread, where a reconnection storm's authentications queue,
        so that every frame of the room — every send — waited behind them. This consumer's database
        calls close their own connections (``dbthreads``: ``DatabaseSyncToAsync``)."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def __call__(self, scope, receive, send):
        try:
            await super().__call__(scope, receive, send)
        finally:
            await self._leave()

    async def connect(self):
        self.user = self.scope.get("user") or AnonymousUser()
        slug = self.scope["url_route"]["kwargs"]["slug"]
        # The reads of a connection queue behind those of the others being set up in this process
        # (``connecting``): a reconnection storm waits behind itself, not in front of the room's writes.
        async with connecting():
            room_id = await reading(_room_id)(slug)
        if room_id is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if not self._admit(self._address()):
            await self._refuse("too_many", _("Too many connections from your address."), CLOSE_TOO_MANY)
            return
        room = await self._join_and_greet(room_id)
        if room is None:
            return
        # After the replay, outside the lock: presence is recorded without holding anything up, and
        # a failure to record it does not cut the connection.
        try:
            await reading(attendance.attended)(room, self.user_id)
        except Exception:
            logger.warning("Live room %s: attendance not recorded", room.pk, exc_info=True)

    async def _join_and_greet(self, room_id):
        """Join the hub, read the room and the rights once, say hello, replay: the room, or None if refused."""
        try:
            after, bad_after = frames.query_after(self.scope), None
        except frames.BadFrame as bad:
            after, bad_after = None, bad
        # Held from hello to the end of the replay: live events pushed meanwhile wait, then go out
        # only if the replay did not send them.
        async with self._delivery:
            try:
                # Join before reading last_seq: an event committed in between is pushed, and waits for the lock.
                self.hub = await fanout.join(self, get_channel_layer(), Room(pk=room_id).group_name, room_id)
            except Exception:
                logger.warning("Live room %s: channel layer unreachable", room_id, exc_info=True)
                await self._refuse("unavailable", _unavailable(), CLOSE_TRY_AGAIN_LATER)
                return None
            # The room, the rights and the hello as of that last_seq, read together (once): a change
            # made while joining is counted in last_seq, so it is never sent, and the hello must show it.
            async with connecting():
                room, hello = await reading(self._load)(room_id)
            if room is None or not self.can_follow:
                # Refused: nothing the hub pushed meanwhile is sent (the socket was never accepted).
                await self._leave()
                self._inbox.clear()
                await self.close(code=CLOSE_NOT_FOUND if room is None else CLOSE_FORBIDDEN)
                return None
            self.room_id = room.pk
            self.last_sent = room.last_seq
            await self.accept()
            hello["presence"] = self.hub.presence()
            await self._send(hello)
            if bad_after is not None:
                await self._error(bad_after.code, bad_after.detail)
            elif after is not None:
                await self._replay_from(after)
        return room

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

    def _load(self, room_id):
        """On a read thread: the room, the connection's rights in it (``rules.room_rights``, each read
        once) and its hello frame (without presence, the hub's), or ``(None, None)``."""
        room = Room.objects.select_related("event").filter(pk=room_id).first()
        if room is None:
            return None, None
        user = self.user
        self.user_id = user.pk
        for name, value in live_rules.room_rights(user, room).items():
            setattr(self, name, value)
        if not self.can_follow:
            return room, None
        # A projection page (screen=1) is seen by the whole room: poll results as the public sees them,
        # even when a facilitator's browser shows it.
        self.sees_all_results = self.can_facilitate and b"screen=1" not in self.scope.get("query_string", b"").split(b"&")
        _, poll, answer = polls_services.current_poll_view(room, user, self.sees_all_results)
        return room, {
            "type": "hello",
            "room": room_data(room),
            "you": {
                "id": self.user_id,
                "can_write": self.can_write,
                "can_vote": self.can_vote,
                "can_facilitate": self.can_facilitate,
                "can_hide": self.can_hide,
                # The questions this person has upvoted: the page shows « Soutenue » on them.
                "voted": sorted(queries.voted_question_ids(room, user)),
                # Their answer to the current poll ({"options", "scale", "text"}), to show it chosen.
                "poll_answer": answer,
            },
            "poll": poll,
        }

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
        if method in SENDS:
            self._submit(method, values, ref)
            return
        try:
            if method == "answer_poll":  # a room's answers are written together (poll_batches)
                result = await poll_batches.answer(self, values)
            else:
                result = await writing(self._act)(method, values)
        except services.Refused as refusal:
            await self._error(refusal.code, refusal.message, ref, refusal.retry_after)
            return
        await self._ack(ref, values, result)

    def _submit(self, method, values, ref):
        """Hand a message or question to the room's writer and go on reading frames: its answer comes
        when its batch is saved, in the order of the sends. Past ``MAX_UNACKED`` sends waiting on this
        connection, or a full room queue, the send is answered ``busy`` (in its turn), never dropped."""
        if len(self._unacked) >= live_setting("MAX_UNACKED"):
            future = asyncio.get_running_loop().create_future()
            future.set_result(busy_refusal())
        else:
            kind = "message" if method == "send_message" else "question"
            pending = Pending(self, kind, values.get("body"), values.get("client_id"), self._address())
            future = writer_of(self.room_id).submit(pending)
        self._unacked.append((ref, values, future))
        if self._answering is None or self._answering.done():
            self._answering = asyncio.ensure_future(self._answer_sends())

    async def _answer_sends(self):
        while self._unacked:
            ref, values, future = self._unacked[0]
            result = await future
            try:
                if result is None:
                    await self._error("unavailable", _unavailable(), ref)
                elif isinstance(result, services.Refused):
                    await self._error(result.code, result.message, ref, result.retry_after)
                else:
                    await self._ack(ref, values, result)
            except Exception:
                # The socket closed: what was saved stays saved; the client resends with its key.
                logger.debug("Live room %s: answer not sent", self.room_id, exc_info=True)
            self._unacked.popleft()

    async def _ack(self, ref, values, result):
        ack = {"type": "ack", "ref": ref, "id": getattr(result, "pk", None)}
        if values.get("client_id") is not None:
            ack["client_id"] = str(values["client_id"])
            ack["already_saved"] = getattr(result, "already_saved", False)
        if hasattr(result, "changed"):
            ack["changed"] = result.changed  # a poll answer that replaced the person's earlier one
        await self._send(ack)
