import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from ..factories import EventFactory

pytestmark = pytest.mark.django_db


def test_page_writes_are_rate_limited_with_a_french_message(client, citizen, settings):
    settings.WRITE_RATE_PER_USER = "3/m"
    client.force_login(citizen)
    url = reverse("profile")
    statuses = [client.post(url, {"display_name": f"Awa {n}"}).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    response = client.post(url, {"display_name": "Awa 5"})
    assert "Vous allez trop vite" in response.text
    citizen.refresh_from_db()
    assert citizen.display_name == "Awa 2"


def test_api_writes_are_rate_limited_per_ip(settings):
    settings.WRITE_RATE_PER_IP = "2/m"
    api = APIClient()
    event = EventFactory()
    url = f"/api/events/{event.slug}/register/"
    assert [api.post(url).status_code for _ in range(3)][-1] == 429
    assert api.post(url).json()["code"] == "rate_limited"


def test_reading_is_not_limited(client, settings):
    settings.WRITE_RATE_PER_IP = "1/m"
    assert all(client.get(reverse("consultations:programme")).status_code == 200 for _ in range(5))


def test_login_is_locked_after_repeated_failures(client, citizen):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": citizen.email, "password": "mauvais"})
    response = client.post(reverse("account_login"), {"login": citizen.email, "password": "mot-de-passe-solide-42"})
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_security_headers(client):
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    # A nonce only where a page uses one (the home page runs no inline script, not even htmx's).
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
