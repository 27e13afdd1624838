import pytest

from participation.live.models import Room

from ...factories import EventFactory

pytestmark = pytest.mark.django_db


def test_event_page_links_to_its_live_room(client):
    event = EventFactory()
    assert "Rejoindre le salon en direct" not in client.get(event.get_absolute_url()).text
    Room.objects.create(event=event)
    assert "Rejoindre le salon en direct" in client.get(event.get_absolute_url()).text
