"""The session's video beside the room: click-to-load for players, a link for video calls."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import EventSession

pytestmark = pytest.mark.django_db


def _session(room, url, **times):
    now = timezone.now()
    room.event.sessions.all().delete()
    return EventSession.objects.create(
        event=room.event, starts_at=times.get("start", now - timedelta(minutes=5)),
        ends_at=times.get("end", now + timedelta(hours=1)), is_online=True, stream_url=url,
    )


def _page(client, room):
    return client.get(reverse("live:room", args=[room.event.slug])).content.decode()


@pytest.mark.parametrize("role", ["visitor", "citizen", "facilitator", "staff"])
def test_a_video_waits_for_consent_whoever_looks(client_for, user_for_role, room, role):
    _session(room, "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    page = _page(client_for(user_for_role(role)), room)
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in page
    assert "<iframe" not in page  # no request to the provider before the person agrees
    assert "Charger la vidéo" in page and "youtube-nocookie.com" in page
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in page  # without JavaScript


def test_a_video_call_is_a_link_to_join(client, room):
    _session(room, "https://meet.jit.si/WebinaireContratDeVille")
    page = _page(client, room)
    assert "Rejoindre la visio" in page and 'href="https://meet.jit.si/WebinaireContratDeVille"' in page
    assert "data-embed-src" not in page


def test_no_video_no_section(client, room):
    assert 'id="live-stream"' not in _page(client, room)


def test_the_session_under_way_gives_the_video(client, room):
    now = timezone.now()
    _session(room, "https://vimeo.com/1", start=now - timedelta(days=1), end=now - timedelta(days=1) + timedelta(hours=1))
    EventSession.objects.create(
        event=room.event, starts_at=now - timedelta(minutes=1), ends_at=now + timedelta(hours=1), is_online=True,
        stream_url="https://vimeo.com/2",
    )
    assert "player.vimeo.com/video/2?dnt=1" in _page(client, room)
