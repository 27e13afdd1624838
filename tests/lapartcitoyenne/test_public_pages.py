"""The pages a French public site must carry: accessibility statement, legal notice, contact, site map."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from lapartcitoyenne.models import SiteSettings
from lapartcitoyenne.pages import SITE_MAP
from tests.browser.test_layout_browser import KNOWN_OVERFLOWS
from tests.browser.site_pages import site_url_names
from tests.factories import ConsultationFactory, EventFactory

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = {
    "accessibility": ("/accessibilite/", "Déclaration d’accessibilité"),
    "legal": ("/mentions-legales/", "Mentions légales"),
    "contact": ("/contact/", "Contact"),
    "sitemap": ("/plan-du-site/", "Plan du site"),
}


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_each_page_is_french_and_linked_from_every_footer(client, name):
    path, title = PUBLIC_PAGES[name]
    assert reverse(name) == path
    page = client.get(path).content.decode()
    assert f"<h1>{title}</h1>" in page
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert f'href="{path}"' in footer


def test_the_accessibility_statement_gives_its_status_date_defects_and_recourse(client):
    page = client.get("/accessibilite/").content.decode()
    assert "partiellement conforme" in page
    assert "Cette déclaration a été établie le 2 décembre 2026." in page
    assert "Défenseur des droits" in page and "Libre réponse 71120" in page
    assert 'href="/contact/"' in page


def test_the_statement_lists_the_live_room_overflow_while_the_layout_test_knows_it(client):
    """The statement follows our own audit: when the live room fits at 320 px, both change together."""
    page = client.get("/accessibilite/").content.decode()
    listed = "Le salon en direct est plus large que l’écran" in page
    assert listed == ("live:room" in KNOWN_OVERFLOWS)


def test_the_legal_notice_shows_what_staff_set_and_says_what_is_missing(client):
    page = client.get("/mentions-legales/").content.decode()
    assert "Centre de ressources régional de la politique de la ville" in page
    assert "à compléter par l’équipe" in page
    SiteSettings.objects.filter(pk=1).update(
        publication_director="Camille Martin, directrice", host_name="Hébergeur Exemple SAS",
        host_address="2 rue des Serveurs\n59000 Lille", publisher_status="Association loi 1901",
        publisher_address="1 place de la Mairie", publisher_phone="01 02 03 04 05", host_phone="03 20 00 00 00",
    )
    page = client.get("/mentions-legales/").content.decode()
    assert "Camille Martin, directrice" in page and "Hébergeur Exemple SAS" in page and "59000 Lille" in page
    assert "à compléter" not in page
    assert 'href="/compte/mes-donnees/"' in page and 'href="/confidentialite/"' in page


def test_site_settings_are_one_row_that_staff_edit_in_the_admin(client, staff):
    SiteSettings.load()
    SiteSettings(contact_email="contact@centre.example").save()
    assert SiteSettings.objects.count() == 1
    staff.is_superuser = True  # the admin's permissions, as for the frame's models
    staff.save()
    client.force_login(staff)
    response = client.get(reverse("admin:lapartcitoyenne_sitesettings_change", args=[1]))
    assert response.status_code == 200
    assert "Directeur ou directrice de la publication" in response.content.decode()


# The contact form.

MESSAGE = {"name": "Awa", "email": "awa@example.org", "topic": "accessibility", "message": "Je n’arrive pas à lire le PDF."}


@pytest.fixture
def contact_address():
    site = SiteSettings.load()
    site.contact_email = "contact@centre.example"
    site.save()
    return site.contact_email


def test_without_an_address_there_is_no_form_and_nothing_is_sent(client, settings):
    settings.CONTACT_EMAIL = ""
    page = client.get("/contact/").content.decode()
    assert "<form method=\"post\" novalidate class=\"contact-form\">" not in page
    assert "pas encore disponible" in page
    client.post("/contact/", MESSAGE)
    assert mail.outbox == []


def test_the_settings_address_serves_when_staff_set_none(client, settings):
    settings.CONTACT_EMAIL = "secours@centre.example"
    client.post("/contact/", MESSAGE)
    assert mail.outbox[0].to == ["secours@centre.example"]


def test_a_visitor_message_reaches_the_address_staff_set(client, contact_address):
    response = client.post("/contact/", MESSAGE, follow=True)
    assert response.redirect_chain == [("/contact/", 302)]
    assert "Votre message a été envoyé." in response.content.decode()
    [sent] = mail.outbox
    assert sent.to == [contact_address] and sent.reply_to == ["awa@example.org"]
    assert sent.subject == "[La Part Citoyenne] Formulaire de contact : Accessibilité : une partie du site que je ne peux pas utiliser"
    assert "Je n’arrive pas à lire le PDF." in sent.body and "Awa <awa@example.org>" in sent.body


def test_errors_show_next_to_their_field_and_nothing_typed_is_lost(client, contact_address):
    response = client.post("/contact/", {**MESSAGE, "email": "pas-une-adresse", "name": "  "})
    assert response.status_code == 200
    page = response.content.decode()
    email_field = page.split('for="id_email"')[1].split('for="id_topic"')[0]
    assert "Saisissez une adresse e-mail valide." in email_field or "adresse électronique valide" in email_field
    assert 'value="pas-une-adresse"' in email_field and 'aria-invalid="true"' in email_field
    name_field = page.split('for="id_name"')[1].split('for="id_email"')[0]
    assert "errorlist" in name_field
    assert "Je n’arrive pas à lire le PDF." in page
    assert mail.outbox == []


def test_a_signed_in_person_finds_their_address_filled_in(client, citizen, contact_address):
    client.force_login(citizen)
    assert f'value="{citizen.email}"' in client.get("/contact/").content.decode()


def test_the_form_is_rate_limited_with_the_message_kept(client, settings, contact_address):
    settings.CONTACT_RATE = "2/h"
    for _ in range(2):
        client.post("/contact/", MESSAGE)
    response = client.post("/contact/", {**MESSAGE, "message": "Un troisième message"})
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    page = response.content.decode()
    assert "attendez une heure" in page and "Un troisième message" in page
    assert len(mail.outbox) == 2


# The site map.


def test_the_site_map_lists_public_consultations_and_upcoming_events(client):
    ConsultationFactory(title="Budget du quartier")
    ConsultationFactory(title="Brouillon secret", visibility="draft")
    EventFactory(title="Webinaire de rentrée")
    page = client.get("/plan-du-site/").content.decode()
    assert "Budget du quartier" in page and "Brouillon secret" not in page
    assert "Webinaire de rentrée" in page
    for title, _entries in SITE_MAP:
        assert f">{title}</h2>" in page


@pytest.mark.parametrize("size", [1, 15])
def test_the_site_map_query_count_does_not_grow(client, django_assert_max_num_queries, size):
    ConsultationFactory.create_batch(size)
    for _ in range(size):
        EventFactory()
    with django_assert_max_num_queries(6):
        assert client.get("/plan-du-site/").status_code == 200


# Pages a visitor reaches without argument that the site map leaves out, and why.
NOT_IN_SITE_MAP = {
    "account_logout": "an action, not a page",
    "account_inactive": "shown only to a deactivated account",
    "account_email_verification_sent": "shown only after signing up",
    "account_reset_password_done": "shown only after asking for a new password",
    "account_reset_password_from_key_done": "shown only after setting a new password",
}


def test_every_page_a_visitor_reaches_is_in_the_site_map(client):
    """From the URL resolver: a new public page without argument must join SITE_MAP (or the list above)."""
    mapped = {name for _title, entries in SITE_MAP for name, _label in entries}
    missing = []
    for name in sorted(site_url_names()):
        try:
            path = reverse(name)
        except Exception:
            continue  # takes arguments: reached from another page
        response = client.get(path)
        is_page = response.status_code == 200 and response["Content-Type"].startswith("text/html")
        if is_page and name not in mapped and name not in NOT_IN_SITE_MAP:
            missing.append(name)
    assert not missing, f"add to lapartcitoyenne.pages.SITE_MAP: {missing}"
    assert re.search(r"Plan du site", client.get("/plan-du-site/").content.decode())
