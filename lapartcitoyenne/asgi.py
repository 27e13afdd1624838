import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapartcitoyenne.settings")

django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from participation.live.middleware import WebsocketAuthMiddlewareStack  # noqa: E402
from participation.live.routing import websocket_urlpatterns as live_websockets  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # Origin checked against ALLOWED_HOSTS, then the session cookie gives the user (read only:
        # websockets never save a session, and the stock stack wraps every frame sent to save it).
        "websocket": AllowedHostsOriginValidator(WebsocketAuthMiddlewareStack(URLRouter(live_websockets))),
    }
)
