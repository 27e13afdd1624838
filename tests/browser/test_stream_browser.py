"""The session's video in Chromium: no request leaves for the provider before the person agrees."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from consultations.models import EventSession
from participation.live.models import Room, RoomState
from tests.factories import EventFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def room_with_video(site):
    now = timezone.now()
    event = EventFactory(slug="webinaire-video", sessions=[])
    EventSession.objects.create(
        event=event, starts_at=now - timedelta(minutes=10), ends_at=now + timedelta(hours=1), is_online=True,
        stream_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )
    Room.objects.create(event=event, state=RoomState.OPEN)
    return f"{site}/evenements/webinaire-video/direct/"


@pytest.mark.parametrize("width", [390, 1280])
def test_the_player_loads_only_after_the_click(browser, room_with_video, width):
    local = urlsplit(room_with_video).hostname
    page = browser.new_page(viewport={"width": width, "height": 900})
    third_party = []

    def record(route):
        third_party.append(route.request.url)
        route.abort()  # the test runs offline: what matters is that the request was asked for

    page.route(lambda url: urlsplit(url).hostname != local, record)
    page.goto(room_with_video)
    page.wait_for_load_state("networkidle")
    load = page.get_by_role("button", name="Charger la vidéo")
    load.wait_for()
    assert page.locator("iframe").count() == 0
    assert third_party == []
    page.screenshot(path=f"/tmp/sessionpage_shots/room-video-before-{width}.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    with page.expect_request(lambda request: urlsplit(request.url).hostname != local):
        load.click()
    frame = page.locator("#live-stream-player iframe")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert third_party and all(urlsplit(url).hostname == "www.youtube-nocookie.com" for url in third_party)
    page.screenshot(path=f"/tmp/sessionpage_shots/room-video-after-{width}.png")
    page.close()
