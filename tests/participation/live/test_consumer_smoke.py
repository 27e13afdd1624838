import pytest

from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def test_citizen_message_reaches_visitor(room, citizen):
    visitor = await LiveClient.open(room.event.slug)
    writer = await LiveClient.open(room.event.slug, citizen)
    assert writer.hello["you"]["can_write"] is True
    assert visitor.hello["you"]["can_write"] is False
    reply = await writer.act(type="message.send", body="Bonjour à toutes et à tous")
    assert reply["type"] == "ack", reply
    frame = await visitor.receive()
    assert frame["type"] == "message.created"
    assert frame["data"]["message"]["body"] == "Bonjour à toutes et à tous"
    await visitor.close()
    await writer.close()
