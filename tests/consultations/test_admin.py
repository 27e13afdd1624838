from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Event

from ..factories import ThemeFactory

pytestmark = pytest.mark.django_db


def _form(theme, starts, ends, **extra):
    data = {
        "title": "Atelier fresque du climat",
        "slug": "atelier-fresque",
        "kind": "workshop",
        "theme": theme.pk,
        "status": "published",
        "registration_enabled": "on",
        "waiting_list": "on",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-0-starts_at_0": starts.strftime("%d/%m/%Y"),
        "sessions-0-starts_at_1": starts.strftime("%H:%M"),
        "sessions-0-ends_at_0": ends.strftime("%d/%m/%Y"),
        "sessions-0-ends_at_1": ends.strftime("%H:%M"),
        "sessions-0-city": "Blois",
        "resources-TOTAL_FORMS": "0",
        "resources-INITIAL_FORMS": "0",
        "registrations-TOTAL_FORMS": "0",
        "registrations-INITIAL_FORMS": "0",
    }
    data.update(extra)
    return data


def test_admin_refuses_a_session_that_ends_before_it_starts(admin_client_2fa):
    theme = ThemeFactory()
    starts = timezone.localtime() + timedelta(days=5)
    response = admin_client_2fa.post("/admin/consultations/event/add/", _form(theme, starts, starts - timedelta(hours=1)))
    assert response.status_code == 200
    assert "Une séance doit se terminer après son début" in response.text
    assert not Event.objects.exists()


def test_admin_creates_an_event_with_its_session(admin_client_2fa):
    theme = ThemeFactory()
    starts = timezone.localtime().replace(second=0, microsecond=0) + timedelta(days=5)
    response = admin_client_2fa.post("/admin/consultations/event/add/", _form(theme, starts, starts + timedelta(hours=3)))
    assert response.status_code == 302, response.context["errors"] if response.context else response
    event = Event.objects.get()
    assert event.sessions.get().city == "Blois"


def test_admin_event_list_links_to_registrations(admin_client_2fa):
    response = admin_client_2fa.get("/admin/consultations/event/")
    assert response.status_code == 200
