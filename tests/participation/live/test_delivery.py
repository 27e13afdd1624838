"""Delivery: every event reaches every client exactly once and in order, whether it reconnects, frames
race each other, events wait for a busy client, or a client stops reading."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.db import transaction

from participation.live import consumers, delivery, services
from participation.live.models import EventKind, Message, Room

from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def saved_without_broadcast(room, author, bodies):
    """Messages saved one transaction each, their broadcasts held back and returned, to send at will."""

    def save():
        for body in bodies:
            with transaction.atomic():
                locked = services._lock(room.pk)
                message = Message.objects.create(room=room, author=author, body=body)
                services._append(locked, EventKind.MESSAGE_CREATED, author, message=message)

    delayed = []
    original = services.broadcast
    services.broadcast = delayed.append
    try:
        await sync_to_async(save)()
    finally:
        services.broadcast = original
    return delayed


async def test_reconnect_with_last_id_receives_everything_after_exactly_once_in_order(room, citizen, facilitator):
    writer = await LiveClient.open(room.event.slug, citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    follower = await LiveClient.open(room.event.slug)
    await writer.act(type="message.send", body="avant la coupure")
    last_seen = (await follower.receive())["seq"]
    await follower.close()  # connection lost
    hidden_id = (await writer.act(type="message.send", body="sera masqué"))["id"]
    await writer.act(type="message.send", body="pendant la coupure")
    await boss.act(type="message.hide", message=hidden_id)
    back = await LiveClient.open(room.event.slug, after=last_seen)
    frames = [await back.receive() for _ in range(4)]
    assert [f["type"] for f in frames] == ["message.created", "message.created", "message.hidden", "resumed"]
    assert [f["seq"] for f in frames[:3]] == [last_seen + 1, last_seen + 2, last_seen + 3]
    # A replay shows objects as they are now: the hidden message's text is not sent again.
    assert frames[0]["data"]["message"]["body"] == ""
    assert frames[1]["data"]["message"]["body"] == "pendant la coupure"
    await writer.act(type="message.send", body="en direct")
    live = await back.receive()
    # last_seen + 4 is the hide's notice, for the author and the facilitators only: skipped here.
    assert live["seq"] == last_seen + 5 and live["data"]["message"]["body"] == "en direct"
    assert await back.nothing()
    # Resuming again from the same point on an open connection replays without duplicating live frames.
    await back.send(type="resume", after=last_seen + 2)
    again = [await back.receive() for _ in range(3)]
    assert [f.get("seq") for f in again] == [last_seen + 3, last_seen + 5, None]
    assert again[-1] == {"type": "resumed", "last_seq": last_seen + 5}
    for client in (writer, boss, back):
        await client.close()


async def test_frames_arriving_out_of_order_are_delivered_in_order(room, citizen):
    """A broadcast overtaken by a later one (two server processes): the gap is filled from the database."""
    follower = await LiveClient.open(room.event.slug)
    base = (await sync_to_async(Room.objects.get)(pk=room.pk)).last_seq
    delayed = await saved_without_broadcast(room, citizen, ["quatre", "cinq"])
    await sync_to_async(services.broadcast)(delayed[1])  # "cinq" arrives first
    frames = [await follower.receive(), await follower.receive()]
    assert [f["seq"] for f in frames] == [base + 1, base + 2]
    assert [f["data"]["message"]["body"] for f in frames] == ["quatre", "cinq"]
    await sync_to_async(services.broadcast)(delayed[0])  # the late one is dropped, not sent twice
    assert await follower.nothing()
    await follower.close()


async def test_events_waiting_for_a_client_come_in_one_batch_frame_in_order(room, citizen, facilitator):
    """When several events are ready for a client at once, they travel in one ``batch`` frame."""
    follower = await LiveClient.open(room.event.slug)
    boss = await LiveClient.open(room.event.slug, facilitator)
    base = (await sync_to_async(Room.objects.get)(pk=room.pk)).last_seq
    delayed = await saved_without_broadcast(room, citizen, ["un", "deux", "trois"])
    # Only the last broadcast arrives: the two before it are read from the database, and all three
    # are ready for every client at the same moment.
    await sync_to_async(services.broadcast)(delayed[2])
    for client in (follower, boss):
        frame = await client.receive_raw(skip_presence=True)
        assert frame["type"] == "batch"
        assert [f["seq"] for f in frame["frames"]] == [base + 1, base + 2, base + 3]
        assert [f["data"]["message"]["body"] for f in frame["frames"]] == ["un", "deux", "trois"]
        assert await client.nothing()
    await follower.close()
    await boss.close()


async def test_a_resuming_client_gets_what_it_missed_in_one_frame(room, citizen):
    writer = await LiveClient.open(room.event.slug, citizen)
    base = (await sync_to_async(Room.objects.get)(pk=room.pk)).last_seq
    for body in ["premier", "deuxième", "troisième"]:
        await writer.act(type="message.send", body=body)
    back = await LiveClient.open(room.event.slug, after=base)
    replay = await back.receive_raw(skip_presence=True)
    assert replay["type"] == "batch"
    assert [f["data"]["message"]["body"] for f in replay["frames"]] == ["premier", "deuxième", "troisième"]
    assert [f["seq"] for f in replay["frames"]] == [base + 1, base + 2, base + 3]
    assert (await back.receive()) == {"type": "resumed", "last_seq": base + 3}
    await writer.close()
    await back.close()


async def test_a_client_that_stops_reading_still_gets_every_event_once_in_order(room, facilitator, monkeypatch):
    """Its backlog is not kept in memory past a few frames: what was dropped is replayed from the database."""
    monkeypatch.setattr(delivery, "MAX_PENDING", 3)
    gate = asyncio.Event()
    original = consumers.RoomConsumer._send_text

    async def stalled_for_visitors(self, frames):
        if self.user_id is None:
            await gate.wait()
        await original(self, frames)

    monkeypatch.setattr(consumers.RoomConsumer, "_send_text", stalled_for_visitors)
    follower = await LiveClient.open(room.event.slug)
    writer = await LiveClient.open(room.event.slug, facilitator)
    texts = [f"message {n}" for n in range(1, 9)]
    for text in texts:
        assert (await writer.act(type="message.send", body=text))["type"] == "ack"
    gate.set()
    frames = [await follower.receive() for _ in texts]
    assert [f["data"]["message"]["body"] for f in frames] == texts
    assert [f["seq"] for f in frames] == list(range(frames[0]["seq"], frames[0]["seq"] + len(texts)))
    assert await follower.nothing()
    await follower.close()
    await writer.close()


async def test_events_pushed_between_hello_and_the_replay_come_once_after_it(room, citizen, monkeypatch):
    """A client resuming in a busy room: what is broadcast while its replay is being read waits for
    the replay, and is not sent twice nor ahead of older events."""
    writer = await LiveClient.open(room.event.slug, citizen)
    base = (await sync_to_async(Room.objects.get)(pk=room.pk)).last_seq
    for body in ["manqué 1", "manqué 2"]:
        await writer.act(type="message.send", body=body)
    original = consumers.RoomConsumer._send

    async def busy_room_right_after_hello(self, payload):
        await original(self, payload)
        if payload["type"] == "hello" and self.user_id is None:
            for body in ["en direct 1", "en direct 2"]:
                await sync_to_async(services.post_message)(room.pk, citizen, body)
            while len(self._inbox) < 2:  # the hub has pushed both to this connection
                await asyncio.sleep(0.01)

    monkeypatch.setattr(consumers.RoomConsumer, "_send", busy_room_right_after_hello)
    back = await LiveClient.open(room.event.slug, after=base)
    frames = [await back.receive() for _ in range(5)]
    assert [(f["type"], f.get("seq")) for f in frames] == [
        ("message.created", base + 1),
        ("message.created", base + 2),
        ("message.created", base + 3),
        ("message.created", base + 4),
        ("resumed", None),
    ]
    assert [f["data"]["message"]["body"] for f in frames[:4]] == ["manqué 1", "manqué 2", "en direct 1", "en direct 2"]
    assert frames[4]["last_seq"] == base + 4
    assert await back.nothing()
    await writer.close()
    await back.close()


async def test_a_resume_beyond_what_was_sent_skips_nothing(room, citizen):
    writer = await LiveClient.open(room.event.slug, citizen)
    base = (await sync_to_async(Room.objects.get)(pk=room.pk)).last_seq
    back = await LiveClient.open(room.event.slug, after=base + 1000)
    assert await back.receive() == {"type": "resumed", "last_seq": base}
    await writer.act(type="message.send", body="après")
    assert (await back.receive())["seq"] == base + 1
    await writer.close()
    await back.close()


async def test_a_broadcast_lost_after_the_commit_is_acknowledged_and_delivered_with_the_next(room, citizen, monkeypatch):
    """The channel layer fails after the message is saved: its author is told it is saved (not an
    error that would make them send it twice), and the others get it from the database in order."""
    follower = await LiveClient.open(room.event.slug)
    writer = await LiveClient.open(room.event.slug, citizen)
    layer = get_channel_layer()
    working = layer.group_send

    async def unreachable(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(layer, "group_send", unreachable)
    assert (await writer.act(type="message.send", body="sauvé sans être diffusé"))["type"] == "ack"
    monkeypatch.setattr(layer, "group_send", working)
    assert (await writer.act(type="message.send", body="le suivant"))["type"] == "ack"
    frames = [await follower.receive() for _ in range(2)]
    assert [f["data"]["message"]["body"] for f in frames] == ["sauvé sans être diffusé", "le suivant"]
    await follower.close()
    await writer.close()


async def test_a_change_made_while_connecting_is_in_the_hello_that_counts_it(room, facilitator, monkeypatch):
    """Without ``after`` a connection starts live from the hello's ``last_seq``: the room described in
    that hello is the room as of that number, not as it was a moment before (a change made meanwhile
    is counted in ``last_seq``, so it is never sent, and must not be missed)."""
    original = consumers.fanout.join

    async def slowed_mode_while_joining(consumer, *args):
        hub = await original(consumer, *args)
        await sync_to_async(services.update_room)(room.pk, facilitator, slow_mode_seconds=30)
        return hub

    monkeypatch.setattr(consumers.fanout, "join", slowed_mode_while_joining)
    visitor = await LiveClient.open(room.event.slug)
    current = await sync_to_async(Room.objects.get)(pk=room.pk)
    assert visitor.hello["room"]["last_seq"] == current.last_seq
    assert visitor.hello["room"]["slow_mode_seconds"] == 30
    assert await visitor.nothing()
    await visitor.close()


async def test_a_client_that_stops_reading_is_told_the_presence_of_now_when_it_reads_again(
    room, facilitator, citizen, monkeypatch
):
    """Its backlog is cut to the newest event, which the database fills in; the newest head count
    must survive the cut, or the page keeps an old count until the next arrival or departure."""
    monkeypatch.setattr(delivery, "MAX_PENDING", 3)
    gate = asyncio.Event()
    original = consumers.RoomConsumer._send_text

    async def stalled_for_visitors(self, frames):
        if self.user_id is None:
            await gate.wait()
        await original(self, frames)

    monkeypatch.setattr(consumers.RoomConsumer, "_send_text", stalled_for_visitors)
    follower = await LiveClient.open(room.event.slug)
    writer = await LiveClient.open(room.event.slug, facilitator)
    third = await LiveClient.open(room.event.slug, citizen)
    while (frame := await writer.receive_raw())["type"] != "presence" or frame["count"] != 3:
        pass  # every process has counted the third one, and pushed the count to the follower
    texts = [f"message {n}" for n in range(1, 9)]
    for text in texts:
        assert (await writer.act(type="message.send", body=text))["type"] == "ack"
    gate.set()
    seen, presence = [], []
    while len(seen) < len(texts):
        frame = await follower.receive(skip_presence=False)
        (presence if frame["type"] == "presence" else seen).append(frame)
    assert [f["data"]["message"]["body"] for f in seen] == texts
    assert presence and presence[-1]["count"] == 3
    for client in (follower, writer, third):
        await client.close()
