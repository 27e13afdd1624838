import pytest

from lapartcitoyenne.demo.loader import load_demo as load_site_demo
from participation.exports.registry import get_dataset
from participation.exports.scope import Scope
from participation.live.demo import OPEN_NOW, load_demo
from participation.live.models import Message, Question, Room, Status

from .factories import MessageFactory, QuestionFactory, RoomFactory


@pytest.mark.django_db
def test_demo_opens_a_room_with_a_french_discussion_and_is_idempotent():
    load_site_demo()
    load_demo()
    load_demo()
    room = Room.objects.get(event__slug=OPEN_NOW)
    assert room.is_open()
    assert Message.objects.filter(room=room).count() == 5
    assert Question.objects.filter(room=room).order_by("-vote_count").first().body.startswith("Comment associer les conseils citoyens")
    assert room.last_seq == room.events.count() == 5 + 3 + 3
    assert Room.objects.count() >= 2


@pytest.mark.django_db
def test_exports_give_visible_rows_with_pseudonymous_authors(citizen):
    room = RoomFactory()
    MessageFactory(room=room, author=citizen, body="Visible")
    MessageFactory(room=room, author=citizen, body="Masqué", status=Status.HIDDEN)
    QuestionFactory(room=room, author=citizen, answered=True, vote_count=3)
    scope = Scope(event=room.event.slug)
    messages = list(get_dataset("live_messages").rows(scope))
    questions = list(get_dataset("live_questions").rows(scope))
    assert [row["body"] for row in messages] == ["Visible"]
    assert questions[0]["answered"] is True and questions[0]["votes"] == 3
    assert messages[0]["event"] == room.event.slug
    assert str(citizen.pk) != messages[0]["author"] and citizen.email not in str(messages)
    # One pseudonym per person within an export, another in the next export.
    assert messages[0]["author"] == questions[0]["author"]
    assert list(get_dataset("live_messages").rows(Scope()))[0]["author"] != messages[0]["author"]
    assert list(get_dataset("live_messages").rows(Scope(event="another-event"))) == []


@pytest.mark.django_db
def test_poll_results_dataset_counts_per_choice_and_word(facilitator, django_assert_max_num_queries):
    from participation.live import polls_services
    from participation.live.models import PollKind
    from tests.factories import UserFactory

    room = RoomFactory()
    room.event.facilitators.add(facilitator)
    choice = polls_services.create_poll(room.pk, facilitator, PollKind.SINGLE, "Thème ?", ["Mobilité", "Logement"], launch=True)
    voters = [UserFactory(roles=["citizen"]) for _ in range(3)]
    for voter in voters:
        polls_services.answer_poll(room.pk, voter, choice.pk, [choice.options.first().pk])
    cloud = polls_services.create_poll(room.pk, facilitator, PollKind.WORDS, "Un mot ?", launch=True)
    for voter, text in zip(voters, ["Écoute", "écoute, partage", "Le partage"]):
        polls_services.answer_poll(room.pk, voter, cloud.pk, text=text)
    polls_services.create_poll(room.pk, facilitator, PollKind.SCALE, "Jamais lancé ?")
    dataset = get_dataset("live_poll_results")
    with django_assert_max_num_queries(6):
        rows = list(dataset.rows(Scope(event=room.event.slug)))
    assert [(row["question"], row["choice"], row["count"], row["total"]) for row in rows] == [
        ("Thème ?", "Mobilité", 3, 3), ("Thème ?", "Logement", 0, 3),
        ("Un mot ?", "écoute", 2, 3), ("Un mot ?", "partage", 2, 3),
    ]
    assert not any(str(voter.pk) == str(row.get("author")) for voter in voters for row in rows)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_poll_results_go_through_the_export_engine(facilitator, citizen, fmt):
    import io

    from participation.exports import engine
    from participation.live import polls_services

    room = RoomFactory()
    room.event.facilitators.add(facilitator)
    poll = polls_services.create_poll(room.pk, facilitator, "scale", "Satisfaction ?", launch=True)
    polls_services.answer_poll(room.pk, citizen, poll.pk, scale=5)
    buffer = io.BytesIO()
    assert engine.write(get_dataset("live_poll_results"), Scope(), fmt, buffer) == 5  # one row per value
    if fmt != "xlsx":
        assert "Satisfaction ?" in buffer.getvalue().decode("utf-8-sig")
