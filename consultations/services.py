"""Actions on the frame that touch several rows, each in one transaction."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Consultation,
    Event,
    EventStatus,
    Follow,
    Registration,
    RegistrationStatus,
    Step,
    Visibility,
)
from .moderation import not_citizen_refusal
from .rules import is_citizen
from .tasks import send_registration_email, send_step_opened_email, send_synthesis_email


class RegistrationRefused(Exception):
    """A registration or cancellation that cannot be done; the message is for the person."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def registration_closed_reason(event, now=None):
    """Why nobody can register now, or None when registration is open."""
    now = now or timezone.now()
    if event.status == EventStatus.CANCELLED:
        return _("This event has been cancelled."), "cancelled"
    if event.status != EventStatus.PUBLISHED:
        return _("This event is not published."), "not_published"
    if not event.registration_enabled:
        return _("Registration for this event is not done on this site."), "closed"
    sessions = list(event.sessions.all())
    if not sessions:
        return _("This event has no date yet."), "closed"
    first_start = min(session.starts_at for session in sessions)
    if first_start <= now:
        return _("This event has already started or is over."), "past"
    if event.registration_closes_at and event.registration_closes_at <= now:
        return _("Registration for this event is closed."), "closed"
    return None


def _confirmed_count(event):
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


@transaction.atomic
def register(event, user, now=None):
    """Give the person a seat, or a place on the waiting list; refuse with a reason otherwise."""
    now = now or timezone.now()
    if not is_citizen(user):
        raise RegistrationRefused(*not_citizen_refusal(user, _("Please verify your email address before registering."), "register"))
    # Locking the event serialises registrations, so the capacity holds under concurrency.
    event = Event.objects.select_for_update().get(pk=event.pk)
    reason = registration_closed_reason(event, now)
    if reason:
        raise RegistrationRefused(*reason)
    registration = (
        Registration.objects.select_for_update().filter(event=event, user=user).first()
    )
    if registration and registration.is_active:
        if registration.status == RegistrationStatus.WAITING:
            message = _("You are already on the waiting list for this event.")
        else:
            message = _("You are already registered for this event.")
        raise RegistrationRefused(message, "already_registered")
    if event.capacity is None or _confirmed_count(event) < event.capacity:
        status = RegistrationStatus.CONFIRMED
    elif event.waiting_list:
        status = RegistrationStatus.WAITING
    else:
        raise RegistrationRefused(_("This event is full."), "full")
    if registration is None:
        registration = Registration(event=event, user=user)
    registration.status = status
    registration.queued_at = now
    registration.cancelled_at = None
    registration.save()
    transaction.on_commit(
        lambda: send_registration_email.enqueue(registration_id=registration.pk, kind=status)
    )
    return registration


@dataclass
class Cancellation:
    registration: Registration
    promoted: Registration | None


@transaction.atomic
def cancel_registration(event, user, now=None):
    """Free the person's place; the first person waiting takes it and is told by email."""
    now = now or timezone.now()
    event = Event.objects.select_for_update().get(pk=event.pk)
    registration = (
        Registration.objects.select_for_update()
        .filter(event=event, user=user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        raise RegistrationRefused(_("You are not registered for this event."), "not_registered")
    first_start = min((s.starts_at for s in event.sessions.all()), default=None)
    if first_start is not None and first_start <= now:
        raise RegistrationRefused(
            _("This event has already started: the registration can no longer be cancelled."),
            "past",
        )
    freed_seat = registration.status == RegistrationStatus.CONFIRMED
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    promoted = _promote_next(event) if freed_seat else None
    return Cancellation(registration=registration, promoted=promoted)


def _promote_next(event):
    if event.capacity is not None and _confirmed_count(event) >= event.capacity:
        return None
    promoted = (
        event.registrations.select_for_update()
        .filter(status=RegistrationStatus.WAITING)
        .order_by("queued_at", "pk")
        .first()
    )
    if promoted is None:
        return None
    promoted.status = RegistrationStatus.CONFIRMED
    promoted.save(update_fields=["status"])
    transaction.on_commit(
        lambda: send_registration_email.enqueue(registration_id=promoted.pk, kind="promoted")
    )
    return promoted


class FollowRefused(Exception):
    """Joining or leaving a consultation that cannot be done; the message is for the person."""

    def __init__(self, message, code):
        super().__init__(message)
        self.message = message
        self.code = code


def follow(consultation, user):
    """Join the consultation (idempotent); returns the Follow and whether it is new."""
    if not user.has_perm("consultations.follow_consultation", consultation):
        raise FollowRefused(
            *not_citizen_refusal(user, _("Please verify your email address before joining a consultation."), "join")
        )
    membership, created = Follow.objects.get_or_create(consultation=consultation, user=user)
    if not created and not membership.email_notifications:
        membership.email_notifications = True
        membership.save(update_fields=["email_notifications"])
    return membership, created


def unfollow(consultation, user):
    deleted, _rows = Follow.objects.filter(consultation=consultation, user=user).delete()
    if not deleted:
        raise FollowRefused(_("You have not joined this consultation."), "not_following")


def stop_emails(follow_id):
    """The one-click unsubscribe: the person stays a member, without emails."""
    return Follow.objects.filter(pk=follow_id).update(email_notifications=False) > 0


@transaction.atomic
def announce_due_steps(now=None):
    """Mark every step that has opened and was not announced; enqueue one email task per open step.

    Run periodically (``manage.py notify_step_openings``). Steps of drafts wait for publication;
    a step that already closed is marked without an email, nobody wants news of a closed step.
    """
    now = now or timezone.now()
    due = list(
        Step.objects.select_for_update(skip_locked=True)
        .filter(announced_at__isnull=True, starts_at__lte=now)
        .exclude(consultation__visibility=Visibility.DRAFT)
        .order_by("starts_at", "pk")
    )
    Step.objects.filter(pk__in=[step.pk for step in due]).update(announced_at=now)
    opened = [step.pk for step in due if step.ends_at > now]
    for step_id in opened:
        transaction.on_commit(lambda step_id=step_id: send_step_opened_email.enqueue(step_id=step_id))
    return opened


@transaction.atomic
def publish_synthesis(consultation, now=None):
    """Publish the synthesis once and tell the followers by email."""
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.synthesis_published_at is not None:
        return False
    consultation.synthesis_published_at = now or timezone.now()
    consultation.save(update_fields=["synthesis_published_at"])
    transaction.on_commit(
        lambda: send_synthesis_email.enqueue(consultation_id=consultation.pk)
    )
    return True
