"""A person waiting sees their place on the event page and in « Mes inscriptions », phone and desktop."""

import pytest
from playwright.sync_api import expect

from consultations import services

from ..factories import EventFactory, UserFactory

WIDTHS = [390, 1280]


@pytest.fixture
def waiting_person(site):
    event = EventFactory(title="Atelier fresque du climat à Blois", capacity=1)
    for name in ("Awa", "Bruno"):
        services.register(event, UserFactory(display_name=name))
    person = UserFactory(display_name="Chloé")
    services.register(event, person)
    full = EventFactory(title="Visite de terrain complète", capacity=1, waiting_list=False)
    services.register(full, UserFactory())
    return event, full, person


def _no_horizontal_overflow(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_place_on_the_waiting_list_is_shown(width, page, site, waiting_person, sign_in, axe_check, tmp_path):
    event, full, person = waiting_person
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page.context, person)

    page.goto(site + event.get_absolute_url())
    expect(page.get_by_text("Vous êtes 2ᵉ sur la liste d'attente.")).to_be_visible()
    _no_horizontal_overflow(page)
    axe_check(page)
    page.screenshot(path=tmp_path / f"event-{width}.png", full_page=True)

    page.goto(site + "/mes-inscriptions/")
    expect(page.get_by_text("Vous êtes 2ᵉ sur la liste d'attente.")).to_be_visible()
    _no_horizontal_overflow(page)
    axe_check(page)
    page.screenshot(path=tmp_path / f"mine-{width}.png", full_page=True)

    page.goto(site + full.get_absolute_url())
    expect(page.get_by_text("Cet événement est complet.")).to_be_visible()
    expect(page.get_by_role("button", name="S'inscrire sur la liste d'attente")).to_have_count(0)
    page.screenshot(path=tmp_path / f"full-{width}.png", full_page=True)
