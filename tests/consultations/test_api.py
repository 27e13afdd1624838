import re
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from consultations.models import RegistrationStatus

from ..factories import EventFactory, EventResourceFactory, PartnerFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    return APIClient()


def _in(days, city="Tours"):
    start = timezone.now() + timedelta(days=days)
    return (start, start + timedelta(hours=2), city)


def test_event_list_upcoming_by_default_with_sessions(api):
    EventFactory(title="Bientôt", sessions=[_in(2, None), _in(9)])
    EventFactory(title="Passé", sessions=[_in(-9)])
    EventFactory(title="Brouillon", status="draft")
    data = api.get("/api/events/").json()
    assert data["count"] == 1
    (event,) = data["results"]
    assert event["title"] == "Bientôt"
    assert [s["is_online"] for s in event["sessions"]] == [True, False]
    assert "online_url" not in event["sessions"][0]


def test_event_list_filters(api):
    transitions = ThemeFactory(slug="transitions", name="Transitions")
    EventFactory(title="Fresque", theme=transitions, kind="workshop", sessions=[_in(3, "Blois")])
    EventFactory(title="Webinaire", kind="webinar", sessions=[_in(4, None)])
    assert [e["title"] for e in api.get("/api/events/?theme=transitions").json()["results"]] == ["Fresque"]
    assert [e["title"] for e in api.get("/api/events/?city=en-ligne").json()["results"]] == ["Webinaire"]
    assert [e["title"] for e in api.get("/api/events/?kind=workshop").json()["results"]] == ["Fresque"]
    assert [e["title"] for e in api.get("/api/events/?q=fresque").json()["results"]] == ["Fresque"]
    assert api.get("/api/events/?period=past").json()["count"] == 0


def test_bad_filter_is_a_400_with_a_french_reason(api):
    response = api.get("/api/events/?month=2027-13")
    assert response.status_code == 400
    assert "AAAA-MM" in response.json()["errors"]["month"][0]
    assert response.json()["code"] == "invalid" and response.json()["detail"].startswith("month : ")


def test_event_detail_has_resources(api):
    event = EventFactory(sessions=[_in(-30)])
    EventResourceFactory(event=event, title="Synthèse")
    data = api.get(f"/api/events/{event.slug}/").json()
    assert data["resources"] == [{"kind": "replay", "title": "Synthèse", "href": "https://www.youtube.com/watch?v=exemple"}]


def test_draft_event_is_not_found(api):
    assert api.get(f"/api/events/{EventFactory(status='draft').slug}/").status_code == 404


def test_register_and_cancel_with_a_token(api, citizen):
    event = EventFactory(capacity=1)
    token = Token.objects.create(user=citizen)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = api.post(f"/api/events/{event.slug}/register/")
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"

    again = api.post(f"/api/events/{event.slug}/register/")
    assert again.status_code == 409
    assert again.json() == {"detail": "Vous êtes déjà inscrit·e à cet événement.", "code": "already_registered"}

    mine = api.get("/api/me/registrations/").json()
    assert [r["event"] for r in mine["results"]] == [event.slug]

    cancelled = api.post(f"/api/events/{event.slug}/cancel/")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert event.registrations.get().status == RegistrationStatus.CANCELLED
    assert api.post(f"/api/events/{event.slug}/cancel/").status_code == 409


def test_register_needs_authentication(api):
    response = api.post(f"/api/events/{EventFactory().slug}/register/")
    assert response.status_code in (401, 403)


def test_unverified_account_gets_403_with_reason(api, unverified_user):
    api.force_authenticate(unverified_user)
    response = api.post(f"/api/events/{EventFactory().slug}/register/")
    assert response.status_code == 403
    assert response.json()["code"] == "unverified"


def test_past_event_registration_is_a_400(api, citizen):
    api.force_authenticate(citizen)
    response = api.post(f"/api/events/{EventFactory(sessions=[_in(-1)]).slug}/register/")
    assert response.status_code == 400
    assert response.json()["code"] == "past"


@pytest.mark.parametrize("size", [3, 30])
def test_event_list_query_count(api, django_assert_max_num_queries, size):
    for index in range(size):
        event = EventFactory(sessions=[_in(index + 1), _in(index + 2, None)])
        event.partners.add(PartnerFactory())
    with django_assert_max_num_queries(6):
        response = api.get("/api/events/")
    assert len(response.json()["results"]) == min(size, 20)


@pytest.mark.parametrize("size", [3, 30])
def test_session_list_query_count(api, django_assert_max_num_queries, size):
    for index in range(size):
        EventFactory(sessions=[_in(index + 1)])
    with django_assert_max_num_queries(3):
        response = api.get("/api/sessions/")
    assert response.json()["count"] == size


@pytest.mark.parametrize("size", [2, 25])
def test_my_registrations_query_count(api, citizen, django_assert_max_num_queries, size):
    for _ in range(size):
        EventFactory().registrations.create(user=citizen, status="confirmed")
    api.force_authenticate(citizen)
    with django_assert_max_num_queries(4):
        response = api.get("/api/me/registrations/")
    assert response.json()["count"] == size


def test_schema_and_docs_are_served_locally(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/events/{slug}/register/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    # Every script and stylesheet of the docs page comes from our own static files, none from a CDN.
    # (Not a bare "cdn" search: the page's random CSRF token contains those letters now and then.)
    sources = re.findall(r"""(?:src|href)=["']([^"']+)["']""", docs.text)
    assert sources and all(source.startswith(("/", "#")) for source in sources), sources
    assert not re.search(r"https?://[^\s\"']*(cdn|jsdelivr|unpkg)", docs.text, re.IGNORECASE)
