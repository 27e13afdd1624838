"""The XSS corpus through the live room in Chromium: typed by a facilitator whose name is a payload,
sent over the websocket, rendered by the JS client in another person's page, replayed, pinned and
projected. None of it runs. Pages run with CSP bypassed (see test_xss_browser.py)."""

import pytest

from ..security.poison import LIVE_MAX_LENGTH, short_chunks
from ..security.xss_corpus import BASE_VECTORS, PAYLOADS
from .live_site import running_room

pytestmark = pytest.mark.browser

SLUG = "salon-piege-navigateur"


@pytest.fixture
def live_site(tmp_path):
    with running_room(tmp_path, SLUG, BASE_VECTORS[0], [("awa", BASE_VECTORS[3]), ("claire", BASE_VECTORS[9])]) as site:
        yield site


def open_page(browser, site, who, path="", xss_watch=None, replay=False):
    context = browser.new_context(locale="fr-FR", bypass_csp=True)
    if who:
        context.add_cookies([{"name": "sessionid", "value": site.cookies[who], "url": f"http://127.0.0.1:{site.port}/"}])
    page = context.new_page()
    fired = xss_watch(page)
    if replay:
        # The page says up to which event its history goes; say none, before live.js (a module,
        # run once the document is parsed) reads it, so that the JS client renders the whole history
        # again from the frames the server replays.
        page.add_init_script(
            "document.addEventListener('readystatechange', () => {"
            " const room = document.getElementById('live-room');"
            " if (document.readyState === 'interactive' && room) room.dataset.lastSeq = '0'; });"
            # Count the event frames that reach the client, to know the replay happened (a replay
            # comes as "batch" frames, each carrying several events).
            "window.WebSocket = class extends window.WebSocket { constructor(...args) { super(...args);"
            " this.addEventListener('message', (e) => { const f = JSON.parse(e.data);"
            " const events = (f.type === 'batch' ? f.frames : [f]).filter((x) => x.seq);"
            " window.__frames = (window.__frames || 0) + events.length; }); } };"
        )
    page.goto(site.url + path)
    page.locator("#live-connection").filter(has_text="Connecté").wait_for()
    return page, fired


def test_no_payload_runs_in_the_live_room(browser, live_site, xss_watch, dom_problems):
    from playwright.sync_api import expect

    awa, awa_fired = open_page(browser, live_site, "awa", xss_watch=xss_watch)
    claire, claire_fired = open_page(browser, live_site, "claire", xss_watch=xss_watch)
    projection, projection_fired = open_page(browser, live_site, "claire", "projection/", xss_watch=xss_watch)
    texts = short_chunks(PAYLOADS, LIVE_MAX_LENGTH)
    for n, text in enumerate(texts):
        # Messages and questions in turn, each typed and sent as a person would.
        box = claire.get_by_label("Votre message" if n % 2 == 0 else "Votre question")
        box.fill(text)
        box.press("Enter")
        expect(box).to_have_value("")
    messages, questions = (len(texts) + 1) // 2, len(texts) // 2
    expect(awa.locator("#live-messages > li")).to_have_count(messages)
    expect(awa.locator("#live-questions > li")).to_have_count(questions)
    # Claire's name (a payload) is in the « Actions » menus of her own page; all as text.
    expect(awa.locator("#live-messages .live-author").first).to_have_text(BASE_VECTORS[9])

    question = claire.locator("#live-questions > li").first
    question.locator("summary").click()
    question.get_by_role("button", name="Épingler").click()
    question.locator("summary").click()
    question.get_by_role("button", name="Projeter").click()
    expect(awa.locator("#live-pinned-body")).not_to_be_empty()
    expect(projection.locator("#live-projected-author")).to_have_text(BASE_VECTORS[9])

    latecomer, latecomer_fired = open_page(browser, live_site, None, xss_watch=xss_watch, replay=True)
    expect(latecomer.locator("#live-messages > li")).to_have_count(messages)
    # Every message and question came again as a frame, which live.js applies over the history.
    latecomer.wait_for_function(f"(window.__frames || 0) >= {len(texts)}")

    pages = [(awa, awa_fired), (claire, claire_fired), (projection, projection_fired), (latecomer, latecomer_fired)]
    for page, _fired in pages:
        page.mouse.move(300, 300)
        page.keyboard.press("Tab")
    for page, fired in pages:
        assert dom_problems(page) == [], page.url
        assert fired() == 0, page.url
    assert sum(len(text.split("\n\n")) for text in texts) == len(PAYLOADS)
