"""The frame's attendance hook: what it records, what it tells, what reads it."""

import pytest

from consultations.attendance import attendance_recorded, record_attendance
from consultations.exports import registration_row
from consultations.models import Registration, RegistrationStatus
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_recorded_once_with_its_time_and_told_once():
    event, person = EventFactory(), UserFactory()
    Registration.objects.create(event=event, user=person, status=RegistrationStatus.WAITING)
    told = []
    attendance_recorded.connect(lambda sender, registration, **kw: told.append(registration.pk), weak=False, dispatch_uid="t")
    try:
        assert record_attendance(event.pk, person.pk) is True
        assert record_attendance(event.pk, person.pk) is False
    finally:
        attendance_recorded.disconnect(dispatch_uid="t")
    registration = Registration.objects.get()
    assert registration.attended and registration.attended_at is not None and len(told) == 1


def test_no_registration_no_record():
    assert record_attendance(EventFactory().pk, UserFactory().pk) is False
    assert not Registration.objects.exists()


def test_unticking_attended_takes_the_time_away():
    event, person = EventFactory(), UserFactory()
    registration = Registration.objects.create(event=event, user=person, status=RegistrationStatus.CONFIRMED)
    record_attendance(event.pk, person.pk)
    registration.refresh_from_db()
    registration.attended = False
    registration.save()
    registration.refresh_from_db()
    assert registration.attended_at is None


def test_the_export_says_since_when():
    event, person = EventFactory(), UserFactory()
    Registration.objects.create(event=event, user=person, status=RegistrationStatus.CONFIRMED)
    record_attendance(event.pk, person.pk)

    class Scope:
        personal_data = False

        def pseudonym(self, pk):
            return "p1"

    row = registration_row(Registration.objects.select_related("event").get(), Scope())
    assert row["attended"] is True and row["attended_at"] is not None
