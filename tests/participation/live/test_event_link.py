from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from participation.live.models import Room, RoomState

from ...factories import EventFactory

pytestmark = pytest.mark.django_db

JOIN = "Rejoindre le salon en direct"
PARIS = ZoneInfo("Europe/Paris")
# A webinar from 14:00 to 16:00 on 7 October 2020, Paris time.
START = datetime(2020, 10, 7, 14, 0, tzinfo=PARIS)


def webinar():
    return EventFactory(sessions=[(START, START + timedelta(hours=2), None)])


def test_event_page_links_to_its_open_live_room(client):
    event = EventFactory()
    assert JOIN not in client.get(event.get_absolute_url()).text
    Room.objects.create(event=event, state=RoomState.OPEN)
    assert JOIN in client.get(event.get_absolute_url()).text


@pytest.mark.parametrize(
    "moment, shown",
    [
        (START - timedelta(days=1), False),  # the day before
        (START - timedelta(hours=5), True),  # the morning of the day: the room to wait in
        (START + timedelta(hours=1), True),  # during the session
        (START + timedelta(hours=2, minutes=1), False),  # once it has ended
        (START + timedelta(days=2200), False),  # years later
    ],
)
def test_a_scheduled_room_is_offered_only_on_the_day_of_the_session_until_it_ends(client, moment, shown):
    event = webinar()
    Room.objects.create(event=event, state=RoomState.SCHEDULED)
    with time_machine.travel(moment, tick=False):
        assert (JOIN in client.get(event.get_absolute_url()).text) is shown


def test_a_closed_room_is_never_offered_and_an_open_one_always_is(client):
    event = webinar()
    room = Room.objects.create(event=event, state=RoomState.CLOSED)
    with time_machine.travel(START + timedelta(minutes=30), tick=False):
        assert JOIN not in client.get(event.get_absolute_url()).text
    room.state = RoomState.OPEN
    room.save()
    with time_machine.travel(START + timedelta(days=2200), tick=False):
        assert JOIN in client.get(event.get_absolute_url()).text


def test_a_scheduled_room_inside_its_own_window_is_offered(client):
    event = webinar()
    Room.objects.create(
        event=event, state=RoomState.SCHEDULED, opens_at=START - timedelta(days=3), closes_at=START + timedelta(days=1)
    )
    with time_machine.travel(START - timedelta(days=2), tick=False):
        assert JOIN in client.get(event.get_absolute_url()).text
