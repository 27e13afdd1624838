"""The live room's websocket with the XSS corpus: every frame carries the text as written and HTML
from the one render path only (the JS client puts ``html`` into the page as is)."""

import pytest
from asgiref.sync import sync_to_async

from tests.factories import UserFactory
from tests.participation.live.factories import RoomFactory
from tests.participation.live.wsclient import LiveClient

from . import poison
from .html_safety import fragment_problems
from .xss_corpus import BASE_VECTORS, PAYLOADS

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _in_memory_layer(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "participation.live.layers.InMemoryChannelLayer"}}


@sync_to_async
def poisoned_room():
    facilitator = UserFactory(display_name=BASE_VECTORS[3], roles=["facilitator"])
    room = RoomFactory()
    room.event.facilitators.add(facilitator)
    return room, facilitator


def check_frame(frame, body, author):
    item = frame["data"].get("message") or frame["data"].get("question")
    assert item["body"] == body
    assert item["author"]["name"] == author
    assert item["html"] and not fragment_problems(item["html"]), fragment_problems(item["html"])[:3]


async def test_frames_live_and_replayed():
    room, facilitator = await poisoned_room()
    slug = room.event.slug
    visitor = await LiveClient.open(slug)
    writer = await LiveClient.open(slug, facilitator)  # facilitators are not rate-limited
    texts = poison.short_chunks(PAYLOADS, poison.LIVE_MAX_LENGTH)
    sent = []
    for n, body in enumerate(texts):
        kind = "message.send" if n % 2 == 0 else "question.ask"
        assert (await writer.act(type=kind, body=body, ref=f"r{n}"))["type"] == "ack"
        frame = await visitor.receive()
        assert frame["type"] == ("message.created" if kind == "message.send" else "question.created")
        check_frame(frame, body, BASE_VECTORS[3])
        sent.append(body)
    # A newcomer gets the same frames replayed from the start.
    late = await LiveClient.open(slug, after=0)
    for body in sent:
        check_frame(await late.receive(), body, BASE_VECTORS[3])
    assert sum(len(body.split("\n\n")) for body in sent) == len(PAYLOADS)
    for client in (visitor, writer, late):
        await client.close()
