"""The websocket protocol, frame by frame, through the whole ASGI application (origin, session, routing)."""

import time
from contextlib import contextmanager
from datetime import timedelta

import pytest
import time_machine
from asgiref.sync import sync_to_async
from django.contrib.sessions.models import Session
from django.utils import timezone

from consultations.identity import public_name
from participation.live.models import Message, Question, RoomState, Sanction, SanctionKind, Status

from .factories import QuestionFactory, RoomFactory
from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


async def open_pair(room, writer_user):
    visitor = await LiveClient.open(room.event.slug)
    writer = await LiveClient.open(room.event.slug, writer_user)
    return visitor, writer


async def test_hello_describes_the_room_and_the_rights(room, citizen, facilitator):
    visitor, writer = await open_pair(room, citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    assert visitor.hello["room"]["is_open"] is True
    assert visitor.hello["you"] == {"id": None, "can_write": False, "can_vote": False, "can_facilitate": False, "can_hide": False, "voted": [], "poll_answer": None}
    assert visitor.hello["poll"] is None and visitor.hello["room"]["current_poll"] is None
    assert writer.hello["you"]["can_write"] and not writer.hello["you"]["can_facilitate"]
    assert boss.hello["you"]["can_facilitate"] and boss.hello["you"]["can_hide"]
    for client in (visitor, writer, boss):
        await client.close()


async def test_message_is_saved_then_broadcast_with_increasing_ids(room, citizen):
    visitor, writer = await open_pair(room, citizen)
    seqs = []
    for text in ["Premier message", "Deuxième message"]:
        assert (await writer.act(type="message.send", body=text))["type"] == "ack"
        frame = await visitor.receive()
        assert frame["type"] == "message.created"
        assert frame["data"]["message"]["body"] == text
        assert frame["data"]["message"]["author"]["name"] == "Awa"
        seqs.append(frame["seq"])
    assert seqs[1] == seqs[0] + 1
    assert await sync_to_async(Message.objects.filter(room=room).count)() == 2
    await visitor.close()
    await writer.close()


async def test_markdown_is_rendered_without_raw_html(room, citizen):
    visitor, writer = await open_pair(room, citizen)
    await writer.act(type="message.send", body="**gras** <script>alert(1)</script>")
    message = (await visitor.receive())["data"]["message"]
    assert "<strong>gras</strong>" in message["html"]
    assert "<script>" not in message["html"]
    await visitor.close()
    await writer.close()


async def test_visitor_cannot_write_even_with_a_hand_made_frame(room):
    visitor = await LiveClient.open(room.event.slug)
    reply = await visitor.act(type="message.send", body="Je ne suis pas connecté·e")
    assert reply["type"] == "error" and reply["code"] == "not_signed_in"
    assert reply["detail"] == "Connectez-vous pour participer."
    assert await sync_to_async(Message.objects.count)() == 0
    await visitor.close()


async def test_unverified_account_cannot_write(room, unverified_user):
    client = await LiveClient.open(room.event.slug, unverified_user)
    reply = await client.act(type="question.ask", body="Une question ?")
    assert reply["code"] == "forbidden"
    await client.close()


async def test_signed_out_session_cannot_write_any_more(room, citizen):
    writer = await LiveClient.open(room.event.slug, citizen)
    await sync_to_async(Session.objects.filter(session_key=writer.session_key).delete)()
    reply = await writer.act(type="message.send", body="Après déconnexion")
    assert reply["code"] == "not_signed_in"
    assert await sync_to_async(Message.objects.count)() == 0
    await writer.close()


async def test_foreign_origin_is_refused(room, citizen):
    client = await LiveClient.open(room.event.slug, citizen, origin="http://evil.example")
    assert client.connected is False


async def test_private_room_is_closed_to_visitors_but_open_to_citizens(db, citizen):
    room = await sync_to_async(RoomFactory)(is_public=False)
    visitor = await LiveClient.open(room.event.slug)
    assert visitor.connected is False and visitor.close_code == 4403
    member = await LiveClient.open(room.event.slug, citizen)
    assert member.connected
    await member.close()


async def test_unknown_room_is_refused(db):
    client = await LiveClient.open("nulle-part")
    assert client.connected is False and client.close_code == 4404


async def test_bad_frames_get_an_error(room, citizen):
    writer = await LiveClient.open(room.event.slug, citizen)
    await writer.communicator.send_to(text_data="pas du json")
    assert (await writer.receive())["code"] == "bad_frame"
    assert (await writer.act(type="dance"))["code"] == "unknown_type"
    assert (await writer.act(type="resume", after="12"))["code"] == "bad_frame"
    await writer.send(type="ping", ref="p")
    assert await writer.receive() == {"type": "pong", "ref": "p"}
    await writer.close()


async def test_limits_of_length_and_emptiness(room, citizen):
    writer = await LiveClient.open(room.event.slug, citizen)
    reply = await writer.act(type="message.send", body="x" * 501)
    assert reply["code"] == "too_long" and "500" in reply["detail"]
    assert (await writer.act(type="message.send", body="   "))["code"] == "empty"
    assert (await writer.act(type="message.send", body=["liste"]))["code"] == "bad_frame"
    await writer.close()


async def test_rate_limit_per_person(room, citizen, settings):
    settings.PARTICIPATION["LIVE"]["RATE_COUNT"] = 2
    writer = await LiveClient.open(room.event.slug, citizen)
    assert (await writer.act(type="message.send", body="un"))["type"] == "ack"
    assert (await writer.act(type="question.ask", body="deux ?"))["type"] == "ack"
    reply = await writer.act(type="message.send", body="trois")
    assert reply["code"] == "rate_limited" and reply["retry_after"] == 10
    assert reply["detail"] == "Vous écrivez trop vite : attendez quelques secondes."
    await writer.close()


@contextmanager
def at_the_start_of_a_rate_window(address, seconds):
    """django-ratelimit counts in fixed windows: a test crossing a window's end sees its count reset."""
    from django_ratelimit.core import _get_window

    with time_machine.travel(timezone.now(), tick=True) as traveller:
        traveller.shift(_get_window(address, seconds) - time.time() + 0.01)
        yield


async def test_rate_limit_per_address_whoever_writes(room, citizen, council_member, facilitator, settings):
    settings.PARTICIPATION["LIVE"]["IP_RATE_COUNT"] = 2
    with at_the_start_of_a_rate_window("203.0.113.7", settings.PARTICIPATION["LIVE"]["RATE_SECONDS"]):
        await rate_limited_per_address(room, citizen, council_member, facilitator)


async def rate_limited_per_address(room, citizen, council_member, facilitator):
    first = await LiveClient.open(room.event.slug, citizen, address="203.0.113.7")
    second = await LiveClient.open(room.event.slug, council_member, address="203.0.113.7")
    elsewhere = await LiveClient.open(room.event.slug, citizen, address="198.51.100.2")
    assert (await first.act(type="message.send", body="un"))["type"] == "ack"
    assert (await second.act(type="message.send", body="deux"))["type"] == "ack"
    reply = await second.act(type="message.send", body="trois")
    assert reply["code"] == "rate_limited"
    assert reply["detail"] == "Trop d’actions depuis votre connexion : attendez quelques secondes."
    assert (await elsewhere.act(type="question.ask", body="Une question d'ailleurs ?"))["type"] == "ack"
    host = await LiveClient.open(room.event.slug, facilitator, address="203.0.113.7")
    assert (await host.act(type="message.send", body="L'animation n'est jamais limitée."))["type"] == "ack"
    for client in (first, second, elsewhere, host):
        await client.close()


async def test_slow_mode_spaces_messages_per_person(room, citizen, council_member, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    assert (await boss.act(type="room.update", slow_mode_seconds=30))["type"] == "ack"
    writer = await LiveClient.open(room.event.slug, citizen)
    other = await LiveClient.open(room.event.slug, council_member)
    assert (await writer.act(type="message.send", body="un"))["type"] == "ack"
    reply = await writer.act(type="message.send", body="deux")
    assert reply["code"] == "slow_mode" and 29 <= reply["retry_after"] <= 31
    assert "secondes" in reply["detail"]
    assert (await other.act(type="message.send", body="autre personne"))["type"] == "ack"
    for client in (boss, writer, other):
        await client.close()


async def test_closed_room_refuses_writes(db, citizen):
    room = await sync_to_async(RoomFactory)(state=RoomState.CLOSED)
    writer = await LiveClient.open(room.event.slug, citizen)
    assert writer.hello["you"]["can_write"] is False
    reply = await writer.act(type="message.send", body="Trop tard")
    assert reply["code"] == "closed" and reply["detail"] == "Le salon est fermé."
    await writer.close()


async def test_scheduled_room_opens_on_its_schedule(db, citizen):
    now = timezone.now()
    room = await sync_to_async(RoomFactory)(state=RoomState.SCHEDULED, opens_at=now + timedelta(hours=1))
    writer = await LiveClient.open(room.event.slug, citizen)
    assert (await writer.act(type="message.send", body="Trop tôt"))["code"] == "closed"
    room.opens_at = now - timedelta(minutes=1)
    room.closes_at = now + timedelta(hours=1)
    await sync_to_async(room.save)()
    assert (await writer.act(type="message.send", body="C'est ouvert"))["type"] == "ack"
    await writer.close()


async def test_facilitator_opens_and_closes_the_room_for_everyone(room, citizen, facilitator):
    visitor, writer = await open_pair(room, citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    assert (await boss.act(type="room.update", state="closed"))["type"] == "ack"
    frame = await visitor.receive()
    assert frame["type"] == "room.updated" and frame["data"]["room"]["is_open"] is False
    assert frame["actor"]["id"] == facilitator.pk
    assert (await writer.receive())["type"] == "room.updated"
    assert (await writer.act(type="message.send", body="Fermé ?"))["code"] == "closed"
    assert (await writer.act(type="room.update", state="open"))["code"] == "forbidden"
    assert (await boss.act(type="room.update", state="nimporte"))["code"] == "invalid"
    assert (await boss.act(type="room.update", slow_mode_seconds="beaucoup"))["code"] == "bad_frame"
    for client in (visitor, writer, boss):
        await client.close()


async def test_questions_are_upvoted_once_each(room, citizen, council_member):
    visitor, asker = await open_pair(room, citizen)
    voter = await LiveClient.open(room.event.slug, council_member)
    reply = await asker.act(type="question.ask", body="Quel calendrier pour le contrat de ville ?")
    question_id = reply["id"]
    assert (await visitor.receive())["type"] == "question.created"
    assert (await voter.act(type="question.vote", question=question_id))["type"] == "ack"
    frame = await visitor.receive()
    assert frame["type"] == "question.voted" and frame["data"]["question"]["votes"] == 1
    reply = await voter.act(type="question.vote", question=question_id)
    assert reply["code"] == "already_voted" and reply["detail"] == "Vous avez déjà soutenu cette question."
    assert (await voter.act(type="question.vote", question=999999))["code"] == "not_found"
    assert (await voter.act(type="question.vote", question="abc"))["code"] == "bad_frame"
    assert (await visitor.act(type="question.vote", question=question_id))["code"] == "not_signed_in"
    question = await sync_to_async(Question.objects.get)(pk=question_id)
    assert question.vote_count == 1
    # The upvote is the voter's, and their next connection says so (the page shows « Soutenue »).
    assert frame["actor"]["id"] == council_member.pk
    again = await LiveClient.open(room.event.slug, council_member)
    assert again.hello["you"]["voted"] == [question_id]
    assert asker.hello["you"]["voted"] == []
    for client in (visitor, asker, voter, again):
        await client.close()


async def test_premoderated_room_shows_messages_once_approved(db, citizen, facilitator):
    room = await sync_to_async(RoomFactory)(premoderated=True)
    await sync_to_async(room.event.facilitators.add)(facilitator)
    visitor, writer = await open_pair(room, citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    reply = await writer.act(type="message.send", body="À valider")
    pending = await boss.receive()
    assert pending["type"] == "message.created" and pending["data"]["message"]["status"] == "pending"
    mine = writer.pending[0] if writer.pending else await writer.receive()
    assert mine["data"]["message"]["status"] == "pending"  # the author sees their own message waiting
    assert await visitor.nothing()
    assert (await boss.act(type="message.approve", message=reply["id"]))["type"] == "ack"
    approved = await visitor.receive()
    assert approved["type"] == "message.approved"
    assert approved["data"]["message"]["body"] == "À valider"
    assert approved["seq"] == pending["seq"] + 1
    for client in (visitor, writer, boss):
        await client.close()


async def test_hide_message_by_moderator_not_by_citizen(room, citizen, council_member, moderator):
    visitor, writer = await open_pair(room, citizen)
    other = await LiveClient.open(room.event.slug, council_member)
    mod = await LiveClient.open(room.event.slug, moderator)
    message_id = (await writer.act(type="message.send", body="Propos déplacés"))["id"]
    await visitor.receive()
    assert (await other.act(type="message.hide", message=message_id))["code"] == "forbidden"
    assert (await mod.act(type="message.approve", message=message_id))["code"] == "forbidden"
    assert (await mod.act(type="message.hide", message=message_id))["type"] == "ack"
    hidden = await visitor.receive()
    assert hidden["type"] == "message.hidden"
    assert hidden["data"]["message"]["body"] == "" and hidden["data"]["message"]["status"] == "hidden"
    assert hidden["actor"]["id"] == moderator.pk
    message = await sync_to_async(Message.objects.get)(pk=message_id)
    assert message.status == Status.HIDDEN and message.body == "Propos déplacés"  # never deleted
    for client in (visitor, writer, other, mod):
        await client.close()


async def test_facilitator_answers_pins_projects_and_hides_questions(room, citizen, facilitator):
    question = await sync_to_async(QuestionFactory)(room=room)
    visitor, writer = await open_pair(room, citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    for kind, expected in [
        ("question.answer", "question.answered"),
        ("question.pin", "question.pinned"),
        ("question.project", "question.projected"),
        ("question.hide", "question.hidden"),
    ]:
        assert (await writer.act(type=kind, question=question.pk))["code"] == "forbidden"
        assert (await boss.act(type=kind, question=question.pk))["type"] == "ack"
        frame = await visitor.receive()
        assert frame["type"] == expected
        assert frame["actor"]["name"] == public_name(facilitator)
    await sync_to_async(room.refresh_from_db)()
    await sync_to_async(question.refresh_from_db)()
    assert question.answered and question.status == Status.HIDDEN
    assert room.pinned_question_id == question.pk and room.projected_question_id == question.pk
    assert (await boss.act(type="question.project", question=None))["type"] == "ack"
    frame = await visitor.receive()
    assert frame["type"] == "question.projected" and frame["data"] == {"projected": False}
    for client in (visitor, writer, boss):
        await client.close()


async def test_mute_then_ban_for_a_duration(room, citizen, facilitator):
    question = await sync_to_async(QuestionFactory)(room=room)
    visitor, writer = await open_pair(room, citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    assert (await writer.act(type="user.mute", user=facilitator.pk, minutes=5))["code"] == "forbidden"
    assert (await boss.act(type="user.mute", user=citizen.pk, minutes=0))["code"] == "invalid"
    assert (await boss.act(type="user.mute", user=424242, minutes=5))["code"] == "not_found"
    assert (await boss.act(type="user.mute", user=citizen.pk, minutes=10, reason="Hors sujet"))["type"] == "ack"
    notice = await writer.receive()
    assert notice["type"] == "user.sanctioned" and notice["data"]["sanction"]["kind"] == "mute"
    assert await visitor.nothing()  # sanctions go to facilitators and the person concerned only
    reply = await writer.act(type="message.send", body="Encore moi")
    assert reply["code"] == "muted" and reply["detail"].startswith("Vous êtes réduit·e au silence jusqu’au")
    assert (await writer.act(type="question.vote", question=question.pk))["type"] == "ack"
    assert (await boss.act(type="user.ban", user=citizen.pk, minutes=60))["type"] == "ack"
    reply = await writer.act(type="question.ask", body="Et une question ?")
    assert reply["code"] == "banned"
    assert (await writer.act(type="question.vote", question=question.pk))["code"] == "banned"
    sanctions = await sync_to_async(list)(Sanction.objects.filter(user=citizen).values_list("kind", "author"))
    assert sorted(sanctions) == [(SanctionKind.BAN, facilitator.pk), (SanctionKind.MUTE, facilitator.pk)]
    for client in (visitor, writer, boss):
        await client.close()


async def test_staff_facilitates_every_room(room, staff):
    client = await LiveClient.open(room.event.slug, staff)
    assert client.hello["you"]["can_facilitate"] is True
    assert (await client.act(type="room.update", premoderated=True))["type"] == "ack"
    await client.close()


async def test_presence_count_is_pushed(room, citizen):
    visitor = await LiveClient.open(room.event.slug)
    assert visitor.hello["presence"] == 1
    writer = await LiveClient.open(room.event.slug, citizen)
    frame = await visitor.receive(skip_presence=False)
    while frame["count"] != 2:
        frame = await visitor.receive(skip_presence=False)
    assert frame == {"type": "presence", "count": 2}
    await writer.close()
    frame = await visitor.receive(skip_presence=False)
    assert frame == {"type": "presence", "count": 1}
    await visitor.close()
