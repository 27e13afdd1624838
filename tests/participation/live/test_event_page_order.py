"""An event page reads top to bottom: the live room's link while it can be joined, the description,
the sessions and registration, then the discussion."""

import pytest

from participation.live.models import Room, RoomState
from tests.factories import EventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.needs_apps("participation.comments")]

JOIN = "Rejoindre le salon en direct"


def positions(page, *markers):
    return [page.index(marker) for marker in markers]


def test_description_then_sessions_and_registration_then_comments(client):
    event = EventFactory(description="Le programme **détaillé** de la journée.")
    page = client.get(event.get_absolute_url()).content.decode()
    order = positions(page, "<strong>détaillé</strong>", 'id="sessions-title"', 'id="registration-title"', 'id="commentaires"')
    assert order == sorted(order)


def test_the_live_link_comes_first_while_the_room_is_open_only(client):
    event = EventFactory(description="Présentation.")
    room = Room.objects.create(event=event, state=RoomState.OPEN)
    page = client.get(event.get_absolute_url()).content.decode()
    assert page.index(JOIN) < page.index("Présentation.") < page.index('id="sessions-title"')
    room.state = RoomState.CLOSED
    room.save()
    assert JOIN not in client.get(event.get_absolute_url()).content.decode()
