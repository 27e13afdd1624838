"""The XSS corpus in every text field of the events pages: in Chromium, none of it runs."""

import pytest

from consultations.models import Registration

from ..factories import EventFactory, UserFactory
from ..security.xss_corpus import BASE_VECTORS, PAYLOADS

CHUNK = 70


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


def test_the_watch_sees_a_payload_that_runs(page, xss_watch):
    """The checks above can fail: an unsanitised page is caught."""
    fired = xss_watch(page)
    page.goto("about:blank")
    page.set_content("<img src=x onerror=xss()><script>alert(1)</script>")
    page.wait_for_timeout(200)
    assert fired() == 2
