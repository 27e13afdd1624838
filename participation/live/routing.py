"""The live rooms' websocket route, and the whole websocket application a host mounts in its asgi.py."""

from channels.routing import URLRouter
from django.urls import path

from .consumers import RoomConsumer
from .middleware import SameOriginValidator, WebsocketAuthMiddlewareStack

websocket_urlpatterns = [
    path("ws/live/<slug:slug>/", RoomConsumer.as_asgi()),
]


def websocket_application():
    """Origin (host and port) checked against the Host asked for and ALLOWED_HOSTS, then the session
    cookie gives the user (read only: websockets never save a session, and the stock stack wraps
    every frame sent to save it)."""
    return SameOriginValidator(WebsocketAuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
