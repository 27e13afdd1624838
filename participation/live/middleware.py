"""The session and user of a websocket, without wrapping every frame the server sends.

Channels' ``SessionMiddleware`` wraps ``send`` so that it can save the session when an HTTP
response starts. A websocket never starts one, yet the wrapper still runs, reading the lazy
session's state, for every frame: with a thousand clients in a live room that was a fifth of the
cost of a delivery. Websockets here only read the session (who is there, is the session still
valid), so this stack loads it and leaves ``send`` alone.

Use ``WebsocketAuthMiddlewareStack`` where Channels' ``AuthMiddlewareStack`` would go, for websockets only,
behind ``SameOriginValidator`` (where Channels' ``AllowedHostsOriginValidator`` would go).
"""

from importlib import import_module
from urllib.parse import urlsplit

from channels.auth import AuthMiddleware, get_user
from channels.security.websocket import WebsocketDenier
from channels.sessions import CookieMiddleware
from django.conf import settings
from django.http.request import split_domain_port, validate_host

from .dbthreads import connecting, reading

DEFAULT_PORTS = {"http": "80", "https": "443"}


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


class InTurnAuthMiddleware(AuthMiddleware):
    """Channels' ``AuthMiddleware`` reading the session and the user on the live rooms' read threads,
    in turn with the other connections being set up (``dbthreads.connecting``): on Channels' single
    database thread, a hundred reconnections' authentications queued there, outside any bound."""

    async def resolve_scope(self, scope):
        async with connecting():
            scope["user"]._wrapped = await reading(get_user.func)(scope)


def WebsocketAuthMiddlewareStack(inner):  # noqa: N802 - named like Channels' AuthMiddlewareStack
    return CookieMiddleware(ReadOnlySessionMiddleware(InTurnAuthMiddleware(inner)))


def _without_default_port(netloc, scheme):
    domain, port = split_domain_port(netloc)
    return domain if port in ("", DEFAULT_PORTS[scheme]) else f"{domain}:{port}"


def same_origin(scope):
    """The page that opens the socket is the site it connects to: the Origin's host *and port* are
    the ``Host`` the browser asked for (Channels' own check ignores the port, so any other service on
    the same host could open sockets with the visitor's cookie), and the host is an allowed one.
    Origins listed in ``CSRF_TRUSTED_ORIGINS`` (exactly) are accepted too."""
    headers = dict(scope.get("headers", []))
    origin = headers.get(b"origin", b"").decode("latin-1")
    if origin and origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", []):
        return True
    try:
        parsed = urlsplit(origin)
    except ValueError:
        return False
    host = headers.get(b"host", b"").decode("latin-1").lower()
    if parsed.scheme not in DEFAULT_PORTS or not parsed.netloc or not host:
        return False
    origin_host = _without_default_port(parsed.netloc.lower(), parsed.scheme)
    if origin_host != _without_default_port(host, parsed.scheme):
        return False
    allowed = settings.ALLOWED_HOSTS or (["localhost", "127.0.0.1", "[::1]"] if settings.DEBUG else [])
    return validate_host(split_domain_port(origin_host)[0], allowed)


class SameOriginValidator:
    """Refuses the handshake (HTTP 403) of a websocket opened from another origin (``same_origin``)."""

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        if scope["type"] == "websocket" and not same_origin(scope):
            return await WebsocketDenier()(scope, receive, send)
        return await self.inner(scope, receive, send)
