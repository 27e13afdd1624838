"""Whatever a client sends, the consumer answers with a frame and lives on; and when a consumer dies all
the same, it leaves nothing behind: not in the room's hub, not in the presence count."""

import json

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer

from participation.live import consumers, fanout
from participation.live.models import Message

from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def still_alive(client):
    await client.send(type="ping", ref="vivant")
    assert await client.receive() == {"type": "pong", "ref": "vivant"}


@pytest.mark.parametrize("after", ["%C2%B2", "²", "9" * 5000, "-1", "", "1e3", "0x10", "9223372036854775808"])
async def test_a_bad_after_in_the_address_is_an_error_frame_then_the_room_goes_on(room, citizen, after):
    client = await LiveClient.open(room.event.slug, after=after)
    assert client.connected and client.hello["type"] == "hello"
    error = await client.receive()
    assert error["type"] == "error" and error["code"] == "bad_frame"
    assert error["detail"] == "« after » doit être un nombre entier."
    await still_alive(client)
    writer = await LiveClient.open(room.event.slug, citizen)
    await writer.act(type="message.send", body="toujours là")
    assert (await client.receive())["data"]["message"]["body"] == "toujours là"
    await writer.close()
    await client.close()


HOSTILE_FRAMES = [
    ('{"type": ["x"]}', "unknown_type"),
    ('{"type": {"a": 1}}', "unknown_type"),
    ("[" * 5000 + "]" * 5000, "bad_frame"),
    ('{"type": "message.send", "body": "\\ud800"}', "bad_frame"),
    ('{"type": "message.send", "body": "avant\\u0000après"}', "bad_frame"),
    ('{"type": "message.send", "body": ["liste"]}', "bad_frame"),
    ('{"type": "message.send", "body": "Bonjour", "client_id": "pas-un-uuid"}', "bad_frame"),
    ('{"type": "question.vote", "question": Infinity}', "bad_frame"),
    ('{"type": "question.vote", "question": NaN}', "bad_frame"),
    ('{"type": "question.vote", "question": 1e400}', "bad_frame"),
    ('{"type": "question.vote", "question": 100000000000000000000000000000}', "bad_frame"),
    ('{"type": "question.vote", "question": true}', "bad_frame"),
    ('{"type": "question.vote", "question": "12"}', "bad_frame"),
    ('{"type": "user.mute", "user": 1, "minutes": Infinity}', "bad_frame"),
    ('{"type": "message.hide", "message": 1, "reason": "\\u0000"}', "bad_frame"),
    ('{"type": "room.update", "slow_mode_seconds": -Infinity}', "bad_frame"),
    ('{"type": "room.update", "premoderated": "oui"}', "bad_frame"),
    ('{"type": "resume", "after": 1.5}', "bad_frame"),
    ('{"type": "resume", "after": 99999999999999999999999}', "bad_frame"),
    ("x" * 20000, "too_large"),
    ('"juste une chaîne"', "bad_frame"),
]


@pytest.mark.parametrize(("text", "code"), HOSTILE_FRAMES)
async def test_a_hostile_frame_is_an_error_frame_and_nothing_is_saved(room, facilitator, text, code):
    client = await LiveClient.open(room.event.slug, facilitator)
    await client.communicator.send_to(text_data=text)
    error = await client.receive()
    assert error["type"] == "error" and error["code"] == code, error
    assert error["detail"]
    await still_alive(client)
    assert await sync_to_async(Message.objects.count)() == 0
    assert (await client.act(type="message.send", body="Et pourtant tout marche"))["type"] == "ack"
    await client.close()


async def test_a_100000_deep_array_is_refused_even_under_a_larger_frame_limit(room, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "LIVE": {**settings.PARTICIPATION["LIVE"], "MAX_FRAME_LENGTH": 300_000}}
    client = await LiveClient.open(room.event.slug)
    await client.communicator.send_to(text_data="[" * 100_000 + "]" * 100_000)
    assert (await client.receive())["code"] == "bad_frame"
    await still_alive(client)
    await client.close()


async def test_a_binary_frame_or_an_unusable_ref_gets_an_answer(room):
    client = await LiveClient.open(room.event.slug)
    await client.communicator.send_to(bytes_data=b"\x00\xff")
    assert (await client.receive())["code"] == "bad_frame"
    for ref in ['"\\udfff"', "1e400", '"' + "r" * 200 + '"', "[1]"]:
        await client.communicator.send_to(text_data='{"type": "ping", "ref": %s}' % ref)
        assert await client.receive() == {"type": "pong", "ref": None}
    await client.close()


async def presence_seen(client, count):
    frame = await client.receive(skip_presence=False)
    while frame["type"] != "presence" or frame["count"] != count:
        frame = await client.receive(skip_presence=False)
    return frame


async def test_a_consumer_that_crashes_leaves_the_hub_and_the_presence_count(room, monkeypatch):
    watcher = await LiveClient.open(room.event.slug)
    hub = fanout._hubs[get_channel_layer()][room.group_name]

    async def crash(self, text_data=None, bytes_data=None):
        raise RuntimeError("boum")

    crashers = [await LiveClient.open(room.event.slug, address="10.1.1.1") for _ in range(5)]
    await presence_seen(watcher, 6)
    monkeypatch.setattr(consumers.RoomConsumer, "receive", crash)
    for crasher in crashers:
        await crasher.send(type="ping")
        with pytest.raises(RuntimeError):
            await crasher.communicator.wait(timeout=2)
    await presence_seen(watcher, 1)
    assert len(hub.members) == 1
    assert "10.1.1.1" not in consumers._connections
    late = await LiveClient.open(room.event.slug)
    assert late.hello["presence"] == 2
    await late.close()
    await watcher.close()


async def test_a_killed_process_stops_counting_by_itself(room, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "LIVE": {**settings.PARTICIPATION["LIVE"], "PRESENCE_REFRESH": 0.1}}
    watcher = await LiveClient.open(room.event.slug)
    # Another server process announces its 40 connections, then is killed (-9): it never says goodbye.
    await get_channel_layer().group_send(room.group_name, {"type": "live.presence", "hub": "tué", "count": 40})
    await presence_seen(watcher, 41)
    await presence_seen(watcher, 1)
    await watcher.close()


async def test_connections_per_address_are_capped(room, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "LIVE": {**settings.PARTICIPATION["LIVE"], "MAX_CONNECTIONS_PER_ADDRESS": 2}}
    first, second = [await LiveClient.open(room.event.slug, address="10.2.2.2") for _ in range(2)]
    third = await LiveClient.open(room.event.slug, address="10.2.2.2", expect_hello=False)
    error = json.loads(await third.communicator.receive_from())
    assert error["code"] == "too_many" and error["detail"] == "Trop de connexions depuis votre adresse."
    assert (await third.communicator.receive_output())["code"] == consumers.CLOSE_TOO_MANY
    elsewhere = await LiveClient.open(room.event.slug, address="10.3.3.3")
    assert elsewhere.hello["type"] == "hello"
    await first.close()
    again = await LiveClient.open(room.event.slug, address="10.2.2.2")
    assert again.hello["type"] == "hello"
    for client in (second, elsewhere, again):
        await client.close()


@pytest.mark.parametrize(
    ("origin", "accepted"),
    [
        ("http://testserver", True),
        ("http://testserver:80", True),
        ("https://testserver:443", True),
        ("http://testserver:8001", False),
        ("https://testserver:8443", False),
        ("http://testserver.evil.example", False),
        ("null", False),
        ("", False),
    ],
)
async def test_the_origin_must_be_the_site_port_included(room, origin, accepted):
    client = await LiveClient.open(room.event.slug, origin=origin)
    assert client.connected is accepted
    if accepted:
        await client.close()


async def test_a_trusted_origin_is_accepted(room, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://direct.exemple.fr"]
    client = await LiveClient.open(room.event.slug, origin="https://direct.exemple.fr")
    assert client.connected
    await client.close()
