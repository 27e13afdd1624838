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
    claire.locator("#live-questions li").first.get_by_text("Actions").click()
    claire.locator("#live-questions li").first.get_by_role("button", name="Projeter").click()
    expect(projection.locator("#live-projected-body")).to_have_text("Comment associer les conseils citoyens au suivi ?")

    # Muted: Awa's next message is refused with a reason on her page.
    first = claire.locator("#live-messages li").first
    # One « Actions » menu per message, not buttons repeating the author's name.
    expect(first.get_by_role("button", name=re.compile(r"\(Awa\)"))).to_have_count(0)
    first.get_by_text("Actions").click()
    first.get_by_role("button", name="Silence 10 min").click()
    expect(awa.get_by_role("alert")).to_contain_text("réduit·e au silence")
    awa.get_by_label("Votre message").fill("Encore un mot")
    awa.get_by_role("button", name="Envoyer").click()
    expect(awa.get_by_role("alert")).to_contain_text("Vous êtes réduit·e au silence jusqu’au")
    expect(karim.locator("#live-messages")).not_to_contain_text("Encore un mot")

    # Hidden by the facilitator, with a reason and a note: gone from everyone's page, and Awa is told why.
    first.get_by_text("Actions").click()
    first.get_by_role("button", name="Masquer…").click()
    first.get_by_label("Motif").select_option(label="Hors sujet")
    first.get_by_label("Un mot pour l’auteur ou l’autrice (facultatif)").fill("Restons sur le contrat de ville")
    first.get_by_role("button", name="Masquer", exact=True).click()
    expect(karim.locator("#live-messages")).not_to_contain_text("Bonjour depuis La Source !")
    expect(awa.locator("#live-message-error")).to_have_text(
        "L’animation a masqué votre message (Hors sujet). Son mot : Restons sur le contrat de ville"
    )
    expect(claire.locator("#live-log")).to_contain_text("motif donné à Awa : Hors sujet — Restons sur le contrat de ville")
    # And undone from the log.
    claire.locator("#live-log").get_by_role("button", name="Rétablir").click()
    expect(karim.locator("#live-messages")).to_contain_text("Bonjour depuis La Source !")
    expect(claire.locator("#live-log").get_by_role("button", name="Rétablir")).to_have_count(0)

    # Pinned, then unpinned.
    claire.locator("#live-questions li").first.get_by_text("Actions").click()
    claire.locator("#live-questions li").first.get_by_role("button", name="Épingler").click()
    expect(karim.locator("#live-pinned-body")).to_have_text("Comment associer les conseils citoyens au suivi ?")
    claire.get_by_role("button", name="Désépingler").click()
    expect(karim.locator("#live-pinned")).to_be_hidden()

    # Closing the room reaches everyone at once; one button, that offers what the room is not.
    expect(claire.get_by_role("button", name="Ouvrir le salon")).to_have_count(0)
    claire.get_by_role("button", name="Fermer le salon").click()
    expect(karim.locator("#live-state")).to_have_text("Fermé")
    expect(karim.get_by_label("Votre message")).to_be_disabled()
    expect(claire.get_by_role("button", name="Fermer le salon")).to_have_count(0)
    claire.get_by_role("button", name="Ouvrir le salon").click()
    expect(karim.locator("#live-state")).to_have_text("Ouvert")


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


def _stream(site, cookie, bodies, interval, kind="message.send", window=20):
    """A facilitator's socket posting ``bodies`` one every ``interval`` seconds, each acknowledged.

    It keeps at most ``window`` sends unacknowledged, as a client must: past the room's limit
    (``MAX_UNACKED``) the server answers ``busy`` instead of queueing without end."""
    import json
    import time

    from websockets.sync.client import connect

    url = f"ws://127.0.0.1:{site.port}/ws/live/{SLUG}/"
    origin = f"http://127.0.0.1:{site.port}"
    with connect(url, origin=origin, additional_headers={"Cookie": f"sessionid={cookie}"}) as socket:
        acks = 0

        def read_acks():
            nonlocal acks
            frame = json.loads(socket.recv(timeout=30))
            frames = frame["frames"] if frame["type"] == "batch" else [frame]
            acks += sum(1 for f in frames if f["type"] == "ack")
            assert not any(f["type"] == "error" for f in frames), frames

        for index, body in enumerate(bodies):
            while index - acks >= window:
                read_acks()
            socket.send(json.dumps({"type": kind, "body": body, "ref": index}))
            time.sleep(interval)
        while acks < len(bodies):
            read_acks()


def test_pages_opened_while_messages_flow_show_every_one_once_in_order(chromium, site):
    """Each page renders the history, then resumes after it while the room is busy: nothing
    published between the two is lost, nothing shown twice."""
    import threading

    from playwright.sync_api import expect

    bodies = [f"Flux n°{n}" for n in range(1, 121)]
    failures = []

    def stream():
        try:
            _stream(site, site.cookies["claire"], bodies, 0.01)
        except Exception as failure:  # seen by the test, not lost in the thread
            failures.append(failure)

    writer = threading.Thread(target=stream)
    writer.start()
    pages = []
    for who in ("awa", "karim", "awa", "karim"):
        pages.append(open_room(chromium, site, who))
    writer.join(timeout=60)
    assert not writer.is_alive() and not failures, failures
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


def test_without_javascript_a_message_is_posted_and_reaches_the_others(chromium, site):
    from playwright.sync_api import expect

    karim = open_room(chromium, site, "karim")
    context = chromium.new_context(java_script_enabled=False, locale="fr-FR")
    context.add_cookies([{"name": "sessionid", "value": site.cookies["awa"], "url": f"http://127.0.0.1:{site.port}/"}])
    awa = context.new_page()
    awa.goto(site.url)
    expect(awa.locator("#live-connection")).to_have_text("Non connecté : rechargez la page pour voir les nouveaux messages.")
    awa.get_by_label("Votre message").fill("Envoyé sans JavaScript")
    with awa.expect_request(lambda request: request.method == "POST") as posted:
        awa.get_by_role("button", name="Envoyer").click()
    assert "Envoy" not in posted.value.url  # the text is in the body, never in the address
    awa.wait_for_url(site.url + "#live-discussion")
    expect(awa.locator("#live-messages")).to_contain_text("Envoyé sans JavaScript")
    # Saved through the service: pushed to the pages connected meanwhile.
    expect(karim.locator("#live-messages")).to_contain_text("Envoyé sans JavaScript")
    # A refusal is shown under the list, next to the input, with the text kept.
    awa.get_by_label("Votre message").evaluate("(el) => el.removeAttribute('maxlength')")
    awa.get_by_label("Votre message").fill("x" * 501)
    awa.get_by_role("button", name="Envoyer").click()
    expect(awa.locator("#live-message-error")).to_have_text("Votre texte dépasse 500 caractères.")
    expect(awa.get_by_label("Votre message")).to_have_value("x" * 501)


def test_on_a_phone_two_tabs_a_list_that_scrolls_and_the_input_that_stays(chromium, site):
    from playwright.sync_api import expect

    context = chromium.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    context.add_cookies([{"name": "sessionid", "value": site.cookies["awa"], "url": f"http://127.0.0.1:{site.port}/"}])
    awa = context.new_page()
    awa.goto(site.url)
    awa.locator("#live-connection").filter(has_text="Connecté").wait_for()
    tabs = awa.get_by_role("tablist", name="Discussion et questions")
    expect(tabs.get_by_role("tab")).to_have_text(["Discussion", "Questions"])
    expect(tabs.get_by_role("tab", name="Discussion")).to_have_attribute("aria-selected", "true")

    # The input stays where it is, however many messages come.
    box = awa.get_by_label("Votre message")
    expect(box).to_be_in_viewport()
    before = box.bounding_box()["y"]
    _stream(site, site.cookies["claire"], [f"Message de Claire n°{n}" for n in range(12)], 0.01)
    expect(awa.locator("#live-messages li")).to_have_count(12)
    assert box.bounding_box()["y"] == before
    expect(awa.locator("#live-messages li").last).to_be_in_viewport()  # the list keeps to its newest
    assert awa.evaluate("document.documentElement.scrollWidth") <= 390

    # Too fast: the refusal shows under the list, next to the input, and is announced.
    for n in range(6):
        box.fill(f"Vite n°{n}")
        box.press("Enter")
    error = awa.locator("#live-message-error")
    expect(error).to_have_text("Vous écrivez trop vite : attendez quelques secondes.")
    expect(error).to_have_attribute("role", "alert")
    expect(error).to_be_in_viewport()

    # Arrows move between the tabs; the questions replace the discussion.
    tabs.get_by_role("tab", name="Discussion").focus()
    awa.keyboard.press("ArrowRight")
    questions_tab = tabs.get_by_role("tab", name="Questions")
    expect(questions_tab).to_be_focused()
    expect(questions_tab).to_have_attribute("aria-selected", "true")
    expect(awa.get_by_role("tabpanel")).to_have_attribute("id", "live-questions-panel")
    expect(awa.locator("#live-discussion")).to_be_hidden()
    _stream(site, site.cookies["claire"], ["Quand aura lieu le prochain comité ?"], 0, kind="question.ask")
    question = awa.locator("#live-questions li").filter(has_text="Quand aura lieu le prochain comité ?")
    question.get_by_role("button", name="Soutenir").click()
    expect(question.get_by_role("button", name="Soutenue")).to_be_disabled()
    questions_tab.focus()
    awa.keyboard.press("Home")
    expect(tabs.get_by_role("tab", name="Discussion")).to_have_attribute("aria-selected", "true")

    # After a reload the server says it is upvoted: « Soutenue », not « Soutenir » then a refusal.
    awa.reload()
    awa.locator("#live-connection").filter(has_text="Connecté").wait_for()
    tabs.get_by_role("tab", name="Questions").click()
    expect(question.get_by_role("button", name="Soutenue")).to_be_disabled()
    expect(question.get_by_role("button", name="Soutenir")).to_have_count(0)

    # Wide: side by side, no tabs.
    awa.set_viewport_size({"width": 1280, "height": 900})
    expect(awa.get_by_role("tablist")).to_have_count(0)
    expect(awa.locator("#live-discussion")).to_be_visible()
    expect(awa.locator("#live-questions-panel")).to_be_visible()
