from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from ..factories import EventFactory

pytestmark = pytest.mark.django_db


def test_programme_feed_has_one_vevent_per_session_of_published_events(client):
    start = timezone.now() + timedelta(days=4)
    EventFactory(title="Cycle", sessions=[(start, start + timedelta(hours=2), "Tours"), (start + timedelta(days=7), start + timedelta(days=7, hours=2), None)])
    EventFactory(title="Brouillon", status="draft")
    response = client.get(reverse("consultations:programme_ics"))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["version"]) == "2.0"
    events = calendar.walk("VEVENT")
    assert len(events) == 2
    assert {str(e["summary"]) for e in events} == {"Cycle"}
    assert len({str(e["uid"]) for e in events}) == 2
    assert {str(e["location"]) for e in events} == {"Tours", "En ligne"}
    assert b"visio.example.org" not in response.content


def test_event_feed(client):
    event = EventFactory(status="cancelled")
    calendar = Calendar.from_ical(client.get(reverse("consultations:event_ics", args=[event.slug])).content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["status"]) == "CANCELLED"
    assert vevent.decoded("dtend") > vevent.decoded("dtstart")


def test_feeds_link_to_the_address_they_were_fetched_from_with_the_sites_uids(client, settings):
    """Under ``make run PORT=8124`` the calendar's links open the running site; the UIDs stay the
    site's (SITE_URL), so the e-mailed .ics and the feed update the same entry."""
    settings.PARTICIPATION = {**settings.PARTICIPATION, "SITE_URL": "https://participer.example.fr"}
    event = EventFactory()
    for path in (reverse("consultations:programme_ics"), reverse("consultations:event_ics", args=[event.slug])):
        response = client.get(path, HTTP_HOST="127.0.0.1:8124")
        (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
        assert str(vevent["url"]) == f"http://127.0.0.1:8124{event.get_absolute_url()}"
        assert str(vevent["uid"]).endswith("@participer.example.fr")


def test_the_emailed_calendar_links_to_the_site_url(settings):
    from consultations.ical import event_calendar

    settings.PARTICIPATION = {**settings.PARTICIPATION, "SITE_URL": "http://127.0.0.1:8124"}
    event = EventFactory()
    (vevent,) = event_calendar(event).walk("VEVENT")
    assert str(vevent["url"]) == f"http://127.0.0.1:8124{event.get_absolute_url()}"
