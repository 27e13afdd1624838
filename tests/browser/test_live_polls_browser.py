"""Live polls in Chromium: a facilitator and two participants in separate browser contexts, and the
projection page, run a single-choice poll and a word cloud whose results are revealed at the end."""

import pytest

from .live_site import running_room
from .test_live_browser import PEOPLE, open_room

SLUG = "webinaire-sondages-navigateur"

pytestmark = pytest.mark.browser


@pytest.fixture
def site(tmp_path):
    with running_room(tmp_path, SLUG, "Mobilités du quotidien : vos priorités", PEOPLE) as site:
        yield site


def test_a_poll_and_a_word_cloud_end_to_end(browser, site):
    from playwright.sync_api import expect

    awa = open_room(browser, site, "awa")
    karim = open_room(browser, site, "karim")
    claire = open_room(browser, site, "claire")
    projection = claire.context.new_page()
    projection.goto(site.url + "projection/")
    projection.locator("#live-connection").filter(has_text="Connecté").wait_for()
    for page in (awa, karim, projection):
        expect(page.locator("#live-poll")).to_be_hidden()

    # Created on the fly and launched at once.
    claire.get_by_label("Type").select_option(label="Choix unique")
    claire.get_by_label("Question", exact=True).fill("Quelle priorité pour 2027 ?")
    claire.get_by_label("Choix, un par ligne (choix unique ou multiple)").fill("Vélo\nBus\nCovoiturage")
    claire.get_by_role("button", name="Lancer maintenant").click()
    for page in (awa, karim, claire, projection):
        expect(page.locator("#live-poll-question")).to_have_text("Quelle priorité pour 2027 ?")
    expect(projection.locator("#live-poll-results")).to_contain_text("0 réponse")

    awa.get_by_label("Vélo").check()
    awa.get_by_role("button", name="Répondre").click()
    expect(awa.locator("#live-poll-saved")).to_be_visible()
    karim.get_by_label("Bus").check()
    karim.get_by_role("button", name="Répondre").click()
    for page in (awa, karim, claire, projection):
        expect(page.locator("#live-poll-results")).to_contain_text("2 réponses")
        expect(page.locator("#live-poll-results li").filter(has_text="Vélo")).to_contain_text("1 (50 %)")
    # Karim changes his mind while the poll is open: still two answers.
    karim.get_by_label("Vélo").check()
    karim.get_by_role("button", name="Modifier ma réponse").click()
    expect(projection.locator("#live-poll-results li").filter(has_text="Vélo")).to_contain_text("2 (100 %)")
    expect(projection.locator("#live-poll-results")).to_contain_text("2 réponses")

    claire.get_by_role("button", name="Clore le sondage").click()
    for page in (awa, karim):
        expect(page.locator("#live-poll-state")).to_have_text("Sondage clos")
        expect(page.locator("#live-poll-form")).to_be_hidden()

    # A word cloud whose results stay with the facilitator until she reveals them.
    claire.get_by_label("Type").select_option(label="Nuage de mots")
    claire.get_by_label("Question", exact=True).fill("Un mot pour vos trajets ?")
    claire.get_by_label("Cacher les résultats jusqu’à ce que je les dévoile").check()
    claire.get_by_role("button", name="Lancer maintenant").click()
    for page, words in ((awa, "Lenteur des bus"), (karim, "les bus, la lenteur")):
        expect(page.locator("#live-poll-question")).to_have_text("Un mot pour vos trajets ?")
        page.get_by_label("Quelques mots").fill(words)
        page.get_by_role("button", name="Répondre").click()
        expect(page.locator("#live-poll-saved")).to_be_visible()
    expect(claire.locator("#live-poll-results .live-cloud")).to_contain_text("bus : 2")
    expect(projection.locator("#live-poll-results")).to_contain_text("2 réponses")
    expect(projection.locator("#live-poll-results")).to_contain_text("Les résultats seront affichés par l’animation.")
    expect(awa.locator("#live-poll-results .live-cloud")).to_have_count(0)

    claire.get_by_role("button", name="Dévoiler les résultats").click()
    for page in (awa, karim, projection):
        cloud = page.locator("#live-poll-results .live-cloud li")
        expect(cloud).to_have_text(["bus : 2", "lenteur : 2"])
    expect(projection.locator("#live-poll-results .live-word-5").first).to_have_text("bus : 2")
    for page in (awa, karim, claire):
        page.context.close()
