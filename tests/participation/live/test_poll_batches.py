"""Poll answers written together (``polls_services.answer_polls``, ``poll_batches``): each answer
gets the outcome it would get alone, and the writes of a batch do not grow with its answers."""

import asyncio
import datetime

import pytest
from asgiref.sync import sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from participation.live import polls_services
from participation.live.checks import Refused
from participation.live.models import PollAnswer, PollKind, Sanction, SanctionKind
from tests.factories import UserFactory

from .test_polls import _flush_by_hand, flush, launch, option_ids  # noqa: F401 (fixture)
from .wsclient import LiveClient


def _single_poll(room, facilitator):
    return polls_services.create_poll(
        room.pk, facilitator, PollKind.SINGLE, "Quel thème ?", ["Mobilité", "Logement", "Emploi"], launch=True
    )


def _chosen(poll, user):
    answer = PollAnswer.objects.get(poll=poll, user=user)
    return sorted(answer.options.values_list("pk", flat=True))


@pytest.mark.django_db
def test_each_answer_of_a_batch_gets_its_own_outcome(room, facilitator):
    poll = _single_poll(room, facilitator)
    mobility, housing, jobs = option_ids(poll)
    awa, karim, muted, twice = (UserFactory(roles=["citizen"]) for _ in range(4))
    polls_services.answer_poll(room.pk, karim, poll.pk, [jobs])  # answered before: this one changes it
    Sanction.objects.create(room=room, user=muted, kind=SanctionKind.MUTE, until=timezone.now() + datetime.timedelta(minutes=5))
    outcomes = polls_services.answer_polls(room.pk, [
        (awa, poll.pk, [mobility], None, ""),
        (karim, poll.pk, [housing], None, ""),
        (muted, poll.pk, [mobility], None, ""),
        (awa, poll.pk + 1000, [mobility], None, ""),  # no such poll
        (twice, poll.pk, [mobility, housing], None, ""),  # two choices for a single choice
        (twice, poll.pk, [housing], None, ""),
        (twice, poll.pk, [jobs], None, ""),  # the same person again (two tabs): the last one stays
    ])
    assert [getattr(o, "code", None) for o in outcomes] == [None, None, "muted", "not_found", "invalid", None, None]
    assert [getattr(o, "changed", None) for o in outcomes] == [False, True, None, None, None, False, True]
    assert outcomes[5].pk == outcomes[6].pk
    assert _chosen(poll, awa) == [mobility] and _chosen(poll, karim) == [housing] and _chosen(poll, twice) == [jobs]
    assert PollAnswer.objects.filter(poll=poll).count() == 3


@pytest.mark.django_db
def test_a_closed_poll_refuses_the_whole_batch(room, facilitator):
    poll = _single_poll(room, facilitator)
    people = [UserFactory(roles=["citizen"]) for _ in range(2)]
    polls_services.close_poll(room.pk, facilitator, poll.pk)
    outcomes = polls_services.answer_polls(room.pk, [(p, poll.pk, option_ids(poll)[:1], None, "") for p in people])
    assert all(isinstance(o, Refused) and o.code == "closed" for o in outcomes)
    assert not PollAnswer.objects.exists()


def _writes(room, poll, people, choose):
    with CaptureQueriesContext(connection) as queries:
        polls_services.answer_polls(room.pk, [(p, poll.pk, choose(i), None, "") for i, p in enumerate(people)])
    # Reads grow by the identity check of each person only (the host's VERIFIED_EMAIL_CHECK, the block).
    return sum(q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE") or "live_" in q["sql"] for q in queries.captured_queries)


@pytest.mark.django_db
def test_the_live_queries_of_a_batch_do_not_grow_with_its_answers(room, facilitator):
    poll = polls_services.create_poll(room.pk, facilitator, PollKind.MULTIPLE, "Quels thèmes ?", ["A", "B", "C"], launch=True)
    ids = option_ids(poll)
    few, many = [UserFactory(roles=["citizen"]) for _ in range(3)], [UserFactory(roles=["citizen"]) for _ in range(30)]
    first = _writes(room, poll, few, lambda i: ids[: 1 + i % 3])
    assert _writes(room, poll, many, lambda i: ids[: 1 + i % 3]) == first
    # Everyone changes their answer: the same again.
    assert _writes(room, poll, few + many, lambda i: ids[i % 3:]) <= first + 2
    assert PollAnswer.objects.filter(poll=poll).count() == 33
    assert _chosen(poll, many[4]) == ids[(3 + 4) % 3:]  # its place in few + many


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_answers_sent_together_are_each_acknowledged_and_counted(room, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    poll = await launch(boss)
    people = [await sync_to_async(UserFactory)(roles=["citizen"]) for _ in range(15)]
    clients = [await LiveClient.open(room.event.slug, person) for person in people]
    ids = option_ids(poll)
    # All at once: the first is written alone, the others wait for it and are written together.
    for index, client in enumerate(clients):
        await client.send(type="poll.answer", poll=poll.pk, options=[ids[index % 3]], ref=f"a{index}")
    await client.send(type="poll.answer", poll=poll.pk, options=[ids[0], ids[1]], ref="bad")
    replies = await asyncio.gather(*(c.receive_type("ack") for c in clients))
    assert [r["ref"] for r in replies] == [f"a{i}" for i in range(15)] and all(r["changed"] is False for r in replies)
    assert (await clients[-1].receive_type("error"))["code"] == "invalid"
    await flush(room)
    results = await clients[0].receive_type("poll.results")
    assert results["results"]["total"] == 15 and [c["count"] for c in results["results"]["choices"]] == [5, 5, 5]
    for client in clients + [boss]:
        await client.close()


@pytest.mark.asyncio
@pytest.mark.django_db(transaction=True)
async def test_a_batch_still_checks_each_session_and_account(room, facilitator, citizen, council_member, unverified_user):
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    boss = await LiveClient.open(room.event.slug, facilitator)
    poll = await launch(boss)
    signed_out = await LiveClient.open(room.event.slug, citizen)
    deactivated = await LiveClient.open(room.event.slug, council_member)
    unverified = await LiveClient.open(room.event.slug, unverified_user)
    await sync_to_async(Session.objects.filter(session_key=signed_out.session_key).delete)()
    await sync_to_async(get_user_model().objects.filter(pk=council_member.pk).update)(is_active=False)
    for client in (signed_out, deactivated, unverified):
        await client.send(type="poll.answer", poll=poll.pk, options=option_ids(poll)[:1], ref="a")
    codes = [(await client.receive_type("error"))["code"] for client in (signed_out, deactivated, unverified)]
    assert codes == ["not_signed_in", "not_signed_in", "forbidden"]
    assert not await sync_to_async(PollAnswer.objects.exists)()
    for client in (boss, signed_out, deactivated, unverified):
        await client.close()
