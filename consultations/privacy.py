"""What the frame holds about a person, and how it forgets them (see the site's privacy page)."""

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone

from .models import Registration, RegistrationStatus
from .services import RegistrationRefused, cancel_registration

CANCELLED_REGISTRATION_RETENTION = timedelta(days=365)


def user_data(user):
    registrations = Registration.objects.filter(user=user).select_related("event").order_by("queued_at")
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "event_url": registration.event.get_absolute_url(),
                "status": registration.status,
                "registered_at": registration.queued_at.isoformat(),
                "cancelled_at": registration.cancelled_at.isoformat() if registration.cancelled_at else None,
                "attended": registration.attended,
            }
            for registration in registrations
        ]
    }


def forget_user(user):
    """Upcoming seats go back to the waiting list; past registrations stay, anonymous, for the counts."""
    now = timezone.now()
    upcoming = (
        Registration.objects.filter(user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .annotate(last_start=Max("event__sessions__starts_at"))
        .filter(last_start__gt=now)
        .select_related("event")
    )
    for registration in upcoming:
        try:
            cancel_registration(registration.event, user, now=now)
        except RegistrationRefused:
            continue


def apply_retention(now):
    """Cancelled registrations are deleted a year after the event's last session."""
    old = (
        Registration.objects.filter(status=RegistrationStatus.CANCELLED)
        .annotate(last_end=Max("event__sessions__ends_at"))
        .filter(last_end__lt=now - CANCELLED_REGISTRATION_RETENTION)
    )
    deleted, _ = Registration.objects.filter(pk__in=list(old.values_list("pk", flat=True))).delete()
    return {"cancelled registrations deleted": deleted}
