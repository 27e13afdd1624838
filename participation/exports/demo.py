"""Demo registrations and attendance for the past events, so the statistics page has figures.

Call after the site's demo (``manage.py load_demo``)::

    from participation.exports.demo import load_demo
    load_demo()
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from consultations.demo import demo_resident
from consultations.models import Event, Registration, RegistrationStatus

PARTICIPANTS = 40


@transaction.atomic
def load_demo(now=None):
    """Idempotent: the same people, registrations and attendance on every run."""
    now = now or timezone.now()
    people = [demo_resident(f"participant{n}", f"Participant·e {n}", password=None) for n in range(PARTICIPANTS)]
    draw = random.Random(7)
    past = Event.objects.past(now).filter(status="published").order_by("first_start", "pk")
    for event in past:
        for user in draw.sample(people, draw.randint(5, 25)):
            waiting = draw.random() < 0.1
            Registration.objects.update_or_create(
                event=event,
                user=user,
                defaults={
                    "status": RegistrationStatus.WAITING if waiting else RegistrationStatus.CONFIRMED,
                    "queued_at": event.first_start - timedelta(days=draw.randint(2, 30)),
                    "attended": not waiting and draw.random() < 0.8,
                    "cancelled_at": None,
                },
            )
    return people
