"""The facilitator's console beside the room on a wide screen, after it on a phone (Chromium)."""

import pytest

from .live_site import running_room
from .test_live_browser import PEOPLE, open_room

SLUG = "webinaire-console-navigateur"

pytestmark = pytest.mark.browser

NO_HORIZONTAL_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def site(tmp_path):
    with running_room(tmp_path, SLUG, "Contrat de ville : la séance en direct", PEOPLE) as site:
        yield site


BOXES = """() => [".live-workspace-room", "#live-console"].map((selector) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    return {x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height};
})"""


def boxes(page):
    # Both read in one script, in the page's coordinates: two bounding_box() calls are two moments
    # and relative to the viewport, so a scroll between them (the room's messages coming in after
    # the resize) compared two positions of the page.
    room, console = page.evaluate(BOXES)
    return room, console


def test_the_console_sits_beside_the_room_on_a_wide_screen_and_after_it_on_a_phone(browser, site):
    claire = open_room(browser, site, "claire")
    claire.set_viewport_size({"width": 1280, "height": 900})
    room, console = boxes(claire)
    # Side by side: the console starts right of the room, at the same height, both in view.
    assert console["x"] >= room["x"] + room["width"] - 1, (room, console)
    assert console["y"] < room["y"] + 100 and abs(console["y"] - room["y"]) < 100, (room, console)
    assert console["x"] + console["width"] <= 1280
    assert claire.evaluate(NO_HORIZONTAL_SCROLL)
    assert claire.get_by_role("link", name="Aller à la console d’animation").is_hidden()
    assert claire.get_by_role("button", name="Lancer maintenant").is_visible()  # the poll controls, in view

    claire.set_viewport_size({"width": 390, "height": 844})
    room, console = boxes(claire)
    assert console["y"] >= room["y"] + room["height"] - 1, (room, console)  # after the room
    assert claire.evaluate(NO_HORIZONTAL_SCROLL), claire.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    claire.get_by_role("link", name="Aller à la console d’animation").click()
    assert claire.evaluate("location.hash") == "#live-console"


def test_a_participant_has_the_whole_width(browser, site):
    awa = open_room(browser, site, "awa")
    awa.set_viewport_size({"width": 1280, "height": 900})
    assert awa.locator("#live-console").count() == 0
    room = awa.locator(".live-workspace-room").bounding_box()
    assert room["width"] > 1000
    assert awa.evaluate(NO_HORIZONTAL_SCROLL)
