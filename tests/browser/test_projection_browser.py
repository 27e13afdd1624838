"""The big screen in Chromium: it follows the facilitator's pin live, and fits a phone and a projector."""

import pytest

from .live_site import running_room

SLUG = "webinaire-grand-ecran"
PEOPLE = [("karim", "Karim"), ("claire", "Claire, animatrice")]

pytestmark = pytest.mark.browser

ASK = """
import django
django.setup()
from django.contrib.auth import get_user_model
from participation.live import services
from participation.live.models import Room
room = Room.objects.get(event__slug=%(slug)r)
services.ask_question(room.pk, get_user_model().objects.get(email="karim@exemple.fr"), %(body)r)
"""


@pytest.fixture
def site(tmp_path):
    with running_room(tmp_path, SLUG, "Le contrat de ville sur grand écran", PEOPLE) as site:
        yield site


def test_the_screen_follows_the_pin_and_reads_from_afar(browser, site):
    from playwright.sync_api import expect

    site.run(ASK, slug=SLUG, body="Quelle place pour les conseils citoyens dans l’évaluation ?")
    claire = browser.new_context(locale="fr-FR")
    claire.add_cookies([{"name": "sessionid", "value": site.cookies["claire"], "url": f"http://127.0.0.1:{site.port}/"}])
    room = claire.new_page()
    room.goto(site.url)
    room.locator("#live-connection").filter(has_text="Connecté").wait_for()

    screens = {}
    for width, height in ((1280, 720), (390, 844)):
        screen = browser.new_page(viewport={"width": width, "height": height})
        screen.goto(site.url + "projection/")
        screen.locator("#live-connection").filter(has_text="Connecté").wait_for()
        expect(screen.locator("header.site-header, nav")).to_have_count(0)  # no site chrome
        expect(screen.locator(".live-screen-qr svg")).to_be_visible()
        screens[width] = screen

    question = room.locator("#live-questions li").first
    question.get_by_text("Actions").click()
    question.get_by_role("button", name="Épingler").click()
    for width, screen in screens.items():
        expect(screen.locator("#live-projected-body")).to_have_text("Quelle place pour les conseils citoyens dans l’évaluation ?")
        expect(screen.locator("#live-projected-author")).to_have_text("Karim")
        assert screen.evaluate("document.documentElement.scrollWidth") <= width
        # Readable from three metres: the question in large type on a projector.
        size = float(screen.locator("#live-projected-body").evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
        assert size >= (56 if width == 1280 else 28)
        screen.screenshot(path=f"/tmp/sessionpage_shots/projection-{width}.png")

    room.get_by_role("button", name="Désépingler").click()
    expect(screens[1280].locator("#live-projected-body")).to_have_text("Aucune question à l’écran pour l’instant.")
