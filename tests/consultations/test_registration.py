from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from consultations import services
from consultations.models import Registration, RegistrationStatus

from ..factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_registration_confirms_and_emails_an_ics(citizen, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=10)
    with django_capture_on_commit_callbacks(execute=True):
        registration = services.register(event, citizen)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [citizen.email]
    assert "Inscription confirmée" in message.subject
    filename, content, mimetype = message.attachments[0]
    assert filename == f"{event.slug}.ics"
    assert mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["summary"]) == event.title
    assert vevent.decoded("dtstart") == event.sessions.get().starts_at


def test_registering_twice_is_refused_and_keeps_one_row(citizen):
    event = EventFactory()
    services.register(event, citizen)
    with pytest.raises(services.RegistrationRefused) as refusal:
        services.register(event, citizen)
    assert refusal.value.message == "Vous êtes déjà inscrit·e à cet événement."
    assert Registration.objects.filter(event=event, user=citizen).count() == 1


def test_full_event_puts_people_on_the_waiting_list_in_order(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    assert services.register(event, first).status == RegistrationStatus.CONFIRMED
    assert services.register(event, second).status == RegistrationStatus.WAITING
    assert services.register(event, third).status == RegistrationStatus.WAITING

    with django_capture_on_commit_callbacks(execute=True):
        cancellation = services.cancel_registration(event, first)

    assert cancellation.promoted.user == second
    statuses = dict(event.registrations.values_list("user__email", "status"))
    assert statuses == {
        first.email: RegistrationStatus.CANCELLED,
        second.email: RegistrationStatus.CONFIRMED,
        third.email: RegistrationStatus.WAITING,
    }
    (promotion,) = mail.outbox
    assert promotion.to == [second.email]
    assert "Une place s'est libérée" in promotion.subject
    assert promotion.attachments, "the promoted person gets the calendar file too"


def test_cancelling_a_waiting_place_promotes_nobody():
    event = EventFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    services.register(event, first)
    services.register(event, second)
    services.register(event, third)
    assert services.cancel_registration(event, second).promoted is None
    assert event.registrations.get(user=third).status == RegistrationStatus.WAITING


def test_full_event_without_waiting_list_is_refused():
    event = EventFactory(capacity=1, waiting_list=False)
    services.register(event, UserFactory())
    with pytest.raises(services.RegistrationRefused, match="complet"):
        services.register(event, UserFactory())


def test_past_event_is_refused(citizen):
    start = timezone.now() - timedelta(days=3)
    event = EventFactory(sessions=[(start, start + timedelta(hours=2), "Tours")])
    with pytest.raises(services.RegistrationRefused) as refusal:
        services.register(event, citizen)
    assert refusal.value.code == "past"
    assert not Registration.objects.exists()


def test_closed_registration_is_refused(citizen):
    event = EventFactory(registration_closes_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.RegistrationRefused, match="clôturées"):
        services.register(event, citizen)


def test_cancelled_event_is_refused(citizen):
    event = EventFactory(status="cancelled")
    with pytest.raises(services.RegistrationRefused, match="annulé"):
        services.register(event, citizen)


def test_unverified_email_is_refused(unverified_user):
    event = EventFactory()
    with pytest.raises(services.RegistrationRefused) as refusal:
        services.register(event, unverified_user)
    assert refusal.value.code == "unverified"
    assert "vérifier votre adresse" in refusal.value.message


def test_register_again_after_cancelling_reuses_the_row(citizen):
    event = EventFactory()
    services.register(event, citizen)
    services.cancel_registration(event, citizen)
    again = services.register(event, citizen)
    assert again.status == RegistrationStatus.CONFIRMED
    assert again.cancelled_at is None
    assert Registration.objects.filter(event=event, user=citizen).count() == 1


def test_cancelling_without_registration_is_refused(citizen):
    with pytest.raises(services.RegistrationRefused, match="pas inscrit"):
        services.cancel_registration(EventFactory(), citizen)


def test_waiting_email_has_no_calendar(citizen, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    services.register(event, UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        services.register(event, citizen)
    (message,) = [m for m in mail.outbox if m.to == [citizen.email]]
    assert "liste d'attente" in message.subject.lower()
    assert not message.attachments
