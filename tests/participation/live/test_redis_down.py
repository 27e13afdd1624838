"""With the channel layer's Redis unreachable, the room says it is unavailable, saves nothing halfway,
and works again once Redis is back. The test runs its own redis-server on a free port."""

import shutil
import socket
import subprocess
import time

import pytest
from asgiref.sync import sync_to_async
from django.core.cache import cache

from participation.live.models import Message

from .factories import RoomFactory
from .wsclient import LiveClient

pytestmark = [
    pytest.mark.asyncio,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server on PATH"),
]

UNAVAILABLE = "Le direct est momentanément indisponible : il se reconnecte de lui-même dès que possible."


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = _free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server(settings):
    server = RedisServer()
    server.start()
    url = f"redis://127.0.0.1:{server.port}/0"
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer", "CONFIG": {"hosts": [url]}}}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    yield server
    # The suite's own clean-up clears the cache: give it back one that is there.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "live-tests"}}
    if server.process.poll() is None:
        server.stop()


# The refused write depends on the site's per-address limit reading the cache; a host without it saves
# the message and acknowledges it, the broadcast following with the next event (docs/live.md).
@pytest.mark.needs_apps("lapartcitoyenne")
async def test_without_redis_the_room_says_it_is_unavailable_and_recovers(redis_server, room, citizen):
    writer = await LiveClient.open(room.event.slug, citizen)
    assert (await writer.act(type="message.send", body="avant la panne"))["type"] == "ack"

    redis_server.stop()
    # A write: refused with the reason, and nothing saved.
    reply = await writer.act(type="message.send", body="pendant la panne", ref="r2")
    assert reply["code"] == "unavailable" and reply["detail"] == UNAVAILABLE
    assert await sync_to_async(Message.objects.filter(room=room).count)() == 1
    # A room nobody in this process follows yet cannot join its group: told why, then closed.
    other = await sync_to_async(RoomFactory)()
    late = await LiveClient.open(other.event.slug, expect_hello=False)
    assert await late.receive() == {"type": "error", "code": "unavailable", "detail": UNAVAILABLE, "ref": None, "retry_after": None}
    assert (await late.communicator.receive_output())["code"] == 1013

    redis_server.start()  # same port: the browser's next attempt gets through
    back = await LiveClient.open(other.event.slug, citizen)
    assert back.hello["type"] == "hello"
    assert (await back.act(type="message.send", body="après la panne"))["type"] == "ack"
    assert await sync_to_async(Message.objects.filter(room=other).count)() == 1
    await back.close()
    await writer.close()


async def test_the_room_page_is_shown_without_redis(redis_server, room, client):
    redis_server.stop()
    response = await sync_to_async(client.get)(room.get_absolute_url())
    assert response.status_code == 200
    assert "0 personne connectée" in response.content.decode()
    with pytest.raises(Exception):
        cache.get("anything")
