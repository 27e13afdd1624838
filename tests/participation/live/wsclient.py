"""A websocket test client speaking to the whole ASGI application: origin check, session cookie, routing."""

import json

from asgiref.sync import sync_to_async
from channels.routing import get_default_application
from channels.testing import WebsocketCommunicator
from django.test import Client


def _session_cookie(user):
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


class LiveClient:
    def __init__(self, communicator):
        self.communicator = communicator
        self.hello = None
        self.unread = []

    @classmethod
    async def open(cls, slug, user=None, after=None, origin="http://testserver", expect_hello=True, address=None, query=None):
        headers = [(b"origin", origin.encode()), (b"host", b"testserver")]
        cookie = None
        if user is not None:
            cookie = await sync_to_async(_session_cookie)(user)
            headers.append((b"cookie", f"sessionid={cookie}".encode()))
        path = f"/ws/live/{slug}/" + (f"?after={after}" if after is not None else "")
        if query:
            path += ("&" if "?" in path else "?") + query
        communicator = WebsocketCommunicator(get_default_application(), path, headers=headers)
        if address is not None:  # the application reads the scope when the loop first runs it
            communicator.scope["client"] = (address, 50000)
        client = cls(communicator)
        client.session_key = cookie
        client.connected, client.close_code = await client.communicator.connect()
        if client.connected and expect_hello:
            client.hello = await client.receive()
            assert client.hello["type"] == "hello"
        return client

    async def send(self, **frame):
        await self.communicator.send_to(text_data=json.dumps(frame))

    async def receive_raw(self, timeout=10, skip_presence=False):
        """The next websocket frame as sent, a ``batch`` left whole."""
        while True:
            frame = json.loads(await self.communicator.receive_from(timeout=timeout))
            if not (skip_presence and frame["type"] == "presence"):
                return frame

    async def receive(self, timeout=10, skip_presence=True):
        """The next frame, as the bundled client reads them: a ``batch`` gives its frames one by one."""
        while True:
            if not self.unread:
                frame = await self.receive_raw(timeout=timeout)
                self.unread.extend(frame["frames"] if frame["type"] == "batch" else [frame])
            frame = self.unread.pop(0)
            if not (skip_presence and frame["type"] == "presence"):
                return frame

    async def receive_type(self, kind, timeout=10):
        frame = await self.receive(timeout=timeout)
        assert frame["type"] == kind, frame
        return frame

    async def receive_type_skipping_events(self, kind=None, timeout=10):
        """The next answer (``ack`` or ``error``, of ``kind`` if given), the room's events before it skipped."""
        while True:
            frame = await self.receive(timeout=timeout)
            if frame["type"] in ("ack", "error"):
                assert kind is None or frame["type"] == kind, frame
                return frame

    async def nothing(self, timeout=0.2):
        """True when no frame other than presence arrives within the timeout."""
        if any(frame["type"] != "presence" for frame in self.unread):
            return False
        self.unread.clear()
        while not await self.communicator.receive_nothing(timeout=timeout):
            frame = await self.receive_raw()
            frames = frame["frames"] if frame["type"] == "batch" else [frame]
            if any(f["type"] != "presence" for f in frames):
                return False
        return True

    async def act(self, timeout=10, **frame):
        """Send a frame and return the server's answer to it (ack or error); events before it are kept."""
        frame.setdefault("ref", "r1")
        await self.send(**frame)
        events = []
        while True:
            reply = await self.receive(timeout=timeout)
            if reply["type"] in ("ack", "error") and reply.get("ref") == frame["ref"]:
                self.pending = events
                return reply
            events.append(reply)

    async def close(self):
        await self.communicator.disconnect()
