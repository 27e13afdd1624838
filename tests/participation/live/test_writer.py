"""The room's writer: sends saved together in one transaction, each answered in order with its saved id
or an error, a full queue answered ``busy``, nothing lost; database work off Channels' single thread."""

import asyncio
import threading
import uuid

import pytest
from asgiref.sync import sync_to_async
from django.db import connection

from participation.live import services, writer
from participation.live.models import Message, Question, RoomEvent

from .wsclient import LiveClient

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_batch_is_saved_in_one_transaction_with_consecutive_seqs(room, citizen, council_member):
    key = uuid.uuid4()
    sends = [
        services.Send("message", citizen, "Bonjour à toutes et tous", key),
        services.Send("question", council_member, "Quand commence l’atelier ?"),
        services.Send("message", citizen, "x" * 501),  # refused: too long
        services.Send("message", citizen, "Bonjour à toutes et tous", key),  # the same key again
        services.Send("message", council_member, "Je suis là aussi"),
    ]
    results = services.post_sends(room.pk, sends)
    assert isinstance(results[0], Message) and not getattr(results[0], "already_saved", False)
    assert isinstance(results[1], Question)
    assert isinstance(results[2], services.Refused) and results[2].code == "too_long"
    assert results[3].pk == results[0].pk and results[3].already_saved is True
    assert Message.objects.filter(room=room).count() == 2 and Question.objects.count() == 1
    events = list(RoomEvent.objects.filter(room=room).order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3]
    assert [e.message_id or e.question_id for e in events] == [results[0].pk, results[1].pk, results[4].pk]
    room.refresh_from_db()
    assert room.last_seq == 3


def test_a_persons_second_send_in_a_batch_is_paced_as_if_the_first_were_saved(room, citizen, settings):
    settings.PARTICIPATION["LIVE"]["RATE_COUNT"] = 2
    results = services.post_sends(room.pk, [services.Send("message", citizen, f"n°{n}") for n in range(4)])
    assert [getattr(r, "code", "saved") for r in results] == ["saved", "saved", "rate_limited", "rate_limited"]


def test_a_batchs_queries_do_not_grow_with_its_sends(
    room, citizen, council_member, django_assert_max_num_queries, settings
):
    settings.PARTICIPATION["LIVE"]["RATE_COUNT"] = 1000
    services.post_sends(room.pk, [services.Send("message", citizen, "échauffement")])
    with django_assert_max_num_queries(25):
        results = services.post_sends(
            room.pk, [services.Send("message", (citizen, council_member)[n % 2], f"message n°{n}") for n in range(100)]
        )
    assert all(isinstance(r, Message) for r in results)


def test_rights_read_for_one_batch_serve_the_next_and_events_are_published_once_committed(
    room, citizen, council_member, settings
):
    from django.test.utils import CaptureQueriesContext

    settings.PARTICIPATION["LIVE"]["RATE_COUNT"] = 1000
    known, published = {}, []

    def batch(n):
        sends = [services.Send("message", user, f"n°{n}") for user in (citizen, council_member)]
        with CaptureQueriesContext(connection) as queries:
            results = services.post_sends(room.pk, sends, known=known, publish=lambda *args: published.append(args))
        assert all(isinstance(r, Message) for r in results)
        return len(queries)

    first = batch(1)
    assert set(known) == {citizen.pk, council_member.pk}
    assert batch(2) < first  # the citizen and facilitator checks are not read again
    assert [[m["seq"] for m in messages] for _, messages in published] == [[1, 2], [3, 4]]
    assert all(group == room.group_name for group, _ in published)


@pytest.mark.asyncio
async def test_sends_not_awaited_are_all_acknowledged_in_order_and_delivered(room, citizen, council_member):
    visitor = await LiveClient.open(room.event.slug)
    writers = [await LiveClient.open(room.event.slug, user) for user in (citizen, council_member)]
    for client in writers:
        for n in range(4):  # within RATE_COUNT (5): none is refused for the pace
            await client.send(type="message.send", body=f"{client.hello['you']['id']}-{n}", ref=f"m{n}")
    for client in writers:
        acks = [await client.receive_type_skipping_events("ack") for _ in range(4)]
        assert [a["ref"] for a in acks] == ["m0", "m1", "m2", "m3"]
        assert len({a["id"] for a in acks}) == 4
    seqs = []
    while len(seqs) < 8:
        frame = await visitor.receive()
        assert frame["type"] == "message.created"
        seqs.append(frame["seq"])
    assert seqs == sorted(seqs) and len(set(seqs)) == 8
    assert await sync_to_async(Message.objects.filter(room=room).count)() == 8
    for client in [visitor, *writers]:
        await client.close()


@pytest.fixture
def held_writer(monkeypatch):
    """The writer's saves wait until the test lets them go: what piles up meanwhile is deterministic."""
    gate = threading.Event()
    save = writer._save

    def held(room_id, batch, publish):
        gate.wait(10)
        return save(room_id, batch, publish)

    monkeypatch.setattr(writer, "_save", held)
    yield gate
    gate.set()


@pytest.mark.asyncio
async def test_past_the_connections_limit_a_send_is_answered_busy_and_the_rest_acknowledged(
    room, facilitator, settings, held_writer
):
    settings.PARTICIPATION["LIVE"]["MAX_UNACKED"] = 3
    client = await LiveClient.open(room.event.slug, facilitator)
    for n in range(5):
        await client.send(type="message.send", body=f"n°{n}", ref=n)
    await client.send(type="ping", ref="p")
    assert await client.receive() == {"type": "pong", "ref": "p"}  # every send was read meanwhile
    held_writer.set()
    answers = [await client.receive_type_skipping_events() for _ in range(5)]
    assert [(a["ref"], a["type"]) for a in answers] == [(0, "ack"), (1, "ack"), (2, "ack"), (3, "error"), (4, "error")]
    assert answers[3]["code"] == "busy" and answers[3]["retry_after"] == 1
    assert answers[3]["detail"] == (
        "Trop de messages attendent dans le salon : celui-ci n’a pas été enregistré. Renvoyez-le dans un instant."
    )
    assert await sync_to_async(Message.objects.filter(room=room).count)() == 3
    await client.close()


@pytest.mark.asyncio
async def test_a_full_room_queue_answers_busy_to_every_connection(room, facilitator, staff, settings, held_writer):
    settings.PARTICIPATION["LIVE"]["WRITE_QUEUE"] = 2
    first = await LiveClient.open(room.event.slug, facilitator)
    second = await LiveClient.open(room.event.slug, staff)
    await first.send(type="message.send", body="un", ref="a")
    await first.send(type="ping", ref="p")
    assert await first.receive() == {"type": "pong", "ref": "p"}
    # The first send is in the held batch; these two fill the queue, the third finds it full.
    for ref in ("b", "c", "d"):
        await second.send(type="message.send", body=ref, ref=ref)
    await second.send(type="ping", ref="p")
    assert await second.receive() == {"type": "pong", "ref": "p"}
    held_writer.set()
    assert (await first.receive_type_skipping_events("ack"))["ref"] == "a"
    answers = [await second.receive_type_skipping_events() for _ in range(3)]
    assert [(a["ref"], a["type"], a.get("code")) for a in answers] == [
        ("b", "ack", None), ("c", "ack", None), ("d", "error", "busy"),
    ]
    for client in (first, second):
        await client.close()


@pytest.mark.asyncio
async def test_a_write_is_not_delayed_by_channels_database_thread(room, citizen):
    """Reconnecting clients' authentication runs on Channels' single thread: held there, writes go on."""
    if connection.vendor == "sqlite":
        pytest.skip("on SQLite every database call stays on Channels' single thread (dbthreads)")
    client = await LiveClient.open(room.event.slug, citizen)
    visitor = await LiveClient.open(room.event.slug)
    release = threading.Event()
    blocked = asyncio.ensure_future(sync_to_async(release.wait)(10))  # Channels' thread, held
    try:
        ack = await client.act(type="message.send", body="Pendant la tempête", timeout=5)
        assert ack["type"] == "ack"
        assert (await visitor.receive(timeout=5))["data"]["message"]["body"] == "Pendant la tempête"
        assert not blocked.done()
    finally:
        release.set()
        await blocked
    for c in (client, visitor):
        await c.close()
