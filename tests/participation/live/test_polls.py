"""Live polls over the websocket: launch, answer, change, close, reveal, and results coalesced.

The hub's flush is driven by hand (``POLL_FLUSH_INTERVAL`` None): a test says when the interval ends,
so the number of results frames each client gets is exact, with no sleep racing a timer.
"""

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer

from participation.live import fanout
from participation.live.models import Poll, PollAnswer, PollKind
from tests.factories import UserFactory

from .wsclient import LiveClient

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _flush_by_hand(settings):
    settings.PARTICIPATION = {
        **settings.PARTICIPATION,
        "LIVE": {**settings.PARTICIPATION["LIVE"], "POLL_FLUSH_INTERVAL": None, "IP_RATE_COUNT": 10_000},
    }


async def flush(room):
    hub = fanout.hub_of(get_channel_layer(), room.group_name)
    await hub.flush_polls()


async def launch(client, **fields):
    fields.setdefault("kind", "single")
    fields.setdefault("question", "Quel thème pour la prochaine séance ?")
    fields.setdefault("options", ["Mobilité", "Logement", "Emploi"])
    reply = await client.act(type="poll.create", launch=True, **fields)
    assert reply["type"] == "ack", reply
    return await sync_to_async(Poll.objects.prefetch_related("options").get)(pk=reply["id"])


async def next_of(client, kind):
    """The next frame of ``kind``, also among those that came before the client's last answer."""
    while getattr(client, "pending", None):
        frame = client.pending.pop(0)
        if frame["type"] == kind:
            return frame
    return await client.receive_type(kind)


def option_ids(poll):
    return [option.pk for option in poll.options.all()]


async def test_launch_answer_change_close(room, citizen, council_member, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    awa = await LiveClient.open(room.event.slug, citizen)
    poll = await launch(boss)
    created = await next_of(boss, "poll.created")  # the facilitators' log
    assert created["data"]["poll"]["id"] == poll.pk
    opened = await awa.receive_type("poll.opened")  # a participant never sees the prepared poll
    assert opened["data"]["poll"]["question"] == "Quel thème pour la prochaine séance ?"
    assert [o["label"] for o in opened["data"]["poll"]["options"]] == ["Mobilité", "Logement", "Emploi"]
    assert opened["data"]["poll"]["results"]["total"] == 0
    await next_of(boss, "poll.opened")

    mobility, housing, _ = option_ids(poll)
    first = await awa.act(type="poll.answer", poll=poll.pk, options=[mobility])
    assert first["type"] == "ack" and first["changed"] is False
    changed = await awa.act(type="poll.answer", poll=poll.pk, options=[housing])
    assert changed["type"] == "ack" and changed["changed"] is True and changed["id"] == first["id"]
    assert await sync_to_async(PollAnswer.objects.filter(poll=poll).count)() == 1

    await flush(room)
    for client in (boss, awa):
        results = await client.receive_type("poll.results")
        assert results["poll"] == poll.pk and results["results"]["total"] == 1
        assert [c["count"] for c in results["results"]["choices"]] == [0, 1, 0]
        assert results["results"]["choices"][1] == {"key": housing, "label": "Logement", "count": 1, "percent": 100}

    assert (await awa.act(type="poll.close", poll=poll.pk))["code"] == "forbidden"
    assert (await boss.act(type="poll.close", poll=poll.pk))["type"] == "ack"
    closed = await awa.receive_type("poll.closed")
    assert closed["data"]["poll"]["state"] == "closed"
    assert closed["data"]["poll"]["results"]["choices"][1]["count"] == 1
    late = await awa.act(type="poll.answer", poll=poll.pk, options=[mobility])
    assert late["code"] == "closed"
    for client in (boss, awa):
        await client.close()


async def test_results_hidden_until_revealed(room, citizen, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    awa = await LiveClient.open(room.event.slug, citizen)
    poll = await launch(boss, kind="scale", question="Votre satisfaction ?", options=[], results_hidden=True)
    opened = await awa.receive_type("poll.opened")
    assert "results" not in opened["data"]["poll"] and opened["data"]["poll"]["results_hidden"] is True
    assert (await awa.act(type="poll.answer", poll=poll.pk, scale=4))["type"] == "ack"
    assert (await awa.act(type="poll.answer", poll=poll.pk, scale=6))["code"] == "invalid"
    await next_of(boss, "poll.created")
    await next_of(boss, "poll.opened")
    await flush(room)
    mine = await boss.receive_type("poll.results")
    assert mine["results"]["mean"] == 4 and mine["results"]["choices"][3]["count"] == 1
    theirs = await awa.receive_type("poll.results")
    assert theirs["results"] is None and theirs["total"] == 1  # how many answered, not what

    assert (await awa.act(type="poll.reveal", poll=poll.pk))["code"] == "forbidden"
    assert (await boss.act(type="poll.reveal", poll=poll.pk))["type"] == "ack"
    revealed = await awa.receive_type("poll.revealed")
    assert revealed["data"]["poll"]["results"]["choices"][3] == {"key": 4, "label": "4", "count": 1, "percent": 100}
    assert (await boss.act(type="poll.reveal", poll=poll.pk))["code"] == "invalid"
    for client in (boss, awa):
        await client.close()


async def test_word_cloud_groups_words(room, citizen, council_member, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    poll = await launch(boss, kind="words", question="Un mot pour cette journée ?", options=[])
    people = [citizen, council_member] + [await sync_to_async(UserFactory)(roles=["citizen"]) for _ in range(2)]
    answers = ["L'écoute", "écoute et partage", "ECOUTE", "Partage !"]
    for person, text in zip(people, answers):
        client = await LiveClient.open(room.event.slug, person)
        assert (await client.act(type="poll.answer", poll=poll.pk, text=text))["type"] == "ack"
        await client.close()
    await flush(room)
    boss.pending = []
    frame = None
    while frame is None or frame["type"] != "poll.results":
        frame = await boss.receive()
    words = frame["results"]["words"]
    assert [(w["word"], w["count"]) for w in words] == [("écoute", 3), ("partage", 2)]
    assert words[0]["size"] == 5 and words[1]["size"] == 3
    await boss.close()


async def test_many_answers_make_one_results_frame_per_client_and_flush(room, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    poll = await launch(boss)
    people = [await sync_to_async(UserFactory)(roles=["citizen"]) for _ in range(12)]
    clients = [await LiveClient.open(room.event.slug, person) for person in people]
    for client in clients:
        assert client.hello["poll"]["id"] == poll.pk  # came after the launch: the poll is in the hello
    mobility = option_ids(poll)[0]
    for client in clients:
        assert (await client.act(type="poll.answer", poll=poll.pk, options=[mobility]))["type"] == "ack"
    # Twelve answers, no flush yet: no results frame went out.
    for client in clients:
        assert await client.nothing(timeout=0.05)
    await flush(room)
    for client in clients:
        results = await client.receive_type("poll.results")
        assert results["results"]["total"] == 12
        assert await client.nothing(timeout=0.05)  # one frame for the twelve answers
    await flush(room)  # nothing changed since: nothing sent
    for client in clients + [boss]:
        await client.close()


async def test_coalescing_on_a_timer(room, citizen, facilitator, settings):
    settings.PARTICIPATION = {
        **settings.PARTICIPATION, "LIVE": {**settings.PARTICIPATION["LIVE"], "POLL_FLUSH_INTERVAL": 0.2},
    }
    boss = await LiveClient.open(room.event.slug, facilitator)
    awa = await LiveClient.open(room.event.slug, citizen)
    poll = await launch(boss)
    await awa.receive_type("poll.opened")
    for option in option_ids(poll) * 3:
        await awa.act(type="poll.answer", poll=poll.pk, options=[option])
    results = await awa.receive_type("poll.results", timeout=3)
    assert [c["count"] for c in results["results"]["choices"]] == [0, 0, 1]
    for client in (boss, awa):
        await client.close()


@pytest.mark.parametrize(
    "role, launches, answers",
    [
        ("visitor", "forbidden", "not_signed_in"),
        ("citizen", "forbidden", "ack"),
        ("council_member", "forbidden", "ack"),
        ("moderator", "forbidden", "ack"),
        ("facilitator", "ack", "ack"),
        ("staff", "ack", "ack"),
    ],
)
async def test_who_may_run_and_answer_polls(room, role, launches, answers, user_for_role, facilitator):
    user = None if role == "visitor" else await sync_to_async(user_for_role)(role)
    poll = await sync_to_async(Poll.objects.create)(room=room, kind=PollKind.SCALE, question="Note ?", state="open")
    client = await LiveClient.open(room.event.slug, user)
    reply = await client.act(type="poll.create", kind="scale", question="Encore ?", options=[])
    assert reply.get("code", reply["type"]) == launches
    reply = await client.act(type="poll.answer", poll=poll.pk, scale=3)
    assert reply.get("code", reply["type"]) == answers
    await client.close()


async def test_bad_poll_frames(room, citizen, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    reply = await boss.act(type="poll.create", kind="single", question="Un seul choix ?", options=["Oui"])
    assert reply["code"] == "invalid"
    reply = await boss.act(type="poll.create", kind="single", question="", options=["Oui", "Non"])
    assert reply["code"] == "empty"
    reply = await boss.act(type="poll.create", kind="single", question="Q", options="Oui")
    assert reply["code"] == "bad_frame"
    reply = await boss.act(type="poll.create", kind="single", question="Q", options=["Oui\nmais non", "Non"])
    assert reply["code"] == "invalid"
    poll = await launch(boss, kind="single")
    awa = await LiveClient.open(room.event.slug, citizen)
    one, two, _ = option_ids(poll)
    assert (await awa.act(type="poll.answer", poll=poll.pk, options=[one, two]))["code"] == "invalid"
    assert (await awa.act(type="poll.answer", poll=poll.pk, options=["1"]))["code"] == "bad_frame"
    assert (await awa.act(type="poll.answer", poll=poll.pk, options=[999999]))["code"] == "invalid"
    assert (await awa.act(type="poll.answer", poll=987654, options=[one]))["code"] == "not_found"
    for client in (boss, awa):
        await client.close()


async def test_hello_carries_the_current_poll_and_the_persons_answer(room, citizen, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    poll = await launch(boss, kind="multiple")
    one, _, three = option_ids(poll)
    awa = await LiveClient.open(room.event.slug, citizen)
    assert awa.hello["poll"]["id"] == poll.pk and awa.hello["you"]["poll_answer"] is None
    await awa.act(type="poll.answer", poll=poll.pk, options=[three, one])
    await awa.close()
    again = await LiveClient.open(room.event.slug, citizen)
    assert again.hello["you"]["poll_answer"] == {"options": [one, three], "scale": None, "text": ""}
    assert again.hello["room"]["current_poll"] == poll.pk
    for client in (boss, again):
        await client.close()


async def test_a_projection_opened_by_a_facilitator_gets_the_public_results(room, citizen, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    poll = await launch(boss, kind="words", question="Un mot ?", options=[], results_hidden=True)
    awa = await LiveClient.open(room.event.slug, citizen)
    assert (await awa.act(type="poll.answer", poll=poll.pk, text="Confiance"))["type"] == "ack"
    # The room sees the big screen: no results before they are revealed, even in her browser.
    screen = await LiveClient.open(room.event.slug, facilitator, query="screen=1")
    assert "results" not in screen.hello["poll"]
    await flush(room)
    frame = await screen.receive_type("poll.results")
    assert frame["results"] is None and frame["total"] == 1
    boss.pending = []
    while (frame := await boss.receive())["type"] != "poll.results":
        pass
    assert frame["results"]["words"] == [{"word": "confiance", "count": 1, "size": 3}]
    for client in (boss, awa, screen):
        await client.close()


async def test_a_muted_participant_cannot_answer(room, citizen, facilitator):
    boss = await LiveClient.open(room.event.slug, facilitator)
    poll = await launch(boss)
    assert (await boss.act(type="user.mute", user=citizen.pk, minutes=10))["type"] == "ack"
    awa = await LiveClient.open(room.event.slug, citizen)
    assert (await awa.act(type="poll.answer", poll=poll.pk, options=option_ids(poll)[:1]))["code"] == "muted"
    assert not await sync_to_async(PollAnswer.objects.exists)()
    for client in (boss, awa):
        await client.close()
