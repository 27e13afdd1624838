"""Every 429 says when to come back (Retry-After), whichever limit refused."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

from lapartcitoyenne.ratelimit import RetryAfterMiddleware

from ..factories import EventFactory
from ..participation.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def _retry_after(response):
    assert response.status_code == 429
    return int(response["Retry-After"])


def test_the_site_write_limit_on_pages_and_api_says_when_to_come_back(client, citizen, settings):
    settings.WRITE_RATE_PER_USER = "2/m"
    client.force_login(citizen)
    url = reverse("profile")
    responses = [client.post(url, {"display_name": f"Awa {n}"}) for n in range(3)]
    assert _retry_after(responses[-1]) == 60
    settings.WRITE_RATE_PER_IP = "1/5m"
    api = APIClient()
    event = EventFactory()
    responses = [api.post(f"/api/events/{event.slug}/register/") for _ in range(2)]
    assert _retry_after(responses[-1]) == 300


def test_the_plugins_page_limit_says_when_to_come_back(citizen, client_for, settings):
    settings.PARTICIPATION = {**settings.PARTICIPATION, "WRITES_PER_MINUTE": 1}
    proposal = ProposalFactory(consultation=None, support_threshold=None)
    client = client_for(citizen)
    url = reverse("proposals:support", args=[proposal.pk])
    responses = [client.post(url, {"action": action}) for action in ("add", "remove")]
    assert _retry_after(responses[-1]) == 60


def test_drf_throttles_say_when_to_come_back(citizen, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {**ScopedRateThrottle.THROTTLE_RATES, "write": "1/minute"})
    api = APIClient()
    api.force_authenticate(citizen)
    event = EventFactory()
    api.post(f"/api/events/{event.slug}/register/")
    response = api.post(f"/api/events/{event.slug}/cancel/")
    assert 0 < _retry_after(response) <= 60
    assert response.json()["code"] == "throttled"


def test_any_other_429_gets_a_retry_after():
    middleware = RetryAfterMiddleware(lambda request: HttpResponse("Trop de requêtes", status=429))
    assert _retry_after(middleware(RequestFactory().post("/accounts/login/"))) == 300
    kept = RetryAfterMiddleware(lambda request: HttpResponse(status=429, headers={"Retry-After": "7"}))
    assert _retry_after(kept(RequestFactory().get("/"))) == 7
