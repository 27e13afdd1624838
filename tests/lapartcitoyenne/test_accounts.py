import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from consultations.models import Territory

pytestmark = pytest.mark.django_db


def test_signup_verify_and_login_by_email(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "nadia@example.org", "password1": "un-mot-de-passe-long-42", "password2": "un-mot-de-passe-long-42"},
        follow=True,
    )
    assert response.status_code == 200
    user = get_user_model().objects.get(email="nadia@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/compte/confirm-email/\S+/", message.body).group(0)
    path = link.split("testserver", 1)[1]
    confirmation = client.post(path, follow=True)
    assert confirmation.status_code == 200
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "nadia@example.org", "password": "un-mot-de-passe-long-42"}
    )
    assert response.status_code == 302
    assert client.get(reverse("profile")).status_code == 200


def test_signup_with_a_taken_email_creates_nothing_and_reveals_nothing(client, citizen):
    """allauth's enumeration protection: same answer as a new sign-up, the owner is told by email."""
    response = client.post(
        reverse("account_signup"),
        {"email": citizen.email.upper(), "password1": "un-mot-de-passe-long-42", "password2": "un-mot-de-passe-long-42"},
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email__iexact=citizen.email).count() == 1
    (message,) = mail.outbox
    assert message.to == [citizen.email]


def test_signup_page_is_french_and_uses_the_site_layout(client):
    html = client.get(reverse("account_signup")).text
    assert '<html lang="fr">' in html
    assert "Aller au contenu" in html
    assert "Création de compte" in html


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
