"""A send carries a key made by the client: sent again after a cut connection, it is saved once, and the
answer says it was already saved."""

import uuid

import pytest
from asgiref.sync import sync_to_async
from django.db import IntegrityError, transaction

from participation.live.models import Message, Question

from .factories import MessageFactory
from .wsclient import LiveClient

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.asyncio
@pytest.mark.parametrize(("kind", "model"), [("message.send", Message), ("question.ask", Question)])
async def test_a_send_resent_with_its_key_after_a_cut_is_saved_once(room, citizen, kind, model):
    visitor = await LiveClient.open(room.event.slug)
    key = str(uuid.uuid4())
    first = await LiveClient.open(room.event.slug, citizen)
    ack = await first.act(type=kind, body="Envoyé juste avant la coupure", client_id=key)
    assert ack["type"] == "ack" and ack["client_id"] == key and ack["already_saved"] is False
    await first.close()  # the connection was cut before the browser read the ack
    again = await LiveClient.open(room.event.slug, citizen)
    resent = await again.act(type=kind, body="Envoyé juste avant la coupure", client_id=key, ref="r2")
    assert resent == {"type": "ack", "ref": "r2", "id": ack["id"], "client_id": key, "already_saved": True}
    assert await sync_to_async(model.objects.filter(room=room).count)() == 1
    assert (await visitor.receive())["type"].endswith(".created")
    assert await visitor.nothing()
    # Another key is another send.
    other = await again.act(type=kind, body="Envoyé juste avant la coupure", client_id=str(uuid.uuid4()))
    assert other["id"] != ack["id"] and other["already_saved"] is False
    for client in (visitor, again):
        await client.close()


@pytest.mark.asyncio
async def test_a_resend_is_answered_even_when_the_address_has_used_up_its_pace(room, citizen, council_member, settings):
    """After a cut, everyone at a community centre (one address) reconnects and resends at once: a send
    already saved is no new action, so the address's limit must not refuse it (the page would keep the
    text as unsent, and sending it again would post it twice)."""
    settings.PARTICIPATION["LIVE"]["IP_RATE_COUNT"] = 2
    # One window for the whole test (a fixed window restarting midway would lift the limit).
    settings.PARTICIPATION["LIVE"]["RATE_SECONDS"] = 24 * 3600
    key = str(uuid.uuid4())
    first = await LiveClient.open(room.event.slug, citizen, address="203.0.113.7")
    ack = await first.act(type="message.send", body="Envoyé juste avant la coupure", client_id=key)
    await first.close()
    neighbour = await LiveClient.open(room.event.slug, council_member, address="203.0.113.7")
    assert (await neighbour.act(type="message.send", body="deux"))["type"] == "ack"
    again = await LiveClient.open(room.event.slug, citizen, address="203.0.113.7")
    resent = await again.act(type="message.send", body="Envoyé juste avant la coupure", client_id=key, ref="r2")
    assert resent == {"type": "ack", "ref": "r2", "id": ack["id"], "client_id": key, "already_saved": True}
    # A new send from the address is still held to its pace.
    assert (await again.act(type="question.ask", body="Et une nouvelle ?", ref="r3"))["code"] == "rate_limited"
    await neighbour.close()
    await again.close()


@pytest.mark.asyncio
async def test_a_key_is_one_persons_own(room, citizen, council_member):
    key = str(uuid.uuid4())
    awa = await LiveClient.open(room.event.slug, citizen)
    other = await LiveClient.open(room.event.slug, council_member)
    first = await awa.act(type="message.send", body="Le mien", client_id=key)
    second = await other.act(type="message.send", body="Le sien", client_id=key)
    assert second["already_saved"] is False and second["id"] != first["id"]
    await awa.close()
    await other.close()


@pytest.mark.asyncio
async def test_a_send_without_a_key_is_acknowledged_as_before(room, citizen):
    writer = await LiveClient.open(room.event.slug, citizen)
    ack = await writer.act(type="message.send", body="Sans clé")
    assert ack == {"type": "ack", "ref": "r1", "id": ack["id"]}
    await writer.close()


def test_the_database_keeps_one_row_per_key(room, citizen):
    key = uuid.uuid4()
    MessageFactory(room=room, author=citizen, client_id=key)
    with pytest.raises(IntegrityError), transaction.atomic():
        MessageFactory(room=room, author=citizen, client_id=key)
    MessageFactory(room=room, author=citizen, client_id=None)
    MessageFactory(room=room, author=citizen, client_id=None)
