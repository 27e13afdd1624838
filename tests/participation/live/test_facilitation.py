"""Facilitation that holds up: a hide gives a reason and tells the author, it can be undone, a pin
can be taken down, and co-facilitators see each other's actions at once."""

import pytest
from asgiref.sync import sync_to_async
from django.core import mail

from participation.live.models import Message, Question, Status
from tests.factories import UserFactory

from .factories import MessageFactory, QuestionFactory
from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


def co_facilitator(room):
    user = UserFactory(roles=["facilitator"], display_name="Claire")
    room.event.facilitators.add(user)
    return user


async def test_a_hide_with_a_reason_reaches_the_author_and_the_co_facilitators_not_the_others(
    room, citizen, council_member, facilitator
):
    message = await sync_to_async(MessageFactory)(room=room, author=citizen, body="Achetez mes tomates !")
    colleague = await sync_to_async(co_facilitator)(room)
    boss = await LiveClient.open(room.event.slug, facilitator)
    other = await LiveClient.open(room.event.slug, colleague)
    author = await LiveClient.open(room.event.slug, citizen)
    reader = await LiveClient.open(room.event.slug, council_member)
    # The e-mail goes with the commit (the tests' tasks run at once): its first rendering takes a while.
    reply = await boss.act(type="message.hide", message=message.pk, reason="spam", note="Pas de vente dans le salon", timeout=10)
    assert reply["type"] == "ack"

    for client in (other, author, reader):
        hidden = await client.receive()
        assert hidden["type"] == "message.hidden" and hidden["data"]["message"]["body"] == ""
    for client in (other, author):
        notice = await client.receive()
        assert notice["type"] == "notice.hidden"
        assert notice["actor"]["id"] == facilitator.pk
        assert notice["data"]["item"] == "message" and notice["data"]["message"]["id"] == message.pk
        assert notice["data"]["reason"] == "spam" and notice["data"]["reason_label"] == "Spam ou publicité"
        assert notice["data"]["note"] == "Pas de vente dans le salon"
        assert notice["data"]["excerpt"] == "Achetez mes tomates !"
    assert await reader.nothing()  # the reason is the author's business and the facilitators'

    [email] = mail.outbox
    assert email.to == [citizen.email]
    assert "masqué" in email.subject and room.event.title in email.subject
    assert "Motif : Spam ou publicité" in email.body and "Pas de vente dans le salon" in email.body
    assert "Achetez mes tomates !" in email.body and f"/evenements/{room.event.slug}/direct/" in email.body
    for client in (boss, other, author, reader):
        await client.close()


async def test_a_hide_is_undone(room, citizen, council_member, facilitator):
    question = await sync_to_async(QuestionFactory)(room=room, author=citizen, body="Une question masquée par erreur ?")
    boss = await LiveClient.open(room.event.slug, facilitator)
    reader = await LiveClient.open(room.event.slug, council_member)
    assert (await boss.act(type="question.hide", question=question.pk, reason="off_topic"))["type"] == "ack"
    assert (await reader.receive())["type"] == "question.hidden"
    assert (await reader.act(type="question.restore", question=question.pk))["code"] == "forbidden"
    assert (await boss.act(type="question.restore", question=question.pk))["type"] == "ack"
    restored = await reader.receive()
    assert restored["type"] == "question.restored" and restored["actor"]["id"] == facilitator.pk
    assert restored["data"]["question"]["body"] == "Une question masquée par erreur ?"
    assert restored["data"]["question"]["status"] == "visible"
    assert (await boss.act(type="question.restore", question=question.pk))["code"] == "invalid"
    assert (await sync_to_async(Question.objects.get)(pk=question.pk)).status == Status.VISIBLE
    message = await sync_to_async(MessageFactory)(room=room, author=citizen)
    await boss.act(type="message.hide", message=message.pk, reason="abuse")
    assert (await boss.act(type="message.restore", message=message.pk))["type"] == "ack"
    assert (await sync_to_async(Message.objects.get)(pk=message.pk)).status == Status.VISIBLE
    for client in (boss, reader):
        await client.close()


async def test_a_reason_that_is_no_key_is_kept_as_the_note(room, citizen, facilitator):
    """A client made before the reasons sent free text: it is kept, under « Autre »."""
    message = await sync_to_async(MessageFactory)(room=room, author=citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    author = await LiveClient.open(room.event.slug, citizen)
    await boss.act(type="message.hide", message=message.pk, reason="Hors sujet")
    assert (await author.receive())["type"] == "message.hidden"
    notice = await author.receive()
    assert (notice["data"]["reason"], notice["data"]["reason_label"], notice["data"]["note"]) == ("other", "Autre", "Hors sujet")
    for client in (boss, author):
        await client.close()


async def test_a_pinned_question_is_unpinned_for_everyone(room, citizen, facilitator):
    question = await sync_to_async(QuestionFactory)(room=room)
    colleague = await sync_to_async(co_facilitator)(room)
    boss = await LiveClient.open(room.event.slug, facilitator)
    other = await LiveClient.open(room.event.slug, colleague)
    await boss.act(type="question.pin", question=question.pk)
    assert (await other.receive())["data"]["pinned"] is True
    assert (await boss.act(type="question.pin", question=None))["type"] == "ack"
    unpinned = await other.receive()
    assert unpinned["type"] == "question.pinned" and unpinned["data"] == {"pinned": False}
    assert unpinned["actor"]["id"] == facilitator.pk  # the colleague's log says who
    for client in (boss, other):
        await client.close()
