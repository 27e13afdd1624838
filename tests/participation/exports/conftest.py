from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Registration, RegistrationStatus
from tests.factories import ConsultationFactory, EventFactory, TerritoryFactory, UserFactory


def register(event, user, status=RegistrationStatus.CONFIRMED, attended=False, when=None):
    return Registration.objects.create(
        event=event,
        user=user,
        status=status,
        attended=attended,
        queued_at=when or timezone.now(),
        cancelled_at=timezone.now() if status == RegistrationStatus.CANCELLED else None,
    )


@pytest.fixture
def frame(db):
    """Two events of one public consultation, with registrations; a third event elsewhere."""
    consultation = ConsultationFactory(slug="quartiers-2025", title="Quartiers 2025")
    territory = TerritoryFactory(slug="tours", name="Tours")
    start = timezone.now() - timedelta(days=30)
    first = EventFactory(slug="journee-regionale", consultation=consultation, territory=territory,
                         sessions=[(start, start + timedelta(hours=6), "Tours")])
    second = EventFactory(slug="webinaire-ecoute", consultation=consultation,
                          sessions=[(start + timedelta(days=7), start + timedelta(days=7, hours=2), None)])
    other = EventFactory(slug="ailleurs")
    people = [UserFactory(display_name=f"Participant {n}") for n in range(4)]
    register(first, people[0], attended=True)
    register(first, people[1], attended=True)
    register(first, people[2], status=RegistrationStatus.WAITING)
    register(second, people[0], attended=True)
    register(second, people[3], status=RegistrationStatus.CANCELLED)
    register(other, people[1])
    return {"consultation": consultation, "events": [first, second, other], "people": people}
