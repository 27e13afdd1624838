"""The session and user of a websocket, without wrapping every frame the server sends.

Channels' ``SessionMiddleware`` wraps ``send`` so that it can save the session when an HTTP
response starts. A websocket never starts one, yet the wrapper still runs, reading the lazy
session's state, for every frame: with a thousand clients in a live room that was a fifth of the
cost of a delivery. Websockets here only read the session (who is there, is the session still
valid), so this stack loads it and leaves ``send`` alone.

Use ``WebsocketAuthMiddlewareStack`` where Channels' ``AuthMiddlewareStack`` would go, for websockets only.
"""

from importlib import import_module

from channels.auth import AuthMiddleware
from channels.sessions import CookieMiddleware
from django.conf import settings


class ReadOnlySessionMiddleware:
    """Puts the request's session in ``scope["session"]``; never saves it."""

    def __init__(self, inner):
        self.inner = inner
        self.session_store = import_module(settings.SESSION_ENGINE).SessionStore

    async def __call__(self, scope, receive, send):
        if "cookies" not in scope:
            raise ValueError("ReadOnlySessionMiddleware needs CookieMiddleware above it.")
        # The store reads nothing until it is used.
        session = self.session_store(scope["cookies"].get(settings.SESSION_COOKIE_NAME))
        return await self.inner({**scope, "session": session}, receive, send)


def WebsocketAuthMiddlewareStack(inner):  # noqa: N802 - named like Channels' AuthMiddlewareStack
    return CookieMiddleware(ReadOnlySessionMiddleware(AuthMiddleware(inner)))
