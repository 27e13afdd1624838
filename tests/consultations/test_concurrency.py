"""The capacity holds when many people register at once (row lock on the event): PostgreSQL only."""

import pytest
from django.db import connection

from consultations import services
from consultations.models import RegistrationStatus

from ..concurrency import run_together
from ..factories import EventFactory, UserFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks and real concurrency"),
]


def _run_at_once(actions):
    results = run_together(actions)
    assert not [r for r in results if isinstance(r, Exception) and not isinstance(r, services.RegistrationRefused)]


def test_concurrent_registrations_never_pass_the_capacity():
    event = EventFactory(capacity=3)
    people = UserFactory.create_batch(12)
    _run_at_once([lambda person=person: services.register(event, person) for person in people])
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == 3
    assert statuses.count(RegistrationStatus.WAITING) == 9


def test_the_same_person_registering_many_times_at_once_keeps_one_row():
    event = EventFactory()
    person = UserFactory()
    _run_at_once([lambda: services.register(event, person) for _ in range(10)])
    assert event.registrations.count() == 1


def test_seats_added_while_newcomers_register_go_to_those_waiting_first():
    event = EventFactory(capacity=1)
    waiting = UserFactory.create_batch(4)
    for person in waiting:
        services.register(event, person)
    newcomers = UserFactory.create_batch(6)

    def raise_capacity():
        event.refresh_from_db()
        event.capacity = 4
        event.save()

    _run_at_once([raise_capacity] + [lambda person=person: services.register(event, person) for person in newcomers])
    confirmed = set(event.registrations.filter(status=RegistrationStatus.CONFIRMED).values_list("user", flat=True))
    assert confirmed == {person.pk for person in waiting}
