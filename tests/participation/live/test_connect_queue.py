"""Connections set up in turn (CONNECT_CONCURRENCY): one beyond the bound waits and then succeeds,
and the room's writes are answered while connections wait."""

import asyncio

import pytest

from participation.live import dbthreads

from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def one_at_a_time(settings):
    settings.PARTICIPATION = {
        **settings.PARTICIPATION, "LIVE": {**settings.PARTICIPATION["LIVE"], "CONNECT_CONCURRENCY": 1},
    }


async def test_a_connection_beyond_the_bound_waits_then_is_greeted(room, citizen, one_at_a_time):
    turn = dbthreads.connecting()
    await turn.acquire()  # a connection being set up holds the only turn
    waiting = asyncio.ensure_future(LiveClient.open(room.event.slug, citizen))
    await asyncio.sleep(0.3)
    assert not waiting.done()
    turn.release()
    client = await waiting
    assert client.connected and client.hello["you"]["can_write"]
    await client.close()


async def test_many_connections_at_once_are_all_greeted_in_turn(room, citizen, one_at_a_time):
    clients = await asyncio.gather(*(LiveClient.open(room.event.slug, citizen if i % 2 else None) for i in range(6)))
    assert all(client.hello["type"] == "hello" for client in clients)
    assert [client.hello["you"]["can_write"] for client in clients] == [False, True] * 3
    for client in clients:
        await client.close()


async def test_writes_are_acknowledged_while_connections_wait(room, citizen, one_at_a_time):
    visitor = await LiveClient.open(room.event.slug)
    writer = await LiveClient.open(room.event.slug, citizen)
    turn = dbthreads.connecting()
    await turn.acquire()
    try:
        storm = [asyncio.ensure_future(LiveClient.open(room.event.slug, after=0)) for _ in range(3)]
        await asyncio.sleep(0.1)
        ack = await writer.act(type="message.send", body="Pendant la tempête")
        assert ack["type"] == "ack"
        assert (await visitor.receive_type("message.created"))["data"]["message"]["body"] == "Pendant la tempête"
        assert not any(task.done() for task in storm)
    finally:
        turn.release()
    # Once their turn comes, the waiting ones replay what was written meanwhile: nothing is lost.
    for client in await asyncio.gather(*storm):
        assert (await client.receive_type("message.created"))["data"]["message"]["body"] == "Pendant la tempête"
        assert (await client.receive_type("resumed"))["last_seq"] == ack_seq(client)
        await client.close()
    await visitor.close()
    await writer.close()


def ack_seq(client):
    return client.hello["room"]["last_seq"]
