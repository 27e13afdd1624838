"""« A participé »: the frame's hook through which a tool says a registered person took part.

A live room calls ``record_attendance()`` when a signed-in person follows it while it is open; any
other tool may do the same. It marks their registration (``attended``, ``attended_at`` the first
time), which the statistics (registered against present) and the registrations export read. A person
without a registration, or who cancelled, is not recorded: attendance is counted against a place.
"""

from django.dispatch import Signal
from django.utils import timezone

from .models import Registration, RegistrationStatus

# Sent once per registration, the first time it is marked present: sender=Registration, registration.
attendance_recorded = Signal()


def record_attendance(event_id, user_id, now=None):
    """Mark the person's registration to the event as present; True if it was not yet. One query when already marked."""
    now = now or timezone.now()
    registration = (
        Registration.objects.filter(event_id=event_id, user_id=user_id, attended_at__isnull=True)
        .exclude(status=RegistrationStatus.CANCELLED)
        .only("pk", "attended")
        .first()
    )
    if registration is None:
        return False
    updated = Registration.objects.filter(pk=registration.pk, attended_at__isnull=True).update(attended=True, attended_at=now)
    if updated:
        registration.attended, registration.attended_at = True, now
        attendance_recorded.send(sender=Registration, registration=registration)
    return bool(updated)
