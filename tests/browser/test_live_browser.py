"""The live room in Chromium: two participants and a facilitator in separate browser contexts, the room
served by daphne in a subprocess (tests/browser/live_site.py)."""

import re
import socket

import pytest

from .live_site import SETUP, LiveSite, running_room

SLUG = "webinaire-salon-navigateur"

pytestmark = pytest.mark.browser

POST_WHILE_AWAY = """
import django
django.setup()
from django.contrib.auth import get_user_model
from participation.live import services
from participation.live.models import Room
room = Room.objects.get(event__slug=%(slug)r)
services.post_message(room.pk, get_user_model().objects.get(email="claire@exemple.fr"), %(body)r)
"""


PEOPLE = [("awa", "Awa"), ("karim", "Karim"), ("claire", "Claire, animatrice")]


@pytest.fixture
def site(tmp_path):
    with running_room(tmp_path, SLUG, "Faire vivre le contrat de ville avec les habitants", PEOPLE) as site:
        yield site


@pytest.fixture
def chromium(browser):
    """pytest-playwright's Chromium (tests/browser/conftest.py): one Playwright per session."""
    return browser


def open_room(chromium, site, who):
    context = chromium.new_context(locale="fr-FR")
    context.add_cookies([{"name": "sessionid", "value": site.cookies[who], "url": f"http://127.0.0.1:{site.port}/"}])
    page = context.new_page()
    page.goto(site.url)
    page.locator("#live-connection").filter(has_text="Connecté").wait_for()
    return page


def test_two_participants_and_a_facilitator(chromium, site):
    from playwright.sync_api import expect

    awa = open_room(chromium, site, "awa")
    karim = open_room(chromium, site, "karim")
    claire = open_room(chromium, site, "claire")
    expect(claire.locator("#live-presence")).to_have_text("3 personnes connectées", timeout=5000)

    # A message typed and sent with the keyboard reaches everyone.
    awa.get_by_label("Votre message").fill("Bonjour depuis La Source !")
    awa.get_by_label("Votre message").press("Enter")
    for page in (awa, karim, claire):
        expect(page.locator("#live-messages")).to_contain_text("Bonjour depuis La Source !")
    expect(awa.get_by_label("Votre message")).to_have_value("")

    # Participants may report what others wrote; the facilitator hides it directly.
    hello = "#live-messages li:has-text('Bonjour depuis La Source !')"
    expect(karim.locator(hello).get_by_role("link", name="Signaler")).to_have_attribute(
        "href", re.compile(r"/moderation/signaler/live_message/\d+/$")
    )
    expect(awa.locator(hello).get_by_role("link", name="Signaler")).to_have_count(0)
    expect(claire.locator(hello).get_by_role("link", name="Signaler")).to_have_count(0)

    # A question, upvoted once.
    karim.get_by_label("Votre question").fill("Comment associer les conseils citoyens au suivi ?")
    karim.get_by_role("button", name="Poser la question").click()
    question = awa.locator("#live-questions li").filter(has_text="Comment associer les conseils citoyens")
    question.get_by_role("button", name="Soutenir").click()
    for page in (awa, karim, claire):
        expect(page.locator("#live-questions li").first).to_contain_text("1 soutien")
    expect(question.get_by_role("button", name="Soutenue")).to_be_disabled()

    # The facilitator projects it on the big screen.
    projection = claire.context.new_page()
    projection.goto(site.url + "projection/")
    projection.locator("#live-connection").filter(has_text="Connecté").wait_for()
    claire.locator("#live-questions li").first.get_by_role("button", name="Projeter").click()
    expect(projection.locator("#live-projected-body")).to_have_text("Comment associer les conseils citoyens au suivi ?")

    # Muted: Awa's next message is refused with a reason on her page.
    claire.locator("#live-messages li").first.get_by_role("button", name="Silence 10 min (Awa)").click()
    expect(awa.get_by_role("alert")).to_contain_text("réduit·e au silence")
    awa.get_by_label("Votre message").fill("Encore un mot")
    awa.get_by_role("button", name="Envoyer").click()
    expect(awa.get_by_role("alert")).to_contain_text("Vous êtes réduit·e au silence jusqu’au")
    expect(karim.locator("#live-messages")).not_to_contain_text("Encore un mot")

    # Hidden by the facilitator: gone from everyone's page.
    claire.locator("#live-messages li").first.get_by_role("button", name="Masquer (Awa)").click()
    expect(karim.locator("#live-messages")).not_to_contain_text("Bonjour depuis La Source !")

    # Closing the room reaches everyone at once.
    claire.get_by_role("button", name="Fermer le salon").click()
    expect(karim.locator("#live-state")).to_have_text("Fermé")
    expect(karim.get_by_label("Votre message")).to_be_disabled()


def test_reconnects_and_resumes_after_the_last_event_seen(chromium, site):
    from playwright.sync_api import expect

    karim = open_room(chromium, site, "karim")
    karim.get_by_label("Votre message").fill("Avant la coupure")
    karim.get_by_label("Votre message").press("Enter")
    expect(karim.locator("#live-messages")).to_contain_text("Avant la coupure")

    site.stop()
    expect(karim.locator("#live-connection")).to_have_text("Hors ligne : reconnexion…")
    site.run(POST_WHILE_AWAY, slug=SLUG, body="Publié pendant la coupure")
    site.run(POST_WHILE_AWAY, slug=SLUG, body="Et un second")
    site.start()
    expect(karim.locator("#live-connection")).to_have_text("Connecté : les nouveaux messages s’affichent en direct.", timeout=40000)
    # Both missed messages come back (in one batch frame), once each and in order.
    expect(karim.locator("#live-messages li .live-body")).to_have_text(
        ["Avant la coupure", "Publié pendant la coupure", "Et un second"]
    )
    # The history still reads without JavaScript.
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url)
    expect(page.locator("#live-messages")).to_contain_text("Et un second")


def _stream(site, cookie, bodies, interval):
    """A facilitator's socket posting ``bodies`` one every ``interval`` seconds, each acknowledged."""
    import json
    import time

    from websockets.sync.client import connect

    url = f"ws://127.0.0.1:{site.port}/ws/live/{SLUG}/"
    origin = f"http://127.0.0.1:{site.port}"
    with connect(url, origin=origin, additional_headers={"Cookie": f"sessionid={cookie}"}) as socket:
        for index, body in enumerate(bodies):
            socket.send(json.dumps({"type": "message.send", "body": body, "ref": index}))
            time.sleep(interval)
        acks = 0
        while acks < len(bodies):
            frame = json.loads(socket.recv(timeout=30))
            frames = frame["frames"] if frame["type"] == "batch" else [frame]
            acks += sum(1 for f in frames if f["type"] == "ack")
            assert not any(f["type"] == "error" for f in frames), frames


def test_pages_opened_while_messages_flow_show_every_one_once_in_order(chromium, site):
    """Each page renders the history, then resumes after it while the room is busy: nothing
    published between the two is lost, nothing shown twice."""
    import threading

    from playwright.sync_api import expect

    bodies = [f"Flux n°{n}" for n in range(1, 121)]
    writer = threading.Thread(target=_stream, args=(site, site.cookies["claire"], bodies, 0.01))
    writer.start()
    pages = []
    for who in ("awa", "karim", "awa", "karim"):
        pages.append(open_room(chromium, site, who))
    writer.join(timeout=60)
    for page in pages:
        expect(page.locator("#live-messages li .live-body")).to_have_text(bodies, timeout=10000)


def test_without_redis_the_page_says_the_room_is_unavailable(chromium, tmp_path):
    from playwright.sync_api import expect

    site = LiveSite(tmp_path, SLUG)
    site.run(SETUP, slug=SLUG, title="Faire vivre le contrat de ville avec les habitants", people=[])
    with socket.socket() as closed:  # a port nobody listens on: Redis is down
        closed.bind(("127.0.0.1", 0))
        site.env["REDIS_URL"] = f"redis://127.0.0.1:{closed.getsockname()[1]}/0"
    site.start()
    try:
        page = chromium.new_context(locale="fr-FR").new_page()
        page.goto(site.url)
        expect(page.get_by_role("alert")).to_have_text(
            "Le direct est momentanément indisponible : il se reconnecte de lui-même dès que possible."
        )
        expect(page.locator("#live-connection")).not_to_have_text(re.compile("^Connecté"))
    finally:
        site.stop()
