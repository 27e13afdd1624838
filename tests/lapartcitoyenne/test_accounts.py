import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse

from consultations.models import Territory
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


PASSWORD = "un-mot-de-passe-long-42"


def signup_data(**fields):
    return {"display_name": "Nadia du Clos", "email": "nadia@example.org", "password1": PASSWORD,
            "password2": PASSWORD, **fields}


def emailed_link(message):
    return re.search(r"http://testserver(/compte/confirm-email/\S+)", message.body).group(1)


def test_signup_from_an_event_ends_signed_in_on_the_event(client):
    """Event page → « créer un compte » → form → « consultez vos e-mails » → link → « Confirmer » → the event."""
    event = EventFactory()
    page = client.get(event.get_absolute_url()).text
    signup_link = re.search(r'href="(/compte/signup/\?next=[^"]+)"', page).group(1).replace("&amp;", "&")
    form = client.get(signup_link).text
    assert f'name="next" value="{event.get_absolute_url()}"' in form

    qpv = Territory.objects.create(slug="les-clos", name="Les Clos", kind="qpv")
    response = client.post(reverse("account_signup"), signup_data(territory=qpv.pk, next=event.get_absolute_url()))
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "Consultez vos e-mails" in client.get(response["Location"]).text
    user = get_user_model().objects.get(email="nadia@example.org")
    assert (user.display_name, user.territory) == ("Nadia du Clos", qpv)
    assert not EmailAddress.objects.get(user=user).verified
    assert client.get(reverse("profile")).status_code == 302  # not signed in before the link

    (message,) = mail.outbox
    link = emailed_link(message)
    confirm_page = client.get(link)
    assert "Confirmer" in confirm_page.text
    landed = client.post(link, {"next": event.get_absolute_url()}, follow=True)

    assert landed.redirect_chain[-1][0] == event.get_absolute_url()
    assert landed.context["user"] == user
    assert EmailAddress.objects.get(user=user).verified
    assert "Réserver ma place" in landed.text or "S'inscrire" in landed.text


def test_the_emailed_link_opened_in_another_browser_still_leads_back_to_the_event(client):
    """A phone's mail app opens links in a browser without the sign-up's session: no sign-in there
    (allauth's rule), but the address is confirmed and the page is the one the person wanted."""
    event = EventFactory()
    client.post(reverse("account_signup"), signup_data(next=event.get_absolute_url()))
    link = emailed_link(mail.outbox[0])
    assert f"?next={event.get_absolute_url()}".replace("/", "%2F") in link

    elsewhere = Client()
    form = elsewhere.get(link).text
    assert f'name="next" value="{event.get_absolute_url()}"' in form
    response = elsewhere.post(link, {"next": event.get_absolute_url()})
    assert response["Location"] == event.get_absolute_url()
    assert EmailAddress.objects.get(email="nadia@example.org").verified


def test_signup_then_login_by_email(client):
    client.post(reverse("account_signup"), signup_data())
    client.post(emailed_link(mail.outbox[0]))
    client.logout()
    response = client.post(reverse("account_login"), {"login": "nadia@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("profile")).status_code == 200


def test_signup_asks_for_a_public_name(client):
    response = client.post(reverse("account_signup"), signup_data(display_name=""))
    assert response.status_code == 200
    assert not get_user_model().objects.filter(email="nadia@example.org").exists()
    assert "Ce champ est obligatoire" in response.text


def test_signup_without_a_neighbourhood(client):
    client.post(reverse("account_signup"), signup_data())
    assert get_user_model().objects.get(email="nadia@example.org").territory is None


def test_signup_with_a_taken_email_creates_nothing_and_reveals_nothing(client, citizen):
    """allauth's enumeration protection: same answer as a new sign-up, the owner is told by email."""
    response = client.post(reverse("account_signup"), signup_data(email=citizen.email.upper()))
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact=citizen.email).count() == 1
    (message,) = mail.outbox
    assert message.to == [citizen.email]


def test_signup_page_is_french_and_uses_the_site_layout(client):
    html = client.get(reverse("account_signup")).text
    assert '<html lang="fr">' in html
    assert "Aller au contenu" in html
    assert "<h1>Créer un compte</h1>" in html
    assert "Nom public" in html and "Un pseudonyme convient." in html
    assert "Quartier" in html
    assert "S'inscrire" not in html  # that is for taking a seat at an event


def test_accounts_are_created_and_seats_taken_in_different_words(client):
    """« Créer un compte » for an account (menu, login page), « S'inscrire » only for an event."""
    header = client.get("/").text.split("<header", 1)[1].split("</header>", 1)[0]
    assert "Créer un compte" in header and "inscri" not in header.lower()
    login = client.get(reverse("account_login")).text
    assert "Créez-en un" in login and "inscri" not in login.lower()


def test_profile_saves_display_name_and_territory(client, citizen):
    qpv = Territory.objects.create(slug="orleans-la-source", name="Orléans – La Source", kind="qpv")
    client.force_login(citizen)
    response = client.post(reverse("profile"), {"display_name": "Awa D.", "territory": qpv.pk}, follow=True)
    assert "Votre profil a été enregistré" in response.text
    citizen.refresh_from_db()
    assert citizen.display_name == "Awa D."
    assert citizen.territory == qpv


def test_profile_needs_login(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 302


@pytest.mark.parametrize("path", ["/admin/", "/programme/", "/evenements/x/inscrits/"])
def test_staff_without_totp_is_sent_to_set_it_up(client, staff_without_totp, path):
    client.force_login(staff_without_totp)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    # allauth asks for the password again before two-factor set-up; that page stays reachable.
    setup = client.get(reverse("mfa_activate_totp"), follow=True)
    assert setup.status_code == 200
    assert setup.redirect_chain[-1][0].startswith("/compte/")


def test_staff_with_totp_reaches_the_admin(client, staff):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_citizen_is_not_forced_into_two_factor(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("profile")).status_code == 200
    assert not Authenticator.objects.filter(user=citizen).exists()


def test_admin_login_goes_through_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_roles_staff_grant_exist_as_groups_but_staff_is_the_flag():
    names = set(Group.objects.values_list("name", flat=True))
    assert names >= {"council_member", "facilitator", "moderator"}
    assert "staff" not in names


def test_email_is_unique_whatever_the_case(citizen):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        get_user_model().objects.create_user(email=citizen.email.upper())


def test_citizen_creates_an_api_token_and_uses_it(client, citizen):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client.force_login(citizen)
    client.post(reverse("regenerate_api_token"))
    first = Token.objects.get(user=citizen).key
    client.post(reverse("regenerate_api_token"))
    second = Token.objects.get(user=citizen).key
    assert first != second
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert api.get("/api/me/registrations/").status_code == 401
    api.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert api.get("/api/me/registrations/").status_code == 200


def test_password_reset_sends_a_french_email_with_a_working_link(client, citizen):
    client.post(reverse("account_reset_password"), {"email": citizen.email})
    (message,) = mail.outbox
    assert message.to == [citizen.email]
    assert "mot de passe" in message.body.lower()
    link = re.search(r"http://testserver(/compte/password/reset/key/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": "nouveau-mot-de-passe-99", "password2": "nouveau-mot-de-passe-99"},
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password("nouveau-mot-de-passe-99")


def test_adding_a_second_email_asks_to_verify_it(client, citizen):
    client.force_login(citizen)
    client.post(reverse("account_email"), {"action_add": "", "email": "nouvelle@example.org"})
    assert EmailAddress.objects.filter(user=citizen, email="nouvelle@example.org", verified=False).exists()
    assert mail.outbox[-1].to == ["nouvelle@example.org"]


def test_profile_page_title(client, citizen):
    client.force_login(citizen)
    html = client.get(reverse("profile")).text
    assert "<title>Mon compte · La Part Citoyenne</title>" in html


def test_my_account_shows_how_to_send_the_api_token(client, citizen):
    client.force_login(citizen)
    html = client.get(reverse("profile")).text
    assert "<code>Authorization: Token &lt;votre jeton&gt;</code>" in html
    assert "Token ." not in html


@pytest.mark.parametrize(
    "name", ["account_signup", "account_login", "account_reset_password", "account_reset_password_done",
             "account_email_verification_sent"],
)
def test_account_pages_offer_no_contact_the_site_does_not_have(client, name):
    """allauth's « contactez-nous », with no one to contact: the pages' own text says what to do."""
    html = client.get(reverse(name)).text
    main = html.split('<main', 1)[1].split("</main>", 1)[0]  # the footer may link a contact page
    assert "contact" not in main.lower()


def test_from_the_login_page_sign_up_still_leads_back(client):
    """« Connectez-vous pour commenter » → login → « Créez-en un »: the page to come back to follows."""
    html = client.get(reverse("account_login") + "?next=/propositions/").text
    assert 'href="/compte/signup/?next=%2Fpropositions%2F"' in html
    form = client.get("/compte/signup/?next=%2Fpropositions%2F").text
    assert 'name="next" value="/propositions/"' in form


def test_the_emailed_link_carries_no_foreign_next(client):
    client.post(reverse("account_signup"), signup_data(next="https://ailleurs.example/piege/"))
    assert "next=" not in emailed_link(mail.outbox[0]) and "ailleurs" not in mail.outbox[0].body
