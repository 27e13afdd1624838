"""A session's video: which addresses are recognised, how each is shown, and the CSP that allows them."""

import pytest
from django.conf import settings as site_settings
from django.core.exceptions import ValidationError

from consultations.models import EventSession
from consultations.streams import EMBED, VISIO, frame_sources, recognise, validate_stream_url
from tests.factories import EventFactory


@pytest.fixture(autouse=True)
def _providers(settings):
    settings.PARTICIPATION = {
        **settings.PARTICIPATION,
        "STREAMS": {"PEERTUBE_HOSTS": ["video.exemple.fr"], "BBB_HOSTS": ["bbb.exemple.fr"], "JITSI_HOSTS": ["meet.jit.si"]},
    }


@pytest.mark.parametrize(
    "url, provider, embed",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube.com/live/dQw4w9WgXcQ", "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://video.exemple.fr/w/9c9de5e8-0a1e-484a-b099-e80766180a6d", "PeerTube",
         "https://video.exemple.fr/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"),
        ("https://video.exemple.fr/videos/watch/kkGMgK9ZtnKfYAgnEtQxbv", "PeerTube",
         "https://video.exemple.fr/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv"),
    ],
)
def test_videos_are_embedded_with_the_privacy_respecting_player(url, provider, embed):
    stream = recognise(url)
    assert (stream.provider, stream.kind, stream.embed_url, stream.url) == (provider, EMBED, embed, url)


@pytest.mark.parametrize(
    "url, provider",
    [("https://meet.jit.si/WebinaireContratDeVille", "Jitsi"), ("https://bbb.exemple.fr/b/ann-x7k-2pq", "BigBlueButton")],
)
def test_video_calls_are_links_to_join(url, provider):
    stream = recognise(url)
    assert (stream.provider, stream.kind, stream.embed_url) == (provider, VISIO, "")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/video.mp4",
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",  # not https
        "https://www.youtube.com/watch?v=court",
        "https://vimeo.com/channels/staffpicks",
        "https://autre-peertube.fr/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",  # instance not allowed
        "https://meet.jit.si/",
        "https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ",
    ],
)
def test_other_addresses_are_refused_with_a_french_reason(url):
    assert recognise(url) is None
    with pytest.raises(ValidationError) as refused:
        validate_stream_url(url)
    message = refused.value.messages[0]
    assert "YouTube, Vimeo ou PeerTube" in message and "video.exemple.fr" in message


@pytest.mark.django_db
def test_the_session_form_shows_the_error_next_to_the_field():
    session = EventSession(
        event=EventFactory(sessions=[]), starts_at="2026-03-10T09:00Z", ends_at="2026-03-10T11:00Z",
        is_online=True, stream_url="https://dailymotion.com/video/x8",
    )
    with pytest.raises(ValidationError) as refused:
        session.full_clean()
    assert list(refused.value.message_dict) == ["stream_url"]


def test_the_site_csp_frames_only_the_allowed_players(settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "STREAMS": site_settings.STREAMS}
    assert site_settings.SECURE_CSP["frame-src"] == frame_sources()
    assert frame_sources()[:2] == ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]


@pytest.mark.django_db
def test_the_csp_header_lists_the_players(client):
    header = client.get("/").headers["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in header
    assert "youtube.com " not in header.replace("youtube-nocookie.com", "")
