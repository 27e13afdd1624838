from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import Registration, RegistrationStatus

from ..factories import EventFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.browser


def _in(days, city="Orléans"):
    start = timezone.now() + timedelta(days=days)
    return (start, start + timedelta(hours=3), city)


@pytest.fixture
def programme(site):
    transitions = ThemeFactory(slug="transitions", name="Transitions")
    fresque = EventFactory(
        title="Atelier fresque du climat",
        kind="workshop",
        theme=transitions,
        capacity=12,
        sessions=[_in(5, "Bourges"), _in(12, "Blois")],
    )
    fresque.partners.add(PartnerFactory(name="Bourges Plus"))
    EventFactory(title="Webinaire Porte-Voix", kind="webinar", sessions=[_in(8, None)])
    return fresque


def test_visitor_browses_and_filters_the_programme(page, site, programme, axe_check):
    page.goto(site + "/")
    axe_check(page)
    page.get_by_role("link", name="Voir le programme").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Le programme des rendez-vous")
    axe_check(page)
    expect(page.get_by_role("heading", name="Atelier fresque du climat")).to_be_visible()
    expect(page.get_by_role("heading", name="Webinaire Porte-Voix")).to_be_visible()

    page.get_by_label("Thématique").select_option("transitions")
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_role("heading", name="Atelier fresque du climat")).to_be_visible()
    expect(page.get_by_role("heading", name="Webinaire Porte-Voix")).to_have_count(0)

    page.get_by_role("link", name="Atelier fresque du climat").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Atelier fresque du climat")
    sessions = page.get_by_role("list", name="Séances").get_by_role("listitem")
    expect(sessions).to_have_count(2)
    expect(sessions.first).to_contain_text("Bourges")
    expect(sessions.last).to_contain_text("Blois")
    axe_check(page)


def test_citizen_signs_up_verifies_registers_and_cancels(page, site, programme, axe_check, last_email_link):
    """From the event page: create an account, confirm by the e-mailed link, back on the event, signed in."""
    page.goto(site + programme.get_absolute_url())
    page.get_by_role("link", name="créez un compte", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Créer un compte")
    axe_check(page)
    page.get_by_label("Nom public").fill("Fatou des Clos")
    page.get_by_label("E-mail").fill("fatou@example.org")
    page.get_by_label("Mot de passe :", exact=True).fill("un-mot-de-passe-long-42")
    page.get_by_label("Mot de passe (confirmation)").fill("un-mot-de-passe-long-42")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Consultez vos e-mails")

    page.goto(last_email_link(r"http://\S+/compte/confirm-email/\S+"))
    page.get_by_role("button", name="Confirmer").click()
    expect(page.get_by_role("link", name="Mon compte")).to_be_visible()
    assert page.url == site + programme.get_absolute_url()

    page.get_by_role("button", name="S'inscrire").click()
    expect(page.get_by_role("status")).to_contain_text("Vous êtes inscrit·e")
    registration = Registration.objects.get(event=programme, user__email="fatou@example.org")
    assert registration.status == RegistrationStatus.CONFIRMED
    axe_check(page)

    page.get_by_role("link", name="Mes inscriptions").click()
    expect(page.get_by_role("cell", name="Atelier fresque du climat", exact=True)).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Annuler — Atelier fresque du climat").click()
    expect(page.get_by_role("status")).to_contain_text("Votre inscription a été annulée")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_login_page_is_accessible(page, site, axe_check):
    page.goto(site + "/compte/login/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page)
