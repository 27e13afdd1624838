"""What the frame holds about a person, and how it forgets them (see the site's privacy page)."""

from datetime import timedelta

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from .models import FailedTask, Follow, OutboxEmail, Registration, RegistrationStatus
from .services import RegistrationRefused, cancel_registration

CANCELLED_REGISTRATION_RETENTION = timedelta(days=365)
# The marks of e-mails sent by tasks only guard against a retry sending twice: a retry comes within
# minutes. Failed tasks keep their arguments (ids) for staff to look into, for six months.
OUTBOX_RETENTION = timedelta(days=30)
FAILED_TASK_RETENTION = timedelta(days=182)


def delete_counted(queryset):
    """Delete, and count the rows of the queryset's own model: not the rows that went with them."""
    return queryset.delete()[1].get(queryset.model._meta.label, 0)


def iso(moment):
    """A moment in the data download: ISO 8601, microseconds kept, or None."""
    return moment.isoformat() if moment else None


# The readable "Mes données" page names each key of the download in the person's language.
DATA_LABELS = {
    "attended": pgettext_lazy("personal data", "Attended"),
    "cancelled_at": pgettext_lazy("personal data", "Cancelled on"),
    "consultation": pgettext_lazy("personal data", "Consultation"),
    "consultation_url": pgettext_lazy("personal data", "Consultation address"),
    "email_notifications": pgettext_lazy("personal data", "Email notifications"),
    "event": pgettext_lazy("personal data", "Event"),
    "event_url": pgettext_lazy("personal data", "Event address"),
    "events_facilitated": pgettext_lazy("personal data", "Events facilitated"),
    "followed_consultations": pgettext_lazy("personal data", "Followed consultations"),
    "joined_at": pgettext_lazy("personal data", "Joined on"),
    "private_consultations": pgettext_lazy("personal data", "Private consultations"),
    "registered_at": pgettext_lazy("personal data", "Registered on"),
    "registrations": pgettext_lazy("personal data", "Registrations"),
    "status": pgettext_lazy("personal data", "Status"),
}


def user_data(user):
    registrations = Registration.objects.filter(user=user).select_related("event").order_by("queued_at")
    follows = Follow.objects.filter(user=user).select_related("consultation").order_by("created_at", "pk")
    # Memberships of private consultations and events to facilitate are access the person was given.
    private = user.private_consultations.order_by("title")
    facilitated = user.facilitated_events.order_by("title")
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "event_url": registration.event.get_absolute_url(),
                "status": registration.get_status_display(),
                "registered_at": registration.queued_at.isoformat(),
                "cancelled_at": iso(registration.cancelled_at),
                "attended": registration.attended,
            }
            for registration in registrations
        ],
        "followed_consultations": [
            {
                "consultation": follow.consultation.title,
                "consultation_url": follow.consultation.get_absolute_url(),
                "joined_at": follow.created_at.isoformat(),
                "email_notifications": follow.email_notifications,
            }
            for follow in follows
        ],
        "private_consultations": [
            {"consultation": consultation.title, "consultation_url": consultation.get_absolute_url()}
            for consultation in private
        ],
        "events_facilitated": [
            {"event": event.title, "event_url": event.get_absolute_url()} for event in facilitated
        ],
    }


def forget_user(user):
    """Upcoming seats go back to the waiting list; past registrations stay, anonymous, for the counts.

    Follows go, so no consultation news is sent to the anonymised address; access to private
    consultations and facilitation of events go with the person, who can no longer use them.
    """
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
    Follow.objects.filter(user=user).delete()
    user.private_consultations.clear()
    user.facilitated_events.clear()


def apply_retention(now):
    """Cancelled registrations are deleted a year after the event's last session."""
    old = (
        Registration.objects.filter(status=RegistrationStatus.CANCELLED)
        .annotate(last_end=Max("event__sessions__ends_at"))
        .filter(last_end__lt=now - CANCELLED_REGISTRATION_RETENTION)
    )
    deleted = delete_counted(Registration.objects.filter(pk__in=list(old.values_list("pk", flat=True))))
    return {
        "cancelled registrations deleted": deleted,
        "e-mail marks deleted": delete_counted(OutboxEmail.objects.filter(created_at__lt=now - OUTBOX_RETENTION)),
        "failed tasks deleted": delete_counted(FailedTask.objects.filter(failed_at__lt=now - FAILED_TASK_RETENTION)),
    }
