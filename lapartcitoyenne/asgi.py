import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapartcitoyenne.settings")

django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from participation.live.middleware import SameOriginValidator, WebsocketAuthMiddlewareStack  # noqa: E402
from participation.live.routing import websocket_urlpatterns as live_websockets  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        # Origin (host and port) checked against the Host asked for and ALLOWED_HOSTS, then the session
        # cookie gives the user (read only: websockets never save a session, and the stock stack
        # wraps every frame sent to save it).
        "websocket": SameOriginValidator(WebsocketAuthMiddlewareStack(URLRouter(live_websockets))),
    }
)
