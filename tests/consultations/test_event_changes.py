"""Registrants hear of the changes that matter (cancelled, moved), once, with a calendar that updates."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from consultations import services
from consultations.models import EventStatus

from ..admin_forms import post_change_form
from ..factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_people(django_capture_on_commit_callbacks):
    """Two sessions, one seat taken, one person waiting; the registration e-mails already sent."""
    start = (timezone.now() + timedelta(days=20)).replace(hour=9, minute=0, second=0, microsecond=0)
    event = EventFactory(
        capacity=1,
        sessions=[(start, start + timedelta(hours=3), "Tours"), (start + timedelta(days=7), start + timedelta(days=7, hours=3), "Tours")],
    )
    seated, waiting = UserFactory(display_name="Awa"), UserFactory(display_name="Bruno")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, seated)
        services.register(event, waiting)
    registration_ics = Calendar.from_ical(mail.outbox[0].attachments[0][1])
    mail.outbox.clear()
    return event, seated, waiting, registration_ics


def _sequence(calendar):
    return {int(component["sequence"]) for component in calendar.walk("VEVENT")}


def _change_url(event):
    return f"/admin/consultations/event/{event.pk}/change/"


def test_cancelling_an_event_tells_every_registrant_once_and_cancels_it_in_their_calendar(
    admin_client_2fa, event_with_people, django_capture_on_commit_callbacks
):
    event, seated, waiting, registration_ics = event_with_people
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(admin_client_2fa, _change_url(event), status="cancelled")
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted([seated.email, waiting.email])
    by_person = {m.to[0]: m for m in mail.outbox}
    message = by_person[seated.email]
    assert message.subject.startswith("Annulé :")
    assert "est annulé" in message.body
    filename, content, mimetype = message.attachments[0]
    assert mimetype == "text/calendar; method=CANCEL"
    calendar = Calendar.from_ical(content)
    assert str(calendar["method"]) == "CANCEL"
    assert {str(c["status"]) for c in calendar.walk("VEVENT")} == {"CANCELLED"}
    assert {str(c["uid"]) for c in calendar.walk("VEVENT")} == {str(c["uid"]) for c in registration_ics.walk("VEVENT")}
    assert min(_sequence(calendar)) > max(_sequence(registration_ics))
    assert all(str(c["organizer"]).startswith("mailto:") for c in calendar.walk("VEVENT"))
    # The person waiting is told, without a calendar entry they never had.
    assert by_person[waiting.email].attachments == []


def test_moving_sessions_sends_one_email_per_person_with_an_updated_calendar(
    admin_client_2fa, event_with_people, django_capture_on_commit_callbacks
):
    event, seated, waiting, registration_ics = event_with_people
    first, second = event.sessions.order_by("starts_at")
    new_day = timezone.localtime(first.starts_at + timedelta(days=1)).strftime("%d/%m/%Y")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(
            admin_client_2fa,
            _change_url(event),
            **{"sessions-0-starts_at_0": new_day, "sessions-0-ends_at_0": new_day, "sessions-1-place": "Salle Thélème"},
        )
    assert response.status_code == 302, response.context["errors"] if response.context else response
    first.refresh_from_db()
    assert first.starts_at.date() != registration_ics.walk("VEVENT")[0].decoded("dtstart").date()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([seated.email, waiting.email])
    message = next(m for m in mail.outbox if m.to == [seated.email])
    assert message.subject.startswith("Changement de date ou de lieu :")
    assert "Salle Thélème" in message.body
    calendar = Calendar.from_ical(message.attachments[0][1])
    assert str(calendar["method"]) == "PUBLISH"
    assert min(_sequence(calendar)) > max(_sequence(registration_ics))
    moved = {str(c["uid"]).split("@")[0]: c.decoded("dtstart") for c in calendar.walk("VEVENT")}
    assert moved[f"session-{first.pk}"] == first.starts_at


def test_each_change_raises_the_sequence_again(event_with_people, django_capture_on_commit_callbacks):
    event, seated, *_rest = event_with_people
    session = event.sessions.first()
    sequences = []
    for hours in (1, 2):
        with django_capture_on_commit_callbacks(execute=True):
            session.starts_at += timedelta(hours=hours)
            session.ends_at += timedelta(hours=hours)
            session.save()
        (latest, *_older) = [m for m in reversed(mail.outbox) if m.to == [seated.email]]
        sequences.append(max(_sequence(Calendar.from_ical(latest.attachments[0][1]))))
    assert sequences[0] < sequences[1]
    assert len(mail.outbox) == 4  # two people, two changes


def test_cosmetic_edits_send_nothing_and_keep_the_sequence(
    admin_client_2fa, event_with_people, django_capture_on_commit_callbacks, client
):
    event, *_rest, registration_ics = event_with_people
    with django_capture_on_commit_callbacks(execute=True):
        response = post_change_form(
            admin_client_2fa,
            _change_url(event),
            title="Un nouveau titre",
            description="Un texte revu.",
            **{"sessions-0-title": "Matinée"},
        )
    assert response.status_code == 302
    assert mail.outbox == []
    public = Calendar.from_ical(client.get(reverse("consultations:event_ics", args=[event.slug])).content)
    assert _sequence(public) == _sequence(registration_ics)


def test_the_public_calendar_carries_the_sequence_and_the_cancellation(event_with_people, client):
    event, *_rest = event_with_people
    event.status = EventStatus.CANCELLED
    event.save()
    calendar = Calendar.from_ical(client.get(reverse("consultations:event_ics", args=[event.slug])).content)
    assert {str(c["status"]) for c in calendar.walk("VEVENT")} == {"CANCELLED"}
    assert _sequence(calendar) == {event.revision} and event.revision > 0


def test_a_stale_copy_of_the_event_never_lowers_its_revision(event_with_people):
    event, *_rest = event_with_people
    stale = type(event).objects.get(pk=event.pk)
    session = event.sessions.first()
    session.starts_at += timedelta(hours=1)
    session.save()
    raised = type(event).objects.get(pk=event.pk).revision
    assert raised > stale.revision
    stale.title = "Autre titre"
    stale.save()
    assert type(event).objects.get(pk=event.pk).revision == raised


def test_changes_to_a_draft_tell_nobody(event_with_people, django_capture_on_commit_callbacks):
    event, *_rest = event_with_people
    type(event).objects.filter(pk=event.pk).update(status=EventStatus.DRAFT)
    session = event.sessions.first()
    with django_capture_on_commit_callbacks(execute=True):
        session.starts_at += timedelta(hours=1)
        session.save()
    assert mail.outbox == []
