import pytest

from lapartcitoyenne.demo.loader import load_demo as load_site_demo
from participation.live import exports
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
    messages = list(exports.message_rows())
    questions = list(exports.question_rows())
    assert [row["body"] for row in messages] == ["Visible"]
    assert questions[0]["answered"] is True and questions[0]["votes"] == 3
    assert messages[0]["event"] == room.event.slug
    assert str(citizen.pk) != messages[0]["author"] and citizen.email not in str(messages)
    # One pseudonymiser per export: the same person has one id within it, another id in the next export.
    pseudonym = exports.salted_pseudonym()
    same_export = list(exports.message_rows(pseudonym=pseudonym)) + list(exports.question_rows(pseudonym=pseudonym))
    assert len({row["author"] for row in same_export}) == 1
    assert {d.name for d in exports.DATASETS} == {"live_messages", "live_questions"}
