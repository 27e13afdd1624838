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
