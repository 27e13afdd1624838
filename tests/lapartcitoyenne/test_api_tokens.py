"""Personal API tokens: never a way around two-factor authentication, and they expire."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ..factories import UserFactory

ROLES = ["citizen", "council_member", "facilitator", "moderator", "staff"]
# Roles that must confirm TOTP, and the fixture of the same role without it.
WITHOUT_TOTP = {"moderator": "moderator_without_totp", "staff": "staff_without_totp"}


def token_client(user):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get(user=user).key}")
    return api


def create_token(client_for, user):
    return client_for(user).post(reverse("regenerate_api_token"), follow=True)


def test_a_visitor_cannot_create_a_token(client, db):
    response = client.post(reverse("regenerate_api_token"))
    assert response.status_code == 302
    assert not Token.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_every_role_with_what_it_requires_creates_a_working_token(role, user_for_role, client_for):
    user = user_for_role(role)
    page = create_token(client_for, user)
    assert "Votre nouveau jeton" in page.text
    assert token_client(user).get("/api/me/registrations/").status_code == 200


@pytest.mark.parametrize("role", list(WITHOUT_TOTP))
def test_an_account_lacking_its_required_totp_gets_no_token(role, request, client_for):
    user = request.getfixturevalue(WITHOUT_TOTP[role])
    client = client_for(user)
    profile = client.get(reverse("profile"))
    assert "Votre rôle exige l’authentification à deux facteurs" in profile.text
    assert "Créer un jeton d'API" not in profile.text
    page = client.post(reverse("regenerate_api_token"), follow=True)
    assert "Votre rôle exige l’authentification à deux facteurs" in page.text
    assert not Token.objects.filter(user=user).exists()


@pytest.mark.parametrize("role", list(WITHOUT_TOTP))
def test_a_token_held_without_the_required_totp_is_refused(role, request):
    """A token created before the promotion (or before TOTP was removed) stops working."""
    user = request.getfixturevalue(WITHOUT_TOTP[role])
    Token.objects.create(user=user)
    response = token_client(user).get("/api/me/registrations/")
    assert response.status_code == 401
    assert response.json()["code"] == "two_factor_required"
    assert "deux facteurs" in response.json()["detail"]


def test_staff_without_totp_cannot_read_the_log_nor_block_through_a_token(staff_without_totp):
    target = UserFactory()
    Token.objects.create(user=staff_without_totp)
    api = token_client(staff_without_totp)
    assert api.get("/api/moderation/log/").status_code == 401
    blocked = api.post("/api/moderation/blocks/", {"user": target.pk, "reason": "Spam"}, format="json")
    assert blocked.status_code == 401


def test_moderator_without_totp_cannot_block_through_a_token(moderator_without_totp):
    from participation.moderation.models import Block

    target = UserFactory()
    Token.objects.create(user=moderator_without_totp)
    blocked = token_client(moderator_without_totp).post(
        "/api/moderation/blocks/", {"user": target.pk, "reason": "Spam"}, format="json"
    )
    assert blocked.status_code == 401
    assert not Block.objects.filter(user=target).exists()


def test_with_totp_the_same_calls_go_through(staff, moderator):
    from participation.moderation.models import Block

    for user in (staff, moderator):
        Token.objects.create(user=user)
    assert token_client(staff).get("/api/moderation/log/").status_code == 200
    target = UserFactory()
    blocked = token_client(moderator).post(
        "/api/moderation/blocks/", {"user": target.pk, "reason": "Spam"}, format="json"
    )
    assert blocked.status_code == 201
    assert Block.objects.filter(user=target).exists()


def test_a_session_call_to_the_api_without_the_required_totp_is_a_json_refusal(client_for, staff_without_totp):
    response = client_for(staff_without_totp).get("/api/moderation/log/")
    assert response.status_code == 403
    assert response.json()["code"] == "two_factor_required"


def test_a_token_expires_and_my_account_renews_it(settings, citizen, client_for):
    settings.API_TOKEN_MAX_AGE = timedelta(days=90)
    create_token(client_for, citizen)
    Token.objects.filter(user=citizen).update(created=timezone.now() - timedelta(days=89))
    assert token_client(citizen).get("/api/me/registrations/").status_code == 200
    profile = client_for(citizen).get(reverse("profile"))
    assert "Votre jeton d’API fonctionne jusqu’au" in profile.text

    Token.objects.filter(user=citizen).update(created=timezone.now() - timedelta(days=91))
    expired = token_client(citizen).get("/api/me/registrations/")
    assert expired.status_code == 401
    assert expired.json()["code"] == "token_expired"
    assert "a expiré" in expired.json()["detail"]
    assert "Votre jeton d’API a expiré le" in client_for(citizen).get(reverse("profile")).text

    create_token(client_for, citizen)
    assert token_client(citizen).get("/api/me/registrations/").status_code == 200
