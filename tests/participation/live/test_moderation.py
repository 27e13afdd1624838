"""Live rooms: decisions reach the room's clients at once, blocked people's frames are refused, and the
facilitators' own actions land in the moderation log."""

import pytest
from asgiref.sync import sync_to_async

from participation.live.models import Message, Question, Status
from participation.moderation import services
from participation.moderation.models import Action, ActionKind, CaseStatus, Source
from tests.factories import UserFactory
from tests.participation.moderation.helpers import case_of, report_by_many

from .factories import MessageFactory, QuestionFactory
from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("factory", "event"), [(MessageFactory, "message.hidden"), (QuestionFactory, "question.hidden")])
async def test_reports_past_the_threshold_hide_the_item_in_the_room(room, factory, event):
    obj = await sync_to_async(factory)(room=room, body="Publicité pour un site douteux")
    visitor = await LiveClient.open(room.event.slug)
    await sync_to_async(report_by_many)(obj, 2)
    assert await visitor.nothing()
    await sync_to_async(report_by_many)(obj, 1)
    frame = await visitor.receive()
    assert frame["type"] == event
    data = frame["data"]["message" if factory is MessageFactory else "question"]
    assert data["id"] == obj.pk and data["status"] == "hidden" and data["body"] == ""
    await sync_to_async(obj.refresh_from_db)()
    assert obj.status == Status.HIDDEN
    case = await sync_to_async(case_of)(obj)
    assert case.status == CaseStatus.AUTO_HIDDEN
    await visitor.close()


async def test_a_queue_decision_reaches_the_room(room, moderator):
    message = await sync_to_async(MessageFactory)(room=room)
    visitor = await LiveClient.open(room.event.slug)

    def hide_then_restore():
        case = services.report(UserFactory(), "live_message", message.pk, "abuse")
        services.hide(moderator, case, "Propos insultants", source=Source.API)
        return case

    case = await sync_to_async(hide_then_restore)()
    frame = await visitor.receive()
    assert frame["type"] == "message.hidden" and frame["data"]["message"]["id"] == message.pk
    await sync_to_async(services.keep)(moderator, case, "Finalement acceptable")
    frame = await visitor.receive()
    assert frame["type"] == "message.approved" and frame["data"]["message"]["body"] == message.body
    await visitor.close()


async def test_a_blocked_person_gets_an_error_frame(room, citizen, moderator):
    writer = await LiveClient.open(room.event.slug, citizen)
    assert (await writer.act(type="message.send", body="Avant le blocage"))["type"] == "ack"
    await sync_to_async(services.block)(moderator, citizen, "Spam", days=7)
    for frame in ({"type": "message.send", "body": "Après"}, {"type": "question.ask", "body": "Une question ?"}):
        reply = await writer.act(**frame)
        assert reply["type"] == "error" and reply["code"] == "blocked"
        assert "bloqué" in reply["detail"]
    assert await sync_to_async(Message.objects.filter(author=citizen, status=Status.VISIBLE).count)() == 0
    assert not await sync_to_async(Question.objects.filter(author=citizen).exists)()
    await writer.close()
    # A new connection says so at once.
    again = await LiveClient.open(room.event.slug, citizen)
    assert again.hello["you"]["can_write"] is False
    assert (await again.act(type="message.send", body="Encore"))["code"] == "blocked"
    await again.close()


async def test_facilitator_actions_are_in_the_log_with_source_live(room, citizen, facilitator):
    message = await sync_to_async(MessageFactory)(room=room, author=citizen)
    question = await sync_to_async(QuestionFactory)(room=room, author=citizen)
    boss = await LiveClient.open(room.event.slug, facilitator)
    assert (await boss.act(type="message.hide", message=message.pk, reason="off_topic", note="Restons sur le contrat de ville"))["type"] == "ack"
    assert (await boss.act(type="question.hide", question=question.pk))["type"] == "ack"
    assert (await boss.act(type="user.mute", user=citizen.pk, minutes=10, reason="Calmez-vous"))["type"] == "ack"
    assert (await boss.act(type="user.ban", user=citizen.pk, minutes=60, reason="Insultes"))["type"] == "ack"
    await boss.close()
    lines = await sync_to_async(list)(
        Action.objects.order_by("pk").values_list("actor", "action", "kind", "object_id", "target_user", "reason", "source")
    )
    assert lines == [
        (facilitator.pk, ActionKind.HIDE, "live_message", message.pk, citizen.pk, "Hors sujet — Restons sur le contrat de ville", Source.LIVE),
        (facilitator.pk, ActionKind.HIDE, "live_question", question.pk, citizen.pk, "", Source.LIVE),
        (facilitator.pk, ActionKind.MUTE, "", None, citizen.pk, "Calmez-vous", Source.LIVE),
        (facilitator.pk, ActionKind.BAN, "", None, citizen.pk, "Insultes", Source.LIVE),
    ]


async def test_a_facilitator_hiding_a_reported_message_decides_its_case(room, citizen, facilitator):
    message = await sync_to_async(MessageFactory)(room=room, author=citizen)
    await sync_to_async(report_by_many)(message, 1)
    boss = await LiveClient.open(room.event.slug, facilitator)
    assert (await boss.act(type="message.hide", message=message.pk, reason="spam"))["type"] == "ack"
    await boss.close()
    case = await sync_to_async(case_of)(message)
    assert case.status == CaseStatus.HIDDEN and case.decided_by_id == facilitator.pk and case.decision_reason == "Spam ou publicité"
    line = await sync_to_async(Action.objects.get)(action=ActionKind.HIDE)
    assert line.case_id == case.pk
