"""The XSS corpus in every text field of the site's pages: in Chromium, none of it runs.

The pages' Content-Security-Policy would stop an inline script that slipped through escaping, and
so hide the hole from these tests: they run with CSP bypassed, to test the escaping and the render
path themselves (the CSP stays a second wall in production). The last tests prove that the watch
sees a payload that does run on one of the site's pages.
"""

import pytest

from consultations.models import Registration

from ..factories import EventFactory, UserFactory
from ..security import poison
from ..security.xss_corpus import BASE_VECTORS, PAYLOADS

CHUNK = 70


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "bypass_csp": True}


def visit(page, url):
    """Load the page and do what sets off handlers: move the mouse over it, tab through it."""
    page.goto(url)
    page.wait_for_load_state("load")
    for y in range(100, 800, 150):
        page.mouse.move(300, y)
    for _ in range(5):
        page.keyboard.press("Tab")


@pytest.fixture
def poisoned_events(site):
    events = []
    for index in range(0, len(PAYLOADS), CHUNK):
        chunk = PAYLOADS[index : index + CHUNK]
        vector = BASE_VECTORS[(index // CHUNK) % len(BASE_VECTORS)]
        events.append(
            EventFactory(
                title=f"Titre {vector}",
                summary=f"Résumé {vector}",
                audience=vector,
                speakers=vector,
                description="\n\n".join(chunk),
            )
        )
    return events


def test_no_payload_runs_on_the_programme_and_event_pages(page, site, poisoned_events, xss_watch):
    fired = xss_watch(page)
    page.goto(site + "/programme/")
    page.wait_for_load_state("load")
    for event in poisoned_events:
        page.goto(site + event.get_absolute_url())
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)
        page.keyboard.press("Tab")
    assert fired() == 0


def test_no_payload_runs_in_a_display_name_seen_by_staff(page, context, site, staff, sign_in, xss_watch):
    event = EventFactory()
    for vector in BASE_VECTORS[:20]:
        Registration.objects.create(event=event, user=UserFactory(display_name=vector[:80]), status="confirmed")
    sign_in(context, staff)
    fired = xss_watch(page)
    page.goto(site + f"/evenements/{event.slug}/inscrits/")
    page.wait_for_load_state("load")
    assert page.get_by_role("row").count() == 21
    assert fired() == 0


@pytest.fixture
def poisoned_site(site):
    return poison.build()


def test_no_payload_runs_on_the_participation_pages(page, context, site, poisoned_site, sign_in, xss_watch, dom_problems):
    world = poisoned_site
    fired = xss_watch(page)
    urls = [
        "/consultations/",
        world.objects["consultation"].get_absolute_url(),
        world.objects["questionnaire"].step.consultation.get_absolute_url(),
        "/propositions/",
        "/conseils-citoyens/",
        world.objects["questionnaire"].get_results_url(),
        world.objects["room"].event.get_absolute_url(),
        f"/evenements/{world.objects['room'].event.slug}/direct/compte-rendu/",
        f"/evenements/{world.objects['room'].event.slug}/direct/projection/",
    ]
    urls += [p.get_absolute_url() for p in world.objects["proposals"] + world.objects["withdrawn"]]
    urls += [c.get_absolute_url() for c in world.objects["councils"]]
    # Last, so that its history is on the page below (no websocket here: see test_xss_live_browser.py).
    urls.append(f"/evenements/{world.objects['room'].event.slug}/direct/")
    for url in urls:
        visit(page, site + url)
        assert dom_problems(page) == [], url
    assert page.locator(".live-item").count() == len(world.objects["messages"]) + len(world.objects["questions"])
    # A respondent sees the questionnaire with their own answers in the form.
    sign_in(context, world.objects["respondents"][0])
    visit(page, site + world.objects["questionnaire"].get_absolute_url())
    assert page.locator("textarea").first.input_value().startswith("long-answer-0")
    assert dom_problems(page) == []
    # A payload typed into the proposal form, previewed.
    visit(page, site + f"/propositions/consultation/{world.objects['consultation'].slug}/nouvelle/")
    page.get_by_label("Titre").fill(BASE_VECTORS[0])
    page.locator("textarea").first.fill("\n\n".join(PAYLOADS[:300]))
    page.get_by_role("button", name="Aperçu").click()
    page.wait_for_load_state("load")
    assert page.locator(".preview").count() == 1
    assert dom_problems(page) == []
    assert fired() == 0


def test_the_watch_sees_a_payload_that_runs_on_a_site_page(page, site, xss_watch, dom_problems):
    """The pages' CSP is bypassed here, so a hole in escaping would run and be seen."""
    fired = xss_watch(page)
    page.goto(site + "/programme/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x onerror=xss()>')")
    page.wait_for_timeout(200)
    assert fired() == 1
    assert dom_problems(page) == ["IMG onerror=xss()"]


def test_the_watch_sees_a_payload_that_runs(page, xss_watch):
    """The checks above can fail: an unsanitised page is caught."""
    fired = xss_watch(page)
    page.goto("about:blank")
    page.set_content("<img src=x onerror=xss()><script>alert(1)</script>")
    page.wait_for_timeout(200)
    assert fired() == 2
