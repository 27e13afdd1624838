"""Who may do what with events, role by role."""

import pytest

from ..conftest import ROLES
from ..factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db

# role -> (view a published event, view a draft, register, see the registrations list)
EXPECTED = {
    "visitor": (True, False, False, False),
    "citizen": (True, False, True, False),
    "council_member": (True, False, True, False),
    "facilitator": (True, False, True, False),
    "moderator": (True, False, True, False),
    "staff": (True, True, True, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_event_permissions_by_role(role, user_for_role):
    from django.contrib.auth.models import AnonymousUser

    user = user_for_role(role) or AnonymousUser()
    published, draft = EventFactory(), EventFactory(status="draft")
    answers = (
        user.has_perm("consultations.view_event", published),
        user.has_perm("consultations.view_event", draft),
        user.has_perm("consultations.register_for_event", published),
        user.has_perm("consultations.view_event_registrations", published),
    )
    assert answers == EXPECTED[role]


def test_assigned_facilitator_sees_the_registrations_of_their_event(facilitator, client):
    event = EventFactory()
    assert not facilitator.has_perm("consultations.view_event_registrations", event)
    event.facilitators.add(facilitator)
    assert facilitator.has_perm("consultations.view_event_registrations", event)
    client.force_login(facilitator)
    assert client.get(f"/evenements/{event.slug}/inscrits/").status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_registrations_page_by_role(role, user_for_role, client_for):
    event = EventFactory()
    event.registrations.create(user=UserFactory(email="inscrite@example.org"), status="confirmed")
    response = client_for(user_for_role(role)).get(f"/evenements/{event.slug}/inscrits/")
    if role == "visitor":
        assert response.status_code == 302
    elif role == "staff":
        assert response.status_code == 200
        assert "inscrite@example.org" in response.text
    else:
        assert response.status_code == 403


def test_the_event_page_links_the_registrations_for_whoever_may_read_them(facilitator, client_for):
    event = EventFactory()
    link = f"/evenements/{event.slug}/inscrits/"
    assert link not in client_for(facilitator).get(event.get_absolute_url()).text
    event.facilitators.add(facilitator)
    assert link in client_for(facilitator).get(event.get_absolute_url()).text
